import { formatWanyuan } from '@/lib/domain/money';

/** An amount in 万元 with two decimals; null shows as a dash. */
export function Wanyuan({ yuan }: { yuan: number | null }) {
  return <>{yuan === null ? '—' : formatWanyuan(yuan)}</>;
}
