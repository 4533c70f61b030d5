/** What the report page shows and which of its buttons the actor gets. */
import { serverAction } from '@/lib/auth/operations';
import { can, type Actor } from '@/lib/auth/permissions';
import { decide } from '@/lib/auth/operations';
import { isEditable } from '@/lib/domain/workflow';
import { reportScopeIfAllowed, reportTarget } from './access';
import { loadReportView, type ReportView } from './read';
import { getUnit } from '@/db/queries/units';

export type ReportPage = ReportView & { unitName: string; canEdit: boolean; canSubmit: boolean; canReview: boolean; canExport: boolean };

export async function reportPage(actor: Actor, reportId: number): Promise<ReportPage | null> {
  const scope = await reportScopeIfAllowed(actor, reportId, 'project.view');
  if (!scope) return null;
  const view = await loadReportView(scope);
  const caller = { actor, mustChangePassword: false };
  const allows = async (name: 'submitMonitoringReportAction' | 'approveMonitoringReportAction') => {
    const op = serverAction(name);
    return decide(op, caller, await reportTarget(op, reportId, actor)) === 'allow';
  };
  return {
    ...view,
    unitName: (await getUnit(scope.unitId))?.name ?? '',
    canEdit: can(actor, 'project.edit', scope.unitId) && isEditable(scope.report.status),
    canSubmit: await allows('submitMonitoringReportAction'),
    canReview: await allows('approveMonitoringReportAction'),
    canExport: can(actor, 'project.export', scope.unitId),
  };
}
