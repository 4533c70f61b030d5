/**
 * 绩效目标调整: the rows that change (原指标值 → 调整后指标值, each with its reason), the goal and the
 * 全年预算数 before → after, and the table as later stages see it once approved. Pure.
 */
import type { TargetTable } from './table';

export type AdjustedRow = { rowKey: string; name: string; before: string; after: string; reason: string };
export type Adjustment = { rows: AdjustedRow[]; goalBefore: string; goalAfter: string; budgetBefore: string; budgetAfter: string };

/**
 * The table with its approved adjustments applied, oldest first (row values, goal, 全年预算数); the original is
 * not changed. Each adjustment lists only the rows it changes, so a row changed by the first and not by the
 * second keeps the first's value; goal and 全年预算数 are the latest's.
 */
export function adjustedTable(table: TargetTable, adjustments: readonly Adjustment[]): TargetTable {
  if (adjustments.length === 0) return table;
  const after = new Map(adjustments.flatMap((a) => a.rows.map((r) => [r.rowKey, r.after] as const)));
  const latest = adjustments[adjustments.length - 1]!;
  return {
    ...table,
    goal: latest.goalAfter,
    budget: { ...table.budget, total: latest.budgetAfter },
    indicators: table.indicators.map((r) => (r.key && after.has(r.key) ? { ...r, value: after.get(r.key)! } : r)),
  };
}

/** Only rows whose value really changes are kept; each needs a reason. */
export function changedRows(rows: readonly AdjustedRow[]): { rows: AdjustedRow[]; missingReason: number[] } {
  const changed = rows.filter((r) => r.after.trim() !== '' && r.after.trim() !== r.before.trim()).map((r) => ({ ...r, after: r.after.trim(), reason: r.reason.trim() }));
  return { rows: changed, missingReason: changed.flatMap((r, i) => (r.reason === '' ? [i] : [])) };
}
