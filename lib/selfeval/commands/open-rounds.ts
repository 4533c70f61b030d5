import { write } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { listApprovedProjects } from '@/db/queries/monitoring';
import { findSelfEvalRound, insertSelfEval, insertSelfEvalRound } from '@/db/queries/selfeval';
import { getUnitYear } from '@/db/queries/units';
import { invalid, notFound } from '@/lib/actions/errors';
import { evaluateSelfEval } from '@/lib/domain/selfeval';
import { requireAdmin } from '@/lib/projects/access';
import { getProject } from '@/db/queries/projects';
import { loadFramework } from '@/lib/projects/framework';
import { gradeThresholdsOf, prefill, storedScore } from '../read';
import type { OpenSelfEvalRoundsInput } from '../schemas';
import type { Who } from './shared';

export type OpenedSelfEvalRound = { unitYearId: number; roundId: number; selfEvalIds: number[] };

/**
 * Opens self-evaluation in each unit-year given, all or none: every approved table gets a 自评表 in
 * draft, prefilled from its targets in force and its latest monitoring report (lib/selfeval/read
 * prefill). A unit-year already opened is refused, so nobody's 自评表 is replaced.
 */
export async function openSelfEvalRounds(who: Who, input: OpenSelfEvalRoundsInput): Promise<OpenedSelfEvalRound[]> {
  requireAdmin(who.actor);
  return write(async () => {
    const opened: OpenedSelfEvalRound[] = [];
    for (const unitYearId of [...new Set(input.unitYearIds)]) {
      const unitYear = await getUnitYear(unitYearId);
      if (!unitYear) throw notFound('预算年度');
      if (await findSelfEvalRound(unitYearId)) {
        throw invalid(`${unitYear.year} 年度已开启绩效自评`, { unitYearIds: [`${unitYear.year} 年度已开启绩效自评`] });
      }
      const round = await insertSelfEvalRound({ unitYearId, openedBy: who.actor.id });
      const framework = await loadFramework(unitYear.frameworkId);
      const thresholds = gradeThresholdsOf(unitYear);
      const selfEvalIds: number[] = [];
      for (const t of await listApprovedProjects(unitYearId)) {
        const project = await getProject(t.id);
        if (!project) continue;
        const { data, rows } = await prefill(project, framework);
        const score = storedScore(evaluateSelfEval(data, rows, thresholds));
        selfEvalIds.push((await insertSelfEval({ roundId: round.id, projectId: t.id, data: JSON.stringify(data), ...score })).id);
      }
      await appendAudit({
        userId: who.actor.id,
        username: who.actor.username,
        action: 'create',
        entity: 'selfeval-round',
        entityId: round.id,
        unitId: unitYear.unitId,
        changes: { year: unitYear.year, selfEvals: selfEvalIds.length },
        ip: who.ip,
      });
      opened.push({ unitYearId, roundId: round.id, selfEvalIds });
    }
    return opened;
  });
}
