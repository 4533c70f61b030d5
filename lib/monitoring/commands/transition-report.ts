import { write } from '@/db/client';
import { insertMonitoringEvent, updateReportStatus } from '@/db/queries/monitoring';
import { ActionError, invalid } from '@/lib/actions/errors';
import { serverAction, type ServerActionName } from '@/lib/auth/operations';
import { evaluateReport } from '@/lib/domain/monitoring';
import { transitionFor } from '@/lib/domain/workflow';
import { decisionStep } from '@/lib/review/levels';
import { authorizeOnReport, reportConflict, reportFor } from '../access';
import { loadReportView } from '../read';
import type { ReportTransitionInput } from '../schemas';
import { auditReport, type Who } from './shared';

export type ReportAction = 'submit' | 'return' | 'approve';

const OPERATION: Record<ReportAction, ServerActionName> = {
  submit: 'submitMonitoringReportAction',
  return: 'returnMonitoringReportAction',
  approve: 'approveMonitoringReportAction',
};

/**
 * Moves a report along the table workflow: permission and separation of duties (nobody approves a
 * report they filled or submitted), status, version, a reason to return; comments name rows
 * (`row:<rowKey>`) or the whole report. Submission is refused while a red or yellow row has no reason
 * or a red light has no 整改措施.
 */
export async function transitionReport(who: Who, action: ReportAction, req: ReportTransitionInput): Promise<{ version: number; status: string }> {
  return write(async () => {
    const scope = await reportFor(who.actor, req.reportId, 'project.view');
    await authorizeOnReport(serverAction(OPERATION[action]), scope, who.actor);
    const t = transitionFor(action, scope.report.status);
    if (!t) throw new ActionError('state', '此监控表的状态已经改变，请刷新后再试');
    // A review decision's outcome and recorded name follow the year's review levels (部门审核 → 财政审核), as for tables.
    const step = await decisionStep(action, scope.report.status, scope.unitYear.id);
    const to = step?.to ?? t.to;
    const recorded = step?.recorded ?? action;
    if (scope.report.version !== req.version) throw await reportConflict(scope.report, req.version);
    const reason = req.reason?.trim() || null;
    if (t.needsReason && !reason) throw invalid('请填写理由', { reason: ['请填写理由'] });
    const view = await loadReportView(scope);
    const comments = (req.comments ?? []).map((c) => ({ target: c.target, body: c.body }));
    const known = new Set(view.rows.map((r) => `row:${r.key}`));
    const bad = comments.findIndex((c) => c.target !== null && !known.has(c.target) && !['funds', 'goal', 'rectification'].includes(c.target));
    if (bad >= 0) throw invalid('意见针对的行在此表中不存在', { [`comments.${bad}.target`]: ['此表中没有这一行'] });
    if (action === 'submit') {
      const problems = evaluateReport(view.data, view.rows, view.period).problems;
      if (problems.length > 0) {
        const fieldErrors = Object.fromEntries(problems.map((p) => [p.path, [p.message]]));
        throw new ActionError('state', `监控表中仍有 ${problems.length} 处须填写的内容（${problems[0]!.message}），填写后才能提交`, fieldErrors);
      }
    }
    const updated = await updateReportStatus(
      scope.report.id,
      { status: scope.report.status, version: scope.report.version },
      to,
      who.actor.id,
      action === 'submit' ? { submittedBy: who.actor.id } : {},
    );
    if (!updated) throw await reportConflict(scope.report, req.version);
    await insertMonitoringEvent({
      reportId: scope.report.id,
      action: recorded,
      fromStatus: scope.report.status,
      toStatus: to,
      userId: who.actor.id,
      reason,
      comments: JSON.stringify(comments),
      version: updated.version,
    });
    await auditReport(who, recorded, scope.report.id, scope.unitId, { from: scope.report.status, to, reason, comments });
    return { version: updated.version, status: updated.status };
  });
}
