/** A table as later stages (monitoring, self-evaluation) see it: with its approved adjustments applied. */
import { approvedAdjustments, listAdjustments, type AdjustmentView } from '@/db/queries/adjustments';
import type { TableAdjustmentRow } from '@/db/schema';
import { adjustedTable, type AdjustedRow, type Adjustment } from '@/lib/domain/adjustment';
import { formatWanyuan } from '@/lib/domain/money';
import type { TargetTable } from '@/lib/domain/table';

export type { AdjustmentView };

export function rowsOf(a: Pick<TableAdjustmentRow, 'rows'>): AdjustedRow[] {
  try {
    const parsed: unknown = JSON.parse(a.rows);
    return Array.isArray(parsed) ? (parsed as AdjustedRow[]) : [];
  } catch {
    return [];
  }
}

export function adjustmentOf(a: TableAdjustmentRow): Adjustment {
  return { rows: rowsOf(a), goalBefore: a.goalBefore, goalAfter: a.goalAfter, budgetBefore: formatWanyuan(a.budgetBeforeYuan), budgetAfter: formatWanyuan(a.budgetAfterYuan) };
}

/** The table in force: every approved adjustment applied in turn; `adjustment` is the latest of them. */
export async function effectiveTable(projectId: number, table: TargetTable): Promise<{ table: TargetTable; adjustment: TableAdjustmentRow | null }> {
  const all = (await approvedAdjustments([projectId])).get(projectId) ?? [];
  return { table: adjustedTable(table, all.map(adjustmentOf)), adjustment: all[all.length - 1] ?? null };
}

export async function adjustmentsOf(projectId: number): Promise<AdjustmentView[]> {
  return listAdjustments(projectId);
}
