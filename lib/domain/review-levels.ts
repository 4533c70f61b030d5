/**
 * Two-level review (两级审核, issue 18) as pure rules. A unit-year reviews at one level (the default:
 * any reviewer whose grant covers the unit approves) or at two: 部门审核, then 财政审核.
 *
 * Which level a reviewer works at, for a table of unit U, follows from where their reviewer grant sits
 * on U's chain upwards [U, parent, …, top of the tree]:
 * - on U itself: 'unit' (reviews at one level only; in a two-level year they may view and comment);
 * - on the top of the tree (a unit with no parent) at least two levels above U: 'finance' (财政审核);
 * - on any other unit above U: 'department' (部门审核) — the 主管部门 and anything between it and U.
 * A grant "for this unit only" covers only the unit it is on, so it never gives a level above it.
 * docs/rules.md says the same in prose.
 */
import type { Status } from './workflow';

export type ReviewLevel = 'unit' | 'department' | 'finance';
export type ReviewLevels = 1 | 2;

export const LEVEL_LABELS: Record<Exclude<ReviewLevel, 'unit'>, string> = { department: '部门审核', finance: '财政审核' };

/** The level of a reviewer grant `distance` units above the table's unit; `isOnTop`: the grant's unit has no parent. */
export function grantLevel(distance: number, isOnTop: boolean): ReviewLevel {
  if (distance === 0) return 'unit';
  return isOnTop && distance >= 2 ? 'finance' : 'department';
}

/** What a review decision does: the status it leads to, the level it needs (null: any reviewer), the event it records. */
export type ReviewStep = { to: Status; level: Exclude<ReviewLevel, 'unit'> | null; recorded: RecordedReviewAction };

export const RECORDED_REVIEW_ACTIONS = ['approve', 'return', 'deptApprove', 'deptReturn', 'financeApprove', 'financeReturn'] as const;
export type RecordedReviewAction = (typeof RECORDED_REVIEW_ACTIONS)[number];

export const RECORDED_LABELS: Record<Exclude<RecordedReviewAction, 'approve' | 'return'>, string> = {
  deptApprove: '部门审核通过',
  deptReturn: '部门审核退回',
  financeApprove: '财政审核通过',
  financeReturn: '财政审核退回',
};

/**
 * The step `decision` takes from `from` in a year reviewed at `levels`; null when it cannot be taken.
 * A table left at 部门已审核 when the year is switched back to one level is approved or returned by any reviewer.
 */
export function reviewStep(decision: 'approve' | 'return', from: Status, levels: ReviewLevels): ReviewStep | null {
  if (from !== 'submitted' && from !== 'dept_approved') return null;
  const to: Status = decision === 'approve' ? 'approved' : 'returned';
  if (levels === 1) return { to, level: null, recorded: decision };
  if (from === 'submitted') {
    return decision === 'approve' ? { to: 'dept_approved', level: 'department', recorded: 'deptApprove' } : { to, level: 'department', recorded: 'deptReturn' };
  }
  return { to, level: 'finance', recorded: decision === 'approve' ? 'financeApprove' : 'financeReturn' };
}

/** The statuses a reviewer at these levels acts on in a year reviewed at `levels`: what waits for them. */
export function waitingStatuses(mine: readonly ReviewLevel[], levels: ReviewLevels): Status[] {
  if (mine.length === 0) return [];
  if (levels === 1) return ['submitted', 'dept_approved'];
  const out: Status[] = [];
  if (mine.includes('department')) out.push('submitted');
  if (mine.includes('finance')) out.push('dept_approved');
  return out;
}

export function isReturnAction(action: string): boolean {
  return action === 'return' || action === 'deptReturn' || action === 'financeReturn';
}

/**
 * The return the owner still has to answer: the latest return, unless the thing was submitted again
 * after it. `events` oldest first.
 */
export function openReturn<E extends { action: string }>(events: readonly E[]): E | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const e = events[i]!;
    if (isReturnAction(e.action)) return e;
    if (e.action === 'submit') return undefined;
  }
  return undefined;
}

/** Which level returned a table, for the owner: 部门审核 / 财政审核, or null at one level. */
export function returnLevelLabel(action: string): string | null {
  if (action === 'deptReturn') return LEVEL_LABELS.department;
  if (action === 'financeReturn') return LEVEL_LABELS.finance;
  return null;
}
