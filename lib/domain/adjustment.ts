/**
 * 绩效目标调整: the rows that change (原指标值 → 调整后指标值, each with its reason), the goal and the
 * 全年预算数 before → after, and the table as later stages see it once approved. Pure.
 */
import type { TargetTable } from './table';

export type AdjustedRow = { rowKey: string; name: string; before: string; after: string; reason: string };
export type Adjustment = { rows: AdjustedRow[]; goalBefore: string; goalAfter: string; budgetBefore: string; budgetAfter: string };

/** The table with an approved adjustment applied (row values, goal, 全年预算数); the original is not changed. */
export function adjustedTable(table: TargetTable, adjustment: Adjustment | null): TargetTable {
  if (!adjustment) return table;
  const after = new Map(adjustment.rows.map((r) => [r.rowKey, r.after]));
  return {
    ...table,
    goal: adjustment.goalAfter,
    budget: { ...table.budget, total: adjustment.budgetAfter },
    indicators: table.indicators.map((r) => (r.key && after.has(r.key) ? { ...r, value: after.get(r.key)! } : r)),
  };
}

/** Only rows whose value really changes are kept; each needs a reason. */
export function changedRows(rows: readonly AdjustedRow[]): { rows: AdjustedRow[]; missingReason: number[] } {
  const changed = rows.filter((r) => r.after.trim() !== '' && r.after.trim() !== r.before.trim()).map((r) => ({ ...r, after: r.after.trim(), reason: r.reason.trim() }));
  return { rows: changed, missingReason: changed.flatMap((r, i) => (r.reason === '' ? [i] : [])) };
}
