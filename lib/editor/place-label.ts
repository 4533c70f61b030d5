/** Where a finding is, in words; paths that name no single field get a label here. */
import { locationLabel } from '@/lib/domain/locations';
import type { Finding } from '@/lib/domain/rules';
import type { TargetTable } from '@/lib/domain/table';

const WHOLE: Record<string, string> = { unitYear: '本年度全部表' };

export function placeLabel(path: string, table: TargetTable | null): string {
  return WHOLE[path] ?? locationLabel(path, table);
}

/** `预算数：金额格式不正确…`, not `预算数：预算数：…` when the message already starts with the place. */
export function findingText(f: Finding, table: TargetTable | null): string {
  const where = placeLabel(f.path, table);
  return f.message.startsWith(`${where}：`) ? f.message : `${where}：${f.message}`;
}
