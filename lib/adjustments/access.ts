import { getAdjustment } from '@/db/queries/adjustments';
import { getProject } from '@/db/queries/projects';
import { getUnitYear } from '@/db/queries/units';
import type { TableAdjustmentRow } from '@/db/schema';
import { notFound } from '@/lib/actions/errors';
import type { Operation, Target } from '@/lib/auth/operations';
import type { Actor } from '@/lib/auth/permissions';

export type AdjustmentScope = { adjustment: TableAdjustmentRow; unitId: number };

export async function adjustmentScope(adjustmentId: number): Promise<AdjustmentScope> {
  const adjustment = await getAdjustment(adjustmentId);
  const project = adjustment ? await getProject(adjustment.projectId) : undefined;
  const unitYear = project ? await getUnitYear(project.unitYearId) : undefined;
  if (!adjustment || !unitYear) throw notFound('目标调整');
  return { adjustment, unitId: unitYear.unitId };
}

/** The proposer of an adjustment is its author: someone else decides on it. */
export async function adjustmentTarget(op: Operation, adjustmentId: number, actor: Actor): Promise<Target> {
  const { adjustment, unitId } = await adjustmentScope(adjustmentId);
  return { unitId, status: adjustment.status, isAuthor: op.isRefusedToAuthors === true && adjustment.proposedBy === actor.id };
}
