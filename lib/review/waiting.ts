/**
 * What waits for a reviewer at their level (issue 18): in a one-level year every submitted table of the
 * units they review; in a two-level year the submitted ones if they review at the department level, those
 * at 部门已审核 if at the finance level, nothing if they only review the unit itself.
 */
import type { WaitingGroup } from '@/db/queries/review-levels';
import { reviewLevelsIn, type Actor } from '@/lib/auth/permissions';
import { waitingStatuses } from '@/lib/domain/review-levels';
import type { Status } from '@/lib/domain/workflow';

export function waitingGroups(actor: Actor, unitYears: readonly { id: number; unitId: number }[], twoLevel: ReadonlySet<number>): WaitingGroup[] {
  const byStatus = new Map<Status, number[]>();
  for (const uy of unitYears) {
    const statuses = twoLevel.has(uy.id) ? waitingStatuses(reviewLevelsIn(actor, uy.unitId), 2) : waitingStatuses(['unit'], 1);
    for (const s of statuses) byStatus.set(s, [...(byStatus.get(s) ?? []), uy.id]);
  }
  return [...byStatus].map(([status, unitYearIds]) => ({ status, unitYearIds }));
}
