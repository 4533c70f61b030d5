/** Loads a monitoring report with what its permission is checked on: its round, table and unit. */
import { getProject } from '@/db/queries/projects';
import { getReport, getRound, hasUserTouchedReport } from '@/db/queries/monitoring';
import { getUnitYear } from '@/db/queries/units';
import { lastDeptApproverOfReport } from '@/db/queries/review-levels';
import { getUser } from '@/db/queries/users';
import type { MonitoringReportRow, MonitoringRoundRow, ProjectRow, UnitYearRow } from '@/db/schema';
import { ActionError, denied, notFound, refusalError } from '@/lib/actions/errors';
import { decide, type Operation, type Target } from '@/lib/auth/operations';
import { can, type Actor, type Permission } from '@/lib/auth/permissions';
import { formatTime } from '@/lib/format/time';
import { reviewLevelFacts } from '@/lib/review/levels';

export type ReportScope = { report: MonitoringReportRow; round: MonitoringRoundRow; project: ProjectRow; unitYear: UnitYearRow; unitId: number };

async function loadScope(reportId: number): Promise<ReportScope> {
  const report = await getReport(reportId);
  if (!report) throw notFound('监控表');
  const round = await getRound(report.roundId);
  const project = await getProject(report.projectId);
  const unitYear = round ? await getUnitYear(round.unitYearId) : undefined;
  if (!round || !project || !unitYear) throw notFound('监控表');
  return { report, round, project, unitYear, unitId: unitYear.unitId };
}

export async function reportFor(actor: Actor, reportId: number, permission: Permission): Promise<ReportScope> {
  const scope = await loadScope(reportId);
  if (!can(actor, permission, scope.unitId)) throw denied();
  return scope;
}

/** The report's scope, or null when it does not exist or the actor may not `permission` there (for routes and pages). */
export async function reportScopeIfAllowed(actor: Actor, reportId: number, permission: Permission): Promise<ReportScope | null> {
  try {
    return await reportFor(actor, reportId, permission);
  } catch (error) {
    if (error instanceof ActionError) return null;
    throw error;
  }
}

/** The facts the operations table decides on, for one report. */
export async function reportTarget(op: Operation, reportId: number, actor: Actor): Promise<Target> {
  const scope = await loadScope(reportId);
  return targetOf(op, scope, actor);
}

async function targetOf(op: Operation, scope: ReportScope, actor: Actor): Promise<Target> {
  const isAuthor = op.isRefusedToAuthors === true && (scope.report.submittedBy === actor.id || (await hasUserTouchedReport(scope.report.id, actor.id)));
  // A review decision in a two-level year needs the caller's level, as for tables (lib/review/levels.ts).
  const levels = await reviewLevelFacts(op, { status: scope.report.status, unitYearId: scope.unitYear.id }, actor.id, () => lastDeptApproverOfReport(scope.report.id));
  return { unitId: scope.unitId, status: scope.report.status, isAuthor, ...levels };
}

export async function authorizeOnReport(op: Operation, scope: ReportScope, actor: Actor): Promise<void> {
  const decision = decide(op, { actor, mustChangePassword: false }, await targetOf(op, scope, actor));
  if (decision !== 'allow') throw refusalError(decision, op, scope.report.status);
}

/** The refusal of a save based on an older version: who changed the report and when. */
export async function reportConflict(report: MonitoringReportRow, version: number): Promise<ActionError> {
  const who = report.updatedBy === null ? null : ((await getUser(report.updatedBy))?.displayName ?? null);
  return new ActionError(
    'conflict',
    `保存失败：此监控表已被${who ?? '其他用户'}于 ${formatTime(report.updatedAt)} 修改（当前版本 ${report.version}，你编辑的是版本 ${version}）。你填写的内容仍保留在页面上，请刷新对照后再保存。`,
    {},
    { updatedBy: who, updatedAt: report.updatedAt, currentVersion: report.version },
  );
}
