'use server';

import { defineAction } from '@/lib/actions/define';
import { openRounds } from '@/lib/monitoring/commands/open-rounds';
import { saveReport } from '@/lib/monitoring/commands/save-report';
import { transitionReport, type ReportAction } from '@/lib/monitoring/commands/transition-report';
import { openRoundsInput, reportTransitionInput, saveReportInput } from '@/lib/monitoring/schemas';
import type { ServerActionName } from '@/lib/auth/operations';

export const openMonitoringRoundsAction = defineAction({
  name: 'openMonitoringRoundsAction',
  schema: openRoundsInput,
  run: (input, ctx) => openRounds(ctx, input),
  revalidate: () => ['/monitoring'],
});

export const saveMonitoringReportAction = defineAction({
  name: 'saveMonitoringReportAction',
  schema: saveReportInput,
  run: (input, ctx) => saveReport(ctx, input.reportId, input.version, input.report),
});

function transitionAction(action: ReportAction, name: ServerActionName) {
  return defineAction({
    name,
    schema: reportTransitionInput,
    run: (input, ctx) => transitionReport(ctx, action, input),
    revalidate: (input) => ['/monitoring', `/monitoring/reports/${input.reportId}`],
  });
}

export const submitMonitoringReportAction = transitionAction('submit', 'submitMonitoringReportAction');
export const returnMonitoringReportAction = transitionAction('return', 'returnMonitoringReportAction');
export const approveMonitoringReportAction = transitionAction('approve', 'approveMonitoringReportAction');
