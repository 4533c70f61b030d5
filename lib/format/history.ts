/**
 * How a table's history reads: every event named in Chinese (an event the labels do not know reads
 * 其他操作, never its English id), an approval's note called 签署意见, and newest first unless asked.
 */
import { isReturnAction } from '@/lib/domain/review-levels';
import { ACTION_LABELS } from '@/lib/domain/workflow';

/** An import over a stored draft reads as the one update it is (issue 19 item 6), not as a create. */
export function eventLabel(action: string, isOverwrite = false): string {
  if (action === 'import' && isOverwrite) return '导入（覆盖草稿）';
  return ACTION_LABELS[action] ?? '其他操作';
}

/** What the text kept with an event is: a reason for a return or reopening, a sign-off note for an approval. */
export function reasonLabel(action: string): string {
  return action === 'approve' || action === 'deptApprove' || action === 'financeApprove' ? '签署意见' : '理由';
}

export type HistoryOrder = 'newest' | 'oldest';

/** `?order=oldest` reads from the start; anything else (or nothing) newest first. */
export function historyOrder(param: string | string[] | undefined): HistoryOrder {
  return param === 'oldest' ? 'oldest' : 'newest';
}

/** Events in the chosen order; equal times keep their recorded order (by id). */
export function orderEvents<E extends { at: number; id: number }>(events: readonly E[], order: HistoryOrder): E[] {
  const sign = order === 'newest' ? -1 : 1;
  return [...events].sort((a, b) => sign * (a.at - b.at || a.id - b.id));
}

/** Saves and imports that change a table's content. */
const EDITS = new Set(['update', 'import', 'revise']);

/**
 * "自退回以来的修改": the edits made after the table's latest return, oldest first, so the reviewer reads
 * what changed between the version they returned and the one resubmitted. Null when it was never returned.
 */
export function editsSinceReturn<E extends { at: number; id: number; action: string }>(events: readonly E[]): E[] | null {
  const ordered = orderEvents(events, 'oldest');
  const i = ordered.map((e) => isReturnAction(e.action)).lastIndexOf(true);
  if (i < 0) return null;
  return ordered.slice(i + 1).filter((e) => EDITS.has(e.action));
}
