import { write } from '@/db/client';
import { getDeadline, setDeadline } from '@/db/queries/departments';
import { getUnitYear } from '@/db/queries/units';
import { notFound } from '@/lib/actions/errors';
import { requireAdmin } from '@/lib/projects/access';
import type { Who } from '@/lib/projects/commands/shared';
import { auditAdmin } from '../audit';

/** Sets (or with null clears) a unit-year's 编报截止日期; audited when it changes. */
export async function setUnitYearDeadline(who: Who, unitYearId: number, dueOn: string | null): Promise<{ isChanged: boolean }> {
  requireAdmin(who.actor);
  return write(async () => {
    const uy = await getUnitYear(unitYearId);
    if (!uy) throw notFound('预算年度');
    const before = await getDeadline(unitYearId);
    if (before === dueOn) return { isChanged: false };
    await setDeadline(unitYearId, dueOn, who.actor.id);
    await auditAdmin(who, 'update', 'unit-year', unitYearId, [{ field: 'deadline', before, after: dueOn }], uy.unitId);
    return { isChanged: true };
  });
}
