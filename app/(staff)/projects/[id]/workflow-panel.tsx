'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import type { ActionResult } from '@/lib/actions/result';
import { TRANSITIONS, type WorkflowAction } from '@/lib/domain/workflow';
import {
  approveTableAction,
  reopenTableAction,
  returnTableAction,
  submitTableAction,
  withdrawTableAction,
} from '../actions';

type Target = { value: string; label: string };
type Comment = { target: string; body: string };

const ACTIONS: Partial<Record<WorkflowAction, (input: unknown) => Promise<ActionResult<{ version: number; status: string }>>>> = {
  submit: submitTableAction,
  withdraw: withdrawTableAction,
  return: returnTableAction,
  approve: approveTableAction,
  reopen: reopenTableAction,
};

export function WorkflowPanel(props: { projectId: number; version: number; actions: WorkflowAction[]; targets: Target[] }) {
  const router = useRouter();
  const ids = useId();
  const [open, setOpen] = useState<WorkflowAction | null>(null);
  const [reason, setReason] = useState('');
  const [comments, setComments] = useState<Comment[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  if (props.actions.length === 0) return null;

  const run = (action: WorkflowAction) =>
    startTransition(async () => {
      setError(null);
      const fn = ACTIONS[action];
      if (!fn) return;
      const r = await fn({
        projectId: props.projectId,
        version: props.version,
        reason: reason || undefined,
        comments: action === 'return' ? comments.filter((c) => c.body.trim()).map((c) => ({ target: c.target || null, body: c.body })) : undefined,
      });
      if (!r.ok) {
        setError(r.message);
        return;
      }
      setOpen(null);
      setReason('');
      setComments([]);
      router.refresh();
    });

  const needsForm = (a: WorkflowAction) => TRANSITIONS[a].needsReason;

  return (
    <section className="card" aria-label="审核流程">
      <div className="row">
        <strong>流程操作</strong>
        {props.actions.map((a) => (
          <button
            key={a}
            type="button"
            className={`btn ${a === 'approve' || a === 'submit' ? 'btn-primary' : ''}`}
            disabled={isPending}
            onClick={() => (needsForm(a) ? setOpen(a) : run(a))}
          >
            {TRANSITIONS[a].label}
          </button>
        ))}
      </div>
      <div aria-live="polite">{error ? <p className="alert alert-error" role="alert" style={{ marginTop: 12 }}>{error}</p> : null}</div>
      {open ? (
        <form
          style={{ marginTop: 12 }}
          onSubmit={(e) => {
            e.preventDefault();
            run(open);
          }}
        >
          <div className="field">
            <label htmlFor={`${ids}-reason`}>{open === 'return' ? '退回理由（必填）' : '重新打开的理由（必填）'}</label>
            <textarea id={`${ids}-reason`} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} required />
          </div>
          {open === 'return' ? (
            <fieldset style={{ border: '1px solid var(--line)', borderRadius: 4, marginBottom: 12 }}>
              <legend>针对具体内容的意见（可选）</legend>
              {comments.map((c, i) => (
                <div className="row" key={i} style={{ marginBottom: 8, alignItems: 'flex-start' }}>
                  <label className="sr-only" htmlFor={`${ids}-t${i}`}>
                    意见 {i + 1} 针对
                  </label>
                  <select
                    id={`${ids}-t${i}`}
                    value={c.target}
                    onChange={(e) => setComments((cs) => cs.map((x, j) => (j === i ? { ...x, target: e.target.value } : x)))}
                  >
                    <option value="">整张表</option>
                    {props.targets.map((t) => (
                      <option key={t.value} value={t.value}>
                        {t.label}
                      </option>
                    ))}
                  </select>
                  <label className="sr-only" htmlFor={`${ids}-b${i}`}>
                    意见 {i + 1}
                  </label>
                  <textarea
                    id={`${ids}-b${i}`}
                    rows={2}
                    style={{ flex: 1, width: 'auto' }}
                    value={c.body}
                    onChange={(e) => setComments((cs) => cs.map((x, j) => (j === i ? { ...x, body: e.target.value } : x)))}
                  />
                  <button type="button" className="btn btn-small" onClick={() => setComments((cs) => cs.filter((_, j) => j !== i))}>
                    删除
                  </button>
                </div>
              ))}
              <button type="button" className="btn btn-small" onClick={() => setComments((cs) => [...cs, { target: '', body: '' }])}>
                添加一条意见
              </button>
            </fieldset>
          ) : null}
          <div className="row">
            <button type="submit" className="btn btn-primary" disabled={isPending}>
              确认{TRANSITIONS[open].label}
            </button>
            <button type="button" className="btn" onClick={() => setOpen(null)}>
              取消
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
