'use client';

import { useState } from 'react';
import { ActionMessage } from '@/app/ui/action-message';
import { useAction } from '@/app/ui/use-action';
import { approveMonitoringReportAction, returnMonitoringReportAction } from '../../actions';

/** The reviewer's decision on a submitted report: return with a reason (and a comment on a row), or approve. */
export function ReviewPanel({ reportId, version, rows }: { reportId: number; version: number; rows: { key: string; name: string }[] }) {
  const [reason, setReason] = useState('');
  const [target, setTarget] = useState('');
  const [comment, setComment] = useState('');
  const back = useAction(returnMonitoringReportAction, () => '已退回');
  const approve = useAction(approveMonitoringReportAction, () => '已审核通过');
  const errors = back.result?.fieldErrors ?? {};
  const comments = comment.trim() ? [{ target: target === '' ? null : `row:${target}`, body: comment }] : [];
  return (
    <section className="card" aria-label="审核">
      <h2 style={{ marginTop: 0 }}>审核</h2>
      <div className="field">
        <label htmlFor="return-reason">退回理由</label>
        <textarea id="return-reason" rows={2} value={reason} onChange={(e) => setReason(e.target.value)} aria-invalid={errors.reason ? true : undefined} />
        {errors.reason ? <span className="field-error">{errors.reason[0]}</span> : null}
      </div>
      <div className="row">
        <label htmlFor="comment-target">意见针对</label>
        <select id="comment-target" value={target} onChange={(e) => setTarget(e.target.value)}>
          <option value="">整张表</option>
          {rows.map((r) => (
            <option key={r.key} value={r.key}>
              {r.name}
            </option>
          ))}
        </select>
        <label htmlFor="comment-body">意见</label>
        <input id="comment-body" type="text" size={40} value={comment} onChange={(e) => setComment(e.target.value)} />
      </div>
      <div className="row" style={{ marginTop: 8 }}>
        <button className="btn btn-danger" type="button" disabled={back.isPending} onClick={() => back.run({ reportId, version, reason, comments })}>
          退回修改
        </button>
        <button className="btn btn-primary" type="button" disabled={approve.isPending} onClick={() => approve.run({ reportId, version })}>
          审核通过
        </button>
        <ActionMessage result={back.result ?? approve.result} />
      </div>
    </section>
  );
}
