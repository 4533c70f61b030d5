'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import type { ActionResult, FieldErrors } from '@/lib/actions/result';
import { TRANSITIONS, type WorkflowAction } from '@/lib/domain/workflow';
import { approveQuestion, DEPT_APPROVED_MESSAGE, DONE_MESSAGES, isWorkflowButtonDisabled, noteOrUndefined } from '@/lib/review/confirmations';
import { useConfirm } from '@/app/ui/confirm-dialog';
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

type Props = { projectId: number; version: number; actions: WorkflowAction[]; targets: Target[]; name: string; warningCount: number };

export function WorkflowPanel(props: Props) {
  const router = useRouter();
  const { dialog, confirm } = useConfirm();
  const ids = useId();
  const [open, setOpen] = useState<WorkflowAction | null>(null);
  const [reason, setReason] = useState('');
  const [comments, setComments] = useState<Comment[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  /** Field errors of the last refusal, keyed by the form's own names (`reason`, `comments.<i>.target|body`). */
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [isPending, startTransition] = useTransition();

  // After the last action a person may take (an approval), the panel stays for its message.
  if (props.actions.length === 0 && !done) return null;

  /** `note`: the approval's sign-off note, recorded as the event's reason (transitionInput takes it). */
  const run = (action: WorkflowAction, note?: string) =>
    startTransition(async () => {
      setError(null);
      setDone(null);
      setFieldErrors({});
      const fn = ACTIONS[action];
      if (!fn) return;
      // Empty comments are left out; `sent[k]` is the form's index of the k-th comment sent.
      const sent = comments.flatMap((c, i) => (c.body.trim() ? [i] : []));
      const r = await fn({
        projectId: props.projectId,
        version: props.version,
        reason: note ?? (reason || undefined),
        comments: action === 'return' ? sent.map((i) => ({ target: comments[i]!.target || null, body: comments[i]!.body })) : undefined,
      });
      if (!r.ok) {
        setError(r.message);
        setFieldErrors(
          Object.fromEntries(
            Object.entries(r.fieldErrors).map(([key, messages]) => {
              const m = /^comments\.(\d+)\.(\w+)$/.exec(key);
              return [m ? `comments.${sent[Number(m[1])] ?? m[1]}.${m[2]}` : key, messages];
            }),
          ),
        );
        return;
      }
      setOpen(null);
      setReason('');
      setComments([]);
      // At two levels the department's approval is not the last word (issue 18).
      setDone(action === 'revise' ? null : r.data.status === 'dept_approved' ? DEPT_APPROVED_MESSAGE : DONE_MESSAGES[action]);
      router.refresh();
    });

  const needsForm = (a: WorkflowAction) => TRANSITIONS[a].needsReason;
  /** Approving freezes the table: it is confirmed first, with an optional sign-off note. */
  const approve = async () => {
    const answer = await confirm({ ...approveQuestion(props.name, props.warningCount), tone: 'primary' });
    if (answer.isConfirmed) run('approve', noteOrUndefined(answer.note));
  };
  const onAction = (a: WorkflowAction) => {
    if (needsForm(a)) setOpen(a);
    else if (a === 'approve') void approve();
    else run(a);
  };
  const noteId = (name: string) => `${ids}-${name.replace(/\./g, '-')}-error`;
  /** The props that tie a control to its error, and the error itself to show beside it. */
  const errorOf = (name: string) => {
    const messages = fieldErrors[name];
    return messages?.length
      ? {
          control: { 'aria-invalid': true, 'aria-describedby': noteId(name) } as const,
          note: (
            <p id={noteId(name)} className="field-error" style={{ margin: '4px 0 0' }}>
              {messages.join('；')}
            </p>
          ),
        }
      : { control: {}, note: null };
  };

  return (
    <section className="card" aria-label="审核流程">
      <div className="row">
        <strong>流程操作</strong>
        {props.actions.map((a) => (
          <button
            key={a}
            type="button"
            className={`btn ${a === 'approve' || a === 'submit' ? 'btn-primary' : ''}`}
            disabled={isWorkflowButtonDisabled(a, open, isPending)}
            title={a === 'approve' && open !== null ? '请先完成或取消下方的表单' : undefined}
            onClick={() => onAction(a)}
          >
            {TRANSITIONS[a].label}
          </button>
        ))}
      </div>
      {dialog}
      <div aria-live="polite">
        {error ? <p className="alert alert-error" role="alert" style={{ marginTop: 12 }}>{error}</p> : null}
        {done ? <p className="alert alert-ok" role="status" style={{ marginTop: 12 }}>{done}</p> : null}
      </div>
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
            <textarea id={`${ids}-reason`} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} required {...errorOf('reason').control} />
            {errorOf('reason').note}
          </div>
          {open === 'return' ? (
            <fieldset style={{ border: '1px solid var(--line)', borderRadius: 4, marginBottom: 12 }}>
              <legend>针对具体内容的意见（可选）</legend>
              {comments.map((c, i) => (
                <div key={i} style={{ marginBottom: 8 }}>
                  <div className="row" style={{ alignItems: 'flex-start' }}>
                    <label className="sr-only" htmlFor={`${ids}-t${i}`}>
                      意见 {i + 1} 针对
                    </label>
                    <select
                      id={`${ids}-t${i}`}
                      {...errorOf(`comments.${i}.target`).control}
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
                      {...errorOf(`comments.${i}.body`).control}
                      rows={2}
                      style={{ flex: 1, width: 'auto' }}
                      value={c.body}
                      onChange={(e) => setComments((cs) => cs.map((x, j) => (j === i ? { ...x, body: e.target.value } : x)))}
                    />
                    <button
                      type="button"
                      className="btn btn-small"
                      onClick={() => {
                        setComments((cs) => cs.filter((_, j) => j !== i));
                        setFieldErrors({}); // they were keyed by the old positions
                      }}
                    >
                      删除
                    </button>
                  </div>
                  {errorOf(`comments.${i}.target`).note}
                  {errorOf(`comments.${i}.body`).note}
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
