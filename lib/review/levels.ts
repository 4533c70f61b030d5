/**
 * The two-level review (issue 18) as every reviewed document applies it — tables, monitoring reports
 * and 自评表 alike: what a review decision does in the document's unit-year, and the facts the
 * operations table needs to place the caller at a level. Each document only says how to find who
 * approved it at the department level in its latest round (its own events table).
 */
import { getReviewLevels } from '@/db/queries/review-levels';
import type { Operation, Target } from '@/lib/auth/operations';
import { reviewStep, type ReviewStep } from '@/lib/domain/review-levels';
import type { Status } from '@/lib/domain/workflow';

/** The step a review decision takes from `from` in this unit-year; null for other actions (submit, withdraw, …). */
export async function decisionStep(action: string, from: Status, unitYearId: number): Promise<ReviewStep | null> {
  if (action !== 'approve' && action !== 'return') return null;
  return reviewStep(action, from, await getReviewLevels(unitYearId));
}

/**
 * For a review decision in a two-level year: the level the document waits for and (at the finance
 * level) whether the caller approved it at the department level. Nothing for other operations.
 */
export async function reviewLevelFacts(
  op: Operation,
  doc: { status: Status; unitYearId: number },
  actorId: number,
  lastDeptApprover: () => Promise<number | null>,
): Promise<Pick<Target, 'reviewLevel' | 'isDeptApprover'>> {
  if (!op.reviewDecision) return {};
  const step = reviewStep(op.reviewDecision, doc.status, await getReviewLevels(doc.unitYearId));
  if (!step?.level) return {};
  return step.level === 'finance' ? { reviewLevel: 'finance', isDeptApprover: (await lastDeptApprover()) === actorId } : { reviewLevel: 'department' };
}
