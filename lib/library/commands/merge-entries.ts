/**
 * Merging a near-duplicate (`案件结案率(%)` into `案件结案率`): the entry is kept with `merged_into` set,
 * so its key keeps counting towards the other one — now, and after every `pt library rebuild`. The tables
 * it was learned from are forgotten and learned again, so counts, values and sources move in one step.
 */
import { write } from '@/db/client';
import { getEntries, projectsLearnedInto, setMergedInto } from '@/db/queries/library-curation';
import { denied, invalid, notFound } from '@/lib/actions/errors';
import { can } from '@/lib/auth/permissions';
import type { Who } from '@/lib/projects/commands/shared';
import { forgetProject, learnProject } from '../learning';
import { auditLibrary } from './audit';

export async function mergeEntries(who: Who, fromId: number, intoId: number): Promise<{ intoId: number; tables: number }> {
  if (!can(who.actor, 'admin.manage', null)) throw denied();
  if (fromId === intoId) throw invalid('不能把一条指标合并到它自己', { intoId: ['请选择另一条指标'] });
  return write(async () => {
    const entries = await getEntries([fromId, intoId]);
    const from = entries.find((e) => e.id === fromId);
    const into = entries.find((e) => e.id === intoId);
    if (!from || !into) throw notFound('指标');
    if (from.mergedInto !== null) throw invalid(`“${from.name}”已合并过`);
    if (into.mergedInto !== null) throw invalid(`“${into.name}”已合并到另一条指标，请合并到那一条`, { intoId: ['请选择未合并的指标'] });
    if (from.isStandard && !into.isStandard) throw invalid(`“${from.name}”是标准指标，只能合并到另一条标准指标；或反过来把“${into.name}”合并到它`);
    const tables = await projectsLearnedInto(fromId);
    for (const p of tables) await forgetProject(p);
    await setMergedInto(fromId, intoId);
    for (const p of tables) await learnProject(p);
    await auditLibrary(who, 'merge', fromId, {
      from: { level1: from.level1, level2: from.level2, name: from.name },
      into: { id: intoId, level1: into.level1, level2: into.level2, name: into.name },
      tables: tables.length,
    });
    return { intoId, tables: tables.length };
  });
}
