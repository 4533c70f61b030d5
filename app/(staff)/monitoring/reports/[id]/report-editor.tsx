'use client';

import { useRouter } from 'next/navigation';
import { useMemo, useState, useTransition } from 'react';
import { LightBadge } from '@/app/ui/light';
import { evaluateReport, type MonitoringPeriod, type ReportData, type ReportEntry } from '@/lib/domain/monitoring';
import { parseWanyuan } from '@/lib/domain/money';
import type { Status } from '@/lib/domain/workflow';
import type { MonitoredIndicator } from '@/lib/monitoring/read';
import { saveMonitoringReportAction, submitMonitoringReportAction } from '../../actions';
import { IndicatorRows } from './indicator-rows';
import styles from './report.module.css';

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

type Message = { ok: boolean; text: string } | null;

function rateText(budget: string, executed: string): string {
  const b = parseWanyuan(budget);
  const e = parseWanyuan(executed);
  if (!b.ok || !e.ok || b.yuan === 0) return '—';
  return `${((e.yuan / b.yuan) * 100).toFixed(2)}%`;
}

/** The monitoring table as the owner fills it; the lights are the same pure rules the server stores. */
export function ReportEditor({ reportId, version: initialVersion, status, header, rows, initial, period, canEdit, canSubmit, rowComments }: Props) {
  const router = useRouter();
  const [data, setData] = useState(initial);
  const [version, setVersion] = useState(initialVersion);
  const [isDirty, setDirty] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<Message>(null);
  const [isPending, startTransition] = useTransition();
  const evaluation = useMemo(() => evaluateReport(data, rows, period), [data, rows, period]);
  const errors = { ...serverErrors, ...Object.fromEntries(evaluation.problems.map((p) => [p.path, p.message])) };
  const isReadOnly = !canEdit;
  const update = (patch: Partial<ReportData>) => {
    setData((d) => ({ ...d, ...patch }));
    setDirty(true);
  };
  const setEntry = (i: number, e: ReportEntry) => update({ entries: data.entries.map((x, k) => (k === i ? e : x)) });

  const save = async (): Promise<number | null> => {
    const r = await saveMonitoringReportAction({ reportId, version, report: data });
    if (!r.ok) {
      setServerErrors(Object.fromEntries(Object.entries(r.fieldErrors).map(([k, v]) => [k.replace(/^report\./, ''), v[0] ?? ''])));
      setMessage({ ok: false, text: r.message });
      return null;
    }
    setServerErrors({});
    setVersion(r.data.version);
    setDirty(false);
    setMessage({ ok: true, text: r.data.problems.length > 0 ? `已保存；提交前还须填写 ${r.data.problems.length} 处` : '已保存' });
    return r.data.version;
  };
  const onSave = () => startTransition(async () => void (await save()));
  const onSubmit = () =>
    startTransition(async () => {
      const v = isDirty ? await save() : version;
      if (v === null) return;
      const r = await submitMonitoringReportAction({ reportId, version: v });
      if (!r.ok) {
        setMessage({ ok: false, text: r.message });
        return;
      }
      setMessage({ ok: true, text: '已提交审核' });
      router.refresh();
    });

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
        onSave();
      }}
      aria-label="监控表"
    >
      <table className={styles.grid} aria-label="项目基本情况">
        <tbody>
          <tr>
            <th>项目名称</th>
            <td>{header.name}</td>
            <th>项目编码</th>
            <td>{header.code}</td>
            <th>实施单位</th>
            <td>{header.unit}</td>
            <th>本表预警</th>
            <td data-testid="table-light">
              <LightBadge light={evaluation.light} />
            </td>
          </tr>
        </tbody>
      </table>
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
      <table className={styles.grid} aria-label="年度总体目标">
        <thead>
          <tr>
            <th style={{ width: '50%' }}>全年预期目标</th>
            <th>目标实际累计完成情况</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td style={{ whiteSpace: 'pre-wrap' }}>{header.goal}</td>
            <td>
              <textarea aria-label="目标实际累计完成情况" rows={4} style={{ width: '100%' }} value={data.goalProgress} readOnly={isReadOnly} onChange={(e) => update({ goalProgress: e.target.value })} />
            </td>
          </tr>
        </tbody>
      </table>
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
      {canEdit ? (
        <div className={styles.actions}>
          <button className="btn" type="submit" disabled={isPending}>
            保存
          </button>
          {canSubmit || status === 'returned' ? (
            <button className="btn btn-primary" type="button" disabled={isPending} onClick={onSubmit}>
              提交审核
            </button>
          ) : null}
          {isDirty ? <span className="muted">有未保存的修改</span> : null}
          <span aria-live="polite" role="status">
            {message ? <span className={message.ok ? 'diff-ok' : 'field-error'}>{message.text}</span> : null}
          </span>
        </div>
      ) : null}
    </form>
  );
}
