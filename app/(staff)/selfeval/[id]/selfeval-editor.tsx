'use client';

import { useRouter } from 'next/navigation';
import { useMemo, useState, useTransition } from 'react';
import type { GradeThresholds } from '@/lib/domain/scoring';
import { evaluateSelfEval, type SelfEvalData, type SelfEvalEntry, type SelfEvalTargetRow } from '@/lib/domain/selfeval';
import type { Status } from '@/lib/domain/workflow';
import { saveSelfEvalAction, submitSelfEvalAction } from '../actions';
import { IndicatorRows } from './indicator-rows';
import styles from './selfeval.module.css';

type Props = {
  selfEvalId: number;
  version: number;
  status: Status;
  header: { name: string; code: string; unit: string; goal: string };
  rows: SelfEvalTargetRow[];
  initial: SelfEvalData;
  thresholds: GradeThresholds;
  canEdit: boolean;
  canSubmit: boolean;
};

type Message = { ok: boolean; text: string } | null;
type FundsField = keyof SelfEvalData['funds'];

/** The 自评表 as the owner fills it; scores, total and grade come from the same function the server stores. */
export function SelfEvalEditor({ selfEvalId, version: initialVersion, status, header, rows, initial, thresholds, canEdit, canSubmit }: Props) {
  const router = useRouter();
  const [data, setData] = useState(initial);
  const [version, setVersion] = useState(initialVersion);
  const [isDirty, setDirty] = useState(false);
  const [serverErrors, setServerErrors] = useState<Record<string, string>>({});
  const [showProblems, setShowProblems] = useState(false);
  const [message, setMessage] = useState<Message>(null);
  const [isPending, startTransition] = useTransition();
  const evaluation = useMemo(() => evaluateSelfEval(data, rows, thresholds), [data, rows, thresholds]);
  // A problem shows beside its cell as soon as something typed causes it; a cell merely left empty is
  // pointed out once submission was tried, so that a fresh 自评表 is not all red.
  const isEmptyCell = (path: string) => {
    const m = /^entries\.(\d+)\.(actual|score)$/.exec(path);
    if (m) return (data.entries[Number(m[1])]?.[m[2] as 'actual' | 'score'] ?? '').trim() === '';
    return path === 'funds.executed' && data.funds.executed.trim() === '';
  };
  const shown = evaluation.problems.filter((p) => showProblems || !isEmptyCell(p.path));
  const errors = { ...serverErrors, ...Object.fromEntries(shown.map((p) => [p.path, p.message])) };
  const isReadOnly = !canEdit;
  const update = (patch: Partial<SelfEvalData>) => {
    setData((d) => ({ ...d, ...patch }));
    setDirty(true);
    // The server's refusal described the values as they were; from now on the live check speaks.
    setServerErrors({});
  };
  const setFunds = (field: FundsField, value: string) => update({ funds: { ...data.funds, [field]: value } });
  const setEntry = (i: number, e: SelfEvalEntry) => update({ entries: data.entries.map((x, k) => (k === i ? e : x)) });

  const save = async (): Promise<number | null> => {
    const r = await saveSelfEvalAction({ selfEvalId, version, data });
    if (!r.ok) {
      setServerErrors(Object.fromEntries(Object.entries(r.fieldErrors).map(([k, v]) => [k.replace(/^data\./, ''), v[0] ?? ''])));
      setMessage({ ok: false, text: r.message });
      return null;
    }
    setServerErrors({});
    setVersion(r.data.version);
    setDirty(false);
    setMessage({ ok: true, text: r.data.problems.length > 0 ? `已保存；提交前还须处理 ${r.data.problems.length} 处` : '已保存' });
    return r.data.version;
  };
  const onSave = () => startTransition(async () => void (await save()));
  const onSubmit = () =>
    startTransition(async () => {
      setShowProblems(true);
      // A returned 自评表 goes back to draft by a save before it can be submitted again.
      const v = isDirty || status === 'returned' ? await save() : version;
      if (v === null) return;
      const r = await submitSelfEvalAction({ selfEvalId, version: v });
      if (!r.ok) {
        setServerErrors(Object.fromEntries(Object.entries(r.fieldErrors).map(([k, list]) => [k, list[0] ?? ''])));
        setMessage({ ok: false, text: r.message });
        return;
      }
      setMessage({ ok: true, text: '已提交审核' });
      router.refresh();
    });

  const fundsInput = (field: FundsField, label: string, path = `funds.${field}`) => (
    <td>
      <input
        aria-label={label}
        type="text"
        inputMode="decimal"
        size={10}
        value={data.funds[field]}
        readOnly={isReadOnly}
        aria-invalid={errors[path] ? true : undefined}
        onChange={(e) => setFunds(field, e.target.value)}
      />
      {errors[path] ? <div className="field-error">{errors[path]}</div> : null}
    </td>
  );

  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
      aria-label="自评表"
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
          </tr>
        </tbody>
      </table>
      <table className={styles.grid} aria-label="项目资金（万元）">
        <thead>
          <tr>
            <th>项目资金（万元）</th>
            <th>年初预算数</th>
            <th>全年预算数（A）</th>
            <th>全年执行数（B）</th>
            <th>分值</th>
            <th>执行率（B/A）</th>
            <th>得分</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th>年度资金总额</th>
            <td className="num">{data.funds.initial}</td>
            {fundsInput('annual', '全年预算数')}
            {fundsInput('executed', '全年执行数')}
            {fundsInput('weight', '资金分值')}
            <td className="num" data-testid="funds-rate">
              {evaluation.funds.rate === null ? '—' : `${evaluation.funds.rate}%`}
            </td>
            <td className="num" data-testid="funds-score">
              {evaluation.funds.score ?? '—'}
            </td>
          </tr>
        </tbody>
      </table>
      <table className={styles.grid} aria-label="年度总体目标">
        <thead>
          <tr>
            <th style={{ width: '50%' }}>预期目标</th>
            <th>实际完成情况</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td style={{ whiteSpace: 'pre-wrap' }}>{header.goal}</td>
            <td>
              <textarea aria-label="实际完成情况" rows={4} style={{ width: '100%' }} value={data.goalActual} readOnly={isReadOnly} onChange={(e) => update({ goalActual: e.target.value })} />
            </td>
          </tr>
        </tbody>
      </table>
      <IndicatorRows rows={rows} entries={data.entries} results={evaluation.rows} errors={errors} isReadOnly={isReadOnly} onChange={setEntry} />
      <table className={styles.grid} aria-label="自评得分">
        <tbody>
          <tr>
            <th>总分</th>
            <td className="num">100</td>
            <th>自评得分</th>
            <td className="num" data-testid="self-score">
              {evaluation.total ?? '—'}
            </td>
            <th>等级</th>
            <td data-testid="grade">{evaluation.grade ?? '—'}</td>
            <th>分值合计</th>
            <td className="num" data-testid="weight-total">
              {evaluation.weights.total}
              {evaluation.weights.isHundred ? null : (
                <div className="field-error" role="note">
                  {evaluation.weights.message}
                </div>
              )}
            </td>
          </tr>
        </tbody>
      </table>
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
