import { write } from '@/db/client';
import { getReviewLevels, setReviewLevels } from '@/db/queries/review-levels';
import { getUnitYear } from '@/db/queries/units';
import { notFound } from '@/lib/actions/errors';
import type { ReviewLevels } from '@/lib/domain/review-levels';
import { requireAdmin } from '@/lib/projects/access';
import type { Who } from '@/lib/projects/commands/shared';
import { auditAdmin } from '../audit';

/**
 * Sets a unit-year's review to one level or two (部门审核 → 财政审核); audited when it changes. Tables
 * already at 部门已审核 when it goes back to one level are approved or returned by any of its reviewers.
 */
export async function setUnitYearReviewLevels(who: Who, unitYearId: number, levels: ReviewLevels): Promise<{ isChanged: boolean }> {
  requireAdmin(who.actor);
  return write(async () => {
    const uy = await getUnitYear(unitYearId);
    if (!uy) throw notFound('预算年度');
    const before = await getReviewLevels(unitYearId);
    if (before === levels) return { isChanged: false };
    await setReviewLevels(unitYearId, levels, who.actor.id);
    await auditAdmin(who, 'update', 'unit-year', unitYearId, [{ field: 'reviewLevels', before, after: levels }], uy.unitId);
    return { isChanged: true };
  });
}
