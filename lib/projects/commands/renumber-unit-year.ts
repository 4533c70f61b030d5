import { write } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { listProjectsOfUnitYear, setPublishedNumbers } from '@/db/queries/projects';
import { getUnitYear } from '@/db/queries/units';
import { notFound } from '@/lib/actions/errors';
import { requireAdmin } from '../access';
import { publishedNumbers, renumbered } from '../numbering';
import type { Who } from './shared';

/**
 * 重新编号: the administrator numbers a unit-year's approved tables 1…n in list order, e.g. before the
 * section is published again. The only way a published number changes; the audit keeps every change.
 */
export async function renumberUnitYear(who: Who, unitYearId: number): Promise<{ changed: number }> {
  requireAdmin(who.actor);
  return write(async () => {
    const uy = await getUnitYear(unitYearId);
    if (!uy) throw notFound('预算年度');
    const rows = await listProjectsOfUnitYear(unitYearId);
    const before = publishedNumbers(rows);
    const after = renumbered(rows);
    const changes = rows
      .filter((r) => after.has(r.id) && (r.publishedNumber !== after.get(r.id)))
      .map((r) => ({ projectId: r.id, code: r.code, name: r.name, before: before.get(r.id) ?? null, after: after.get(r.id)! }));
    if (changes.length === 0) return { changed: 0 };
    await setPublishedNumbers(unitYearId, new Map(changes.map((c) => [c.projectId, c.after])));
    await appendAudit({ userId: who.actor.id, username: who.actor.username, action: 'renumber', entity: 'unit-year', entityId: unitYearId, unitId: uy.unitId, changes, ip: who.ip });
    return { changed: changes.filter((c) => c.before !== c.after).length };
  });
}
