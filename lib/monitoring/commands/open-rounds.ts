import { write } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { latestApprovedAdjustment } from '@/db/queries/adjustments';
import { findRound, insertReport, insertRound, listApprovedProjects } from '@/db/queries/monitoring';
import { getUnitYear } from '@/db/queries/units';
import { invalid, notFound } from '@/lib/actions/errors';
import { requireAdmin } from '@/lib/projects/access';
import type { OpenRoundsInput } from '../schemas';
import type { Who } from './shared';

export type OpenedRound = { unitYearId: number; roundId: number; reports: number; reportIds: number[] };

/**
 * Opens a round (1–X月, due by a deadline) in each unit-year given, all or none: every approved table
 * gets a draft report whose 全年预算数 starts at the table's 预算数. A unit-year with a round for the
 * same month already is refused, so nobody's reports are replaced.
 */
export async function openRounds(who: Who, input: OpenRoundsInput): Promise<OpenedRound[]> {
  requireAdmin(who.actor);
  return write(async () => {
    const opened: OpenedRound[] = [];
    for (const unitYearId of [...new Set(input.unitYearIds)]) {
      const unitYear = await getUnitYear(unitYearId);
      if (!unitYear) throw notFound('预算年度');
      if (await findRound(unitYearId, input.month)) {
        throw invalid(`${unitYear.year} 年度已开启 1–${input.month}月的监控`, { unitYearIds: [`${unitYear.year} 年度已开启 1–${input.month}月的监控`] });
      }
      const round = await insertRound({ unitYearId, month: input.month, deadline: input.deadline, openedBy: who.actor.id });
      const tables = await listApprovedProjects(unitYearId);
      const reportIds: number[] = [];
      for (const t of tables) {
        // 全年预算数 starts at the table's 预算数, or at the adjusted one when an adjustment was approved.
        const budgetYuan = (await latestApprovedAdjustment(t.id))?.budgetAfterYuan ?? t.totalYuan;
        reportIds.push((await insertReport({ roundId: round.id, projectId: t.id, budgetYuan })).id);
      }
      await appendAudit({
        userId: who.actor.id,
        username: who.actor.username,
        action: 'create',
        entity: 'monitoring-round',
        entityId: round.id,
        unitId: unitYear.unitId,
        changes: { year: unitYear.year, month: input.month, deadline: input.deadline, reports: tables.length },
        ip: who.ip,
      });
      opened.push({ unitYearId, roundId: round.id, reports: tables.length, reportIds });
    }
    return opened;
  });
}
