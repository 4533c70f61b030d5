'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { addCommentAction, deleteTableAction } from '../actions';

export function DeleteDraft({ projectId, version, unitYearId }: { projectId: number; version: number; unitYearId: number }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <>
      <button
        type="button"
        className="btn btn-danger"
        disabled={isPending}
        onClick={() => {
          if (!window.confirm('确定删除这张草稿表吗？删除后可在审计日志中查到原内容，但表本身不能恢复。')) return;
          startTransition(async () => {
            const r = await deleteTableAction({ projectId, version });
            if (r.ok) router.push(`/projects?uy=${unitYearId}`);
            else setError(r.message);
          });
        }}
      >
        删除此草稿
      </button>
      <span aria-live="polite">{error ? <span className="field-error">{error}</span> : null}</span>
    </>
  );
}

export function CommentForm({ projectId, targets }: { projectId: number; targets: { value: string; label: string }[] }) {
  const router = useRouter();
  const [target, setTarget] = useState('');
  const [body, setBody] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [isPending, startTransition] = useTransition();
  return (
    <form
      className="row"
      style={{ alignItems: 'flex-start' }}
      onSubmit={(e) => {
        e.preventDefault();
        startTransition(async () => {
          const r = await addCommentAction({ projectId, target: target || null, body });
          if (r.ok) {
            setBody('');
            setMessage({ ok: true, text: '意见已添加' });
            router.refresh();
          } else setMessage({ ok: false, text: r.message });
        });
      }}
    >
      <label htmlFor="comment-target" className="sr-only">
        意见针对
      </label>
      <select id="comment-target" value={target} onChange={(e) => setTarget(e.target.value)}>
        <option value="">整张表</option>
        {targets.map((t) => (
          <option key={t.value} value={t.value}>
            {t.label}
          </option>
        ))}
      </select>
      <label htmlFor="comment-body" className="sr-only">
        意见内容
      </label>
      <textarea id="comment-body" rows={2} style={{ flex: 1, width: 'auto' }} value={body} onChange={(e) => setBody(e.target.value)} placeholder="填写意见或回复" />
      <button type="submit" className="btn" disabled={isPending || body.trim() === ''}>
        添加意见
      </button>
      <span aria-live="polite">{message ? <span className={message.ok ? 'diff-ok' : 'field-error'}>{message.text}</span> : null}</span>
    </form>
  );
}
