'use client';

import { useState } from 'react';
import { ActionMessage } from '@/app/ui/action-message';
import { useAction } from '@/app/ui/use-action';
import { approveAdjustmentAction, proposeAdjustmentAction, returnAdjustmentAction } from './actions';

type Row = { key: string; name: string; value: string };

/** The owner's proposal: a new value and its reason beside each row's value in force. */
export function AdjustForm({ projectId, budget, goal, rows }: { projectId: number; budget: string; goal: string; rows: Row[] }) {
  const [budgetAfter, setBudget] = useState(budget);
  const [goalAfter, setGoal] = useState(goal);
  const [reason, setReason] = useState('');
  const [after, setAfter] = useState<Record<string, { after: string; reason: string }>>({});
  const { run, isPending, result } = useAction(proposeAdjustmentAction, (d) => `已提交第 ${d.seq} 次调整，等待审核`);
  const errors = result?.fieldErrors ?? {};
  const set = (key: string, patch: Partial<{ after: string; reason: string }>) => setAfter((a) => ({ ...a, [key]: { after: a[key]?.after ?? '', reason: a[key]?.reason ?? '', ...patch } }));
  const payloadRows = rows.map((r) => ({ rowKey: r.key, after: after[r.key]?.after ?? '', reason: after[r.key]?.reason ?? '' }));
  return (
    <form
      className="card"
      aria-label="申请调整"
      onSubmit={(e) => {
        e.preventDefault();
        run({ projectId, reason, budgetAfter, goalAfter, rows: payloadRows });
      }}
    >
      <h2 style={{ marginTop: 0 }}>申请调整</h2>
      <div className="row">
        <label htmlFor="budgetAfter">调整后全年预算数（万元，原 {budget}）</label>
        <input id="budgetAfter" type="text" size={10} value={budgetAfter} onChange={(e) => setBudget(e.target.value)} />
        {errors.budgetAfter ? <span className="field-error">{errors.budgetAfter[0]}</span> : null}
      </div>
      <div className="field">
        <label htmlFor="goalAfter">调整后年度总体目标</label>
        <textarea id="goalAfter" rows={3} value={goalAfter} onChange={(e) => setGoal(e.target.value)} />
      </div>
      <table style={{ width: '100%', borderCollapse: 'collapse' }} aria-label="指标调整">
        <thead>
          <tr>
            <th>三级指标</th>
            <th>原指标值</th>
            <th>调整后指标值</th>
            <th>调整理由</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.key}>
              <td>{r.name}</td>
              <td>{r.value}</td>
              <td>
                <input type="text" aria-label={`${r.name} 调整后指标值`} value={after[r.key]?.after ?? ''} placeholder="不调整则留空" onChange={(e) => set(r.key, { after: e.target.value })} />
              </td>
              <td>
                <input type="text" aria-label={`${r.name} 调整理由`} value={after[r.key]?.reason ?? ''} onChange={(e) => set(r.key, { reason: e.target.value })} aria-invalid={errors[`rows.${i}.reason`] ? true : undefined} />
                {errors[`rows.${i}.reason`] ? <span className="field-error">{errors[`rows.${i}.reason`]![0]}</span> : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="field">
        <label htmlFor="adjust-reason">调整理由（总体）</label>
        <textarea id="adjust-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} />
        {errors.reason ? <span className="field-error">{errors.reason[0]}</span> : null}
      </div>
      <div className="row">
        <button className="btn btn-primary" type="submit" disabled={isPending}>
          提交调整申请
        </button>
        <ActionMessage result={result} />
      </div>
    </form>
  );
}

/** The reviewer's decision on a proposed adjustment. */
export function DecideButtons({ adjustmentId, version }: { adjustmentId: number; version: number }) {
  const [reason, setReason] = useState('');
  const approve = useAction(approveAdjustmentAction, () => '已审核通过');
  const back = useAction(returnAdjustmentAction, () => '已退回');
  return (
    <div className="row" style={{ marginTop: 8 }}>
      <label htmlFor={`decision-${adjustmentId}`}>审核意见</label>
      <input id={`decision-${adjustmentId}`} type="text" size={30} value={reason} onChange={(e) => setReason(e.target.value)} />
      <button className="btn btn-danger" type="button" disabled={back.isPending} onClick={() => back.run({ adjustmentId, version, reason })}>
        退回调整
      </button>
      <button className="btn btn-primary" type="button" disabled={approve.isPending} onClick={() => approve.run({ adjustmentId, version, reason })}>
        审核通过调整
      </button>
      <ActionMessage result={back.result ?? approve.result} />
    </div>
  );
}
