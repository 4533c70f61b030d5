'use client';

import { useMemo } from 'react';
import { LightBadge } from '@/app/ui/light';
import { DraftActions, GoalTable, ReportHeader } from '@/app/ui/report-form/report-form';
import styles from '@/app/ui/report-form/report-form.module.css';
import { useReportDraft } from '@/app/ui/report-form/use-report-draft';
import { evaluateReport, type MonitoringPeriod, type ReportData, type ReportEntry } from '@/lib/domain/monitoring';
import { parseWanyuan } from '@/lib/domain/money';
import type { Status } from '@/lib/domain/workflow';
import type { MonitoredIndicator } from '@/lib/monitoring/read';
import { saveMonitoringReportAction, submitMonitoringReportAction } from '../../actions';
import { IndicatorRows } from './indicator-rows';

type Props = {
  reportId: number;
  version: number;
  status: Status;
  header: { name: string; code: string; unit: string; initialBudget: string; goal: string };
  rows: MonitoredIndicator[];
  initial: ReportData;
  period: MonitoringPeriod;
  canEdit: boolean;
  canSubmit: boolean;
  rowComments: Record<string, string[]>;
};

function rateText(budget: string, executed: string): string {
  const b = parseWanyuan(budget);
  const e = parseWanyuan(executed);
  if (!b.ok || !e.ok || b.yuan === 0) return '—';
  return `${((e.yuan / b.yuan) * 100).toFixed(2)}%`;
}

/** The monitoring table as the owner fills it; the lights are the same pure rules the server stores. */
export function ReportEditor({ reportId, version, status, header, rows, initial, period, canEdit, canSubmit, rowComments }: Props) {
  const draft = useReportDraft({
    initial,
    version,
    save: (report: ReportData, v) => saveMonitoringReportAction({ reportId, version: v, report }),
    submit: (v) => submitMonitoringReportAction({ reportId, version: v }),
    fieldPrefix: 'report.',
    mustSaveBeforeSubmit: false,
  });
  const { data, update } = draft;
  const evaluation = useMemo(() => evaluateReport(data, rows, period), [data, rows, period]);
  const errors = { ...draft.serverErrors, ...Object.fromEntries(evaluation.problems.map((p) => [p.path, p.message])) };
  const isReadOnly = !canEdit;
  const setEntry = (i: number, e: ReportEntry) => update({ entries: data.entries.map((x, k) => (k === i ? e : x)) });

  const amount = (field: 'budget' | 'executed' | 'forecast', label: string) => (
    <td>
      <input
        id={`funds-${field}`}
        aria-label={label}
        type="text"
        inputMode="decimal"
        size={10}
        value={data[field]}
        readOnly={isReadOnly}
        aria-invalid={errors[field] ? true : undefined}
        onChange={(e) => update({ [field]: e.target.value })}
      />
      {errors[field] ? <div className="field-error">{errors[field]}</div> : null}
    </td>
  );

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        draft.onSave();
      }}
      aria-label="监控表"
    >
      <ReportHeader header={header}>
        <th>本表预警</th>
        <td data-testid="table-light">
          <LightBadge light={evaluation.light} />
        </td>
      </ReportHeader>
      <table className={styles.grid} aria-label="项目资金（万元）">
        <thead>
          <tr>
            <th>项目资金（万元）</th>
            <th>年初预算数</th>
            <th>全年预算数</th>
            <th>1–{period.month}月执行数</th>
            <th>1–{period.month}月执行率</th>
            <th>序时进度</th>
            <th>全年预计执行数</th>
            <th>预警</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th>年度资金总额</th>
            <td className="num">{header.initialBudget}</td>
            {amount('budget', '全年预算数')}
            {amount('executed', `1–${period.month}月执行数`)}
            <td className="num">{rateText(data.budget, data.executed)}</td>
            <td className="num">{((period.month / 12) * 100).toFixed(2)}%</td>
            {amount('forecast', '全年预计执行数')}
            <td data-testid="funds-light">
              <LightBadge light={evaluation.funds.light} progress={evaluation.funds.progress} label="资金：" />
            </td>
          </tr>
        </tbody>
      </table>
      <GoalTable goalLabel="全年预期目标" achievedLabel="目标实际累计完成情况" goal={header.goal} achieved={data.goalProgress} isReadOnly={isReadOnly} onChange={(v) => update({ goalProgress: v })} />
      <IndicatorRows
        rows={rows}
        entries={data.entries}
        lights={evaluation.rows}
        month={period.month}
        errors={errors}
        rowComments={rowComments}
        isReadOnly={isReadOnly}
        onChange={setEntry}
      />
      <div className="card">
        <div className="field">
          <label htmlFor="analysis">偏差情况及存在问题</label>
          <textarea id="analysis" rows={3} value={data.analysis} readOnly={isReadOnly} onChange={(e) => update({ analysis: e.target.value })} />
        </div>
        <label className="row" style={{ gap: 6 }}>
          <input
            type="checkbox"
            checked={data.needsRectification || evaluation.redCount > 0}
            disabled={isReadOnly || evaluation.redCount > 0}
            onChange={(e) => update({ needsRectification: e.target.checked })}
          />
          需要整改{evaluation.redCount > 0 ? '（有红灯，须整改）' : ''}
        </label>
        <div className="field">
          <label htmlFor="rectification">整改措施</label>
          <textarea
            id="rectification"
            rows={3}
            value={data.rectification}
            readOnly={isReadOnly}
            aria-invalid={errors.rectification ? true : undefined}
            aria-describedby={errors.rectification ? 'rectification-error' : undefined}
            onChange={(e) => update({ rectification: e.target.value })}
          />
          {errors.rectification ? (
            <span id="rectification-error" className="field-error">
              {errors.rectification}
            </span>
          ) : null}
        </div>
      </div>
      {canEdit ? <DraftActions status={status} canSubmit={canSubmit} isPending={draft.isPending} isDirty={draft.isDirty} message={draft.message} onSubmit={draft.onSubmit} /> : null}
    </form>
  );
}
