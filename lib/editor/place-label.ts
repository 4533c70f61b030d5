/** Where a finding is, in words; paths that name no single field get a label here. */
import { locationLabel } from '@/lib/domain/locations';
import type { TargetTable } from '@/lib/domain/table';

const WHOLE: Record<string, string> = { indicators: '绩效指标（整体）', unitYear: '本年度全部表' };

export function placeLabel(path: string, table: TargetTable | null): string {
  return WHOLE[path] ?? locationLabel(path, table);
}
