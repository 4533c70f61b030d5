'use client';

import { useMemo, useState } from 'react';
import { DraftActions, GoalTable, ReportHeader } from '@/app/ui/report-form/report-form';
import styles from '@/app/ui/report-form/report-form.module.css';
import { useReportDraft } from '@/app/ui/report-form/use-report-draft';
import type { GradeThresholds } from '@/lib/domain/scoring';
import { evaluateSelfEval, type SelfEvalData, type SelfEvalEntry, type SelfEvalTargetRow } from '@/lib/domain/selfeval';
import type { Status } from '@/lib/domain/workflow';
import { saveSelfEvalAction, submitSelfEvalAction } from '../actions';
import { IndicatorRows } from './indicator-rows';

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

type FundsField = keyof SelfEvalData['funds'];

/** The 自评表 as the owner fills it; scores, total and grade come from the same function the server stores. */
export function SelfEvalEditor({ selfEvalId, version, status, header, rows, initial, thresholds, canEdit, canSubmit }: Props) {
  const [showProblems, setShowProblems] = useState(false);
  const draft = useReportDraft({
    initial,
    version,
    save: (data: SelfEvalData, v) => saveSelfEvalAction({ selfEvalId, version: v, data }),
    submit: (v) => submitSelfEvalAction({ selfEvalId, version: v }),
    fieldPrefix: 'data.',
    // A returned 自评表 goes back to draft by a save before it can be submitted again.
    mustSaveBeforeSubmit: status === 'returned',
    onSubmitStart: () => setShowProblems(true),
  });
  const { data, update } = draft;
  const evaluation = useMemo(() => evaluateSelfEval(data, rows, thresholds), [data, rows, thresholds]);
  // A problem shows beside its cell as soon as something typed causes it; a cell merely left empty is
  // pointed out once submission was tried, so that a fresh 自评表 is not all red.
  const isEmptyCell = (path: string) => {
    const m = /^entries\.(\d+)\.(actual|score)$/.exec(path);
    if (m) return (data.entries[Number(m[1])]?.[m[2] as 'actual' | 'score'] ?? '').trim() === '';
    return path === 'funds.executed' && data.funds.executed.trim() === '';
  };
  const shown = evaluation.problems.filter((p) => showProblems || !isEmptyCell(p.path));
  const errors = { ...draft.serverErrors, ...Object.fromEntries(shown.map((p) => [p.path, p.message])) };
  const isReadOnly = !canEdit;
  const setFunds = (field: FundsField, value: string) => update({ funds: { ...data.funds, [field]: value } });
  const setEntry = (i: number, e: SelfEvalEntry) => update({ entries: data.entries.map((x, k) => (k === i ? e : x)) });

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
        draft.onSave();
      }}
      aria-label="自评表"
    >
      <ReportHeader header={header} />
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
      <GoalTable goalLabel="预期目标" achievedLabel="实际完成情况" goal={header.goal} achieved={data.goalActual} isReadOnly={isReadOnly} onChange={(v) => update({ goalActual: v })} />
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
      {canEdit ? <DraftActions status={status} canSubmit={canSubmit} isPending={draft.isPending} isDirty={draft.isDirty} message={draft.message} onSubmit={draft.onSubmit} /> : null}
    </form>
  );
}
