/**
 * What 批量审核通过 selects. "全选" takes only the tables without 提醒: a table with warnings is approved
 * in bulk only when its own box was ticked on purpose, so nobody signs off a warning unseen.
 */

export type QueueRow = { id: number; name: string; warningCount: number; errorCount: number };

/** Rows "全选" may take: no warnings and no errors (a table with errors cannot be approved anyway). */
export function isQuietRow(row: QueueRow): boolean {
  return row.warningCount === 0 && row.errorCount === 0;
}

/**
 * "全选" ticked: every quiet row, plus the rows with warnings already ticked one by one. Unticked: the
 * quiet rows go; a row with warnings ticked on purpose stays ticked until its own box is unticked.
 */
export function selectAll(rows: readonly QueueRow[], selected: ReadonlySet<number>, isChecked: boolean): Set<number> {
  return new Set(rows.filter((r) => (isChecked && isQuietRow(r)) || (!isQuietRow(r) && selected.has(r.id))).map((r) => r.id));
}

/** The "全选" box reads checked when every quiet row is selected (and there is one). */
export function isAllSelected(rows: readonly QueueRow[], selected: ReadonlySet<number>): boolean {
  const quiet = rows.filter(isQuietRow);
  return quiet.length > 0 && quiet.every((r) => selected.has(r.id));
}

export function toggleRow(selected: ReadonlySet<number>, id: number): Set<number> {
  const next = new Set(selected);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/** The rows to approve, in the queue's order (a selection may hold ids that left the queue). */
export function selectedRows<R extends QueueRow>(rows: readonly R[], selected: ReadonlySet<number>): R[] {
  return rows.filter((r) => selected.has(r.id));
}
