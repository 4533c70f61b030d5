import { write } from '@/db/client';
import { getUnit } from '@/db/queries/units';
import { notFound } from '@/lib/actions/errors';
import { requireAdmin } from '@/lib/projects/access';
import type { Who } from '@/lib/projects/commands/shared';
import { placeUnit } from '../place-unit';

/** The tree page's move: the unit under `parentId`, or at the top with null. */
export async function moveUnit(who: Who, unitId: number, parentId: number | null): Promise<{ isMoved: boolean }> {
  requireAdmin(who.actor);
  return write(async () => {
    const unit = await getUnit(unitId);
    if (!unit) throw notFound('单位');
    return { isMoved: await placeUnit(who, unit, parentId) };
  });
}
