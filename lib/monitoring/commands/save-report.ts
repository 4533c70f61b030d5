import { write } from '@/db/client';
import { insertMonitoringEvent, replaceEntries, updateReport, updateReportStatus } from '@/db/queries/monitoring';
import { wrongState } from '@/lib/actions/errors';
import { evaluateReport, type ReportData, type ReportProblem } from '@/lib/domain/monitoring';
import { wanyuanToYuan } from '@/lib/domain/money';
import { isEditable } from '@/lib/domain/workflow';
import { reportConflict, reportFor } from '../access';
import { loadReportView } from '../read';
import { auditReport, type Who } from './shared';

export type SaveReportResult = { version: number; status: string; light: string; problems: ReportProblem[] };

const yuanOrNull = (text: string) => (text.trim() === '' ? null : wanyuanToYuan(text));

/**
 * Saves a report and the lights computed from it. Refused when it moved on since `version` (optimistic
 * lock) or is not editable; missing reasons and 整改措施 are problems that block submission, not saving.
 */
export async function saveReport(who: Who, reportId: number, version: number, data: ReportData): Promise<SaveReportResult> {
  return write(async () => {
    const scope = await reportFor(who.actor, reportId, 'project.edit');
    if (!isEditable(scope.report.status)) throw wrongState('此监控表已提交或已审核，不能修改');
    if (scope.report.version !== version) throw await reportConflict(scope.report, version);
    const view = await loadReportView(scope);
    const keys = new Set(view.rows.filter((r) => !r.isPlaceholder).map((r) => r.key));
    // Rows the table no longer has are dropped; rows not sent are kept empty.
    const entries = data.entries.filter((e) => keys.has(e.rowKey));
    const evaluation = evaluateReport({ ...data, entries }, view.rows, view.period);
    let saved = await updateReport(
      reportId,
      version,
      {
        budgetYuan: wanyuanToYuan(data.budget),
        executedYuan: yuanOrNull(data.executed),
        forecastYuan: yuanOrNull(data.forecast),
        goalProgress: data.goalProgress,
        analysis: data.analysis,
        needsRectification: data.needsRectification || evaluation.redCount > 0,
        rectification: data.rectification,
        fundsLight: evaluation.funds.light,
        fundsProgress: evaluation.funds.progress,
        light: evaluation.light,
        redCount: evaluation.redCount,
        yellowCount: evaluation.yellowCount,
      },
      who.actor.id,
    );
    if (!saved) throw await reportConflict(scope.report, version);
    await replaceEntries(
      reportId,
      entries.map((e) => ({
        rowKey: e.rowKey,
        actual: e.actual,
        forecast: e.forecast,
        reasons: JSON.stringify(e.reasons),
        reasonText: e.reasonText,
        likelihood: e.likelihood,
        note: e.note,
        cumulative: e.cumulative,
        light: evaluation.rows[e.rowKey]?.light ?? 'none',
        progress: evaluation.rows[e.rowKey]?.progress ?? null,
      })),
    );
    if (saved.status === 'returned') {
      // The owner's first save of a returned report takes it back to draft, as for tables.
      saved = (await updateReportStatus(reportId, { status: 'returned', version: saved.version }, 'draft', who.actor.id)) ?? saved;
      await insertMonitoringEvent({ reportId, action: 'revise', fromStatus: 'returned', toStatus: 'draft', userId: who.actor.id, reason: null, comments: '[]', version: saved.version });
    }
    await auditReport(who, 'update', reportId, scope.unitId, { light: evaluation.light, funds: evaluation.funds.light, red: evaluation.redCount, yellow: evaluation.yellowCount });
    return { version: saved.version, status: saved.status, light: evaluation.light, problems: evaluation.problems };
  });
}
