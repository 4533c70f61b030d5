'use client';

import { useState } from 'react';
import { ActionMessage } from '@/app/ui/action-message';
import { useAction } from '@/app/ui/use-action';
import { approveSelfEvalAction, returnSelfEvalAction } from '../actions';

/** The reviewer's decision on a submitted 自评表: return with a reason, or approve. */
export function ReviewPanel({ selfEvalId, version }: { selfEvalId: number; version: number }) {
  const [reason, setReason] = useState('');
  const back = useAction(returnSelfEvalAction, () => '已退回');
  const approve = useAction(approveSelfEvalAction, () => '已审核通过');
  const errors = back.result?.fieldErrors ?? {};
  return (
    <section className="card" aria-label="审核">
      <h2 style={{ marginTop: 0 }}>审核</h2>
      <div className="field">
        <label htmlFor="return-reason">退回理由</label>
        <textarea id="return-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={errors.reason ? true : undefined} />
        {errors.reason ? <span className="field-error">{errors.reason[0]}</span> : null}
      </div>
      <div className="row" style={{ marginTop: 8 }}>
        <button className="btn btn-danger" type="button" disabled={back.isPending} onClick={() => back.run({ selfEvalId, version, reason })}>
          退回修改
        </button>
        <button className="btn btn-primary" type="button" disabled={approve.isPending} onClick={() => approve.run({ selfEvalId, version })}>
          审核通过
        </button>
        <ActionMessage result={back.result ?? approve.result} />
      </div>
    </section>
  );
}
