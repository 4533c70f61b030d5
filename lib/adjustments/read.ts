/** A table as later stages (monitoring, self-evaluation) see it: with its latest approved adjustment. */
import { latestApprovedAdjustment, listAdjustments, type AdjustmentView } from '@/db/queries/adjustments';
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

export async function effectiveTable(projectId: number, table: TargetTable): Promise<{ table: TargetTable; adjustment: TableAdjustmentRow | null }> {
  const a = (await latestApprovedAdjustment(projectId)) ?? null;
  return { table: adjustedTable(table, a ? adjustmentOf(a) : null), adjustment: a };
}

export async function adjustmentsOf(projectId: number): Promise<AdjustmentView[]> {
  return listAdjustments(projectId);
}
