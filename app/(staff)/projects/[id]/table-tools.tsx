'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useRef, useState, useTransition } from 'react';
import { COMMENT_ON_EVENT } from './comment-on-click';
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
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  // A click on a row or field of the rendered table (CommentOnClick) points this form at it.
  useEffect(() => {
    const on = (e: Event) => {
      const value = (e as CustomEvent<string>).detail;
      if (!targets.some((t) => t.value === value)) return;
      setTarget(value);
      bodyRef.current?.scrollIntoView({ block: 'center' });
      bodyRef.current?.focus();
    };
    window.addEventListener(COMMENT_ON_EVENT, on);
    return () => window.removeEventListener(COMMENT_ON_EVENT, on);
  }, [targets]);
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
      <textarea ref={bodyRef} id="comment-body" rows={2} style={{ flex: 1, width: 'auto' }} value={body} onChange={(e) => setBody(e.target.value)} placeholder="填写意见或回复" />
      <button type="submit" className="btn" disabled={isPending || body.trim() === ''}>
        添加意见
      </button>
      <span aria-live="polite">{message ? <span className={message.ok ? 'diff-ok' : 'field-error'}>{message.text}</span> : null}</span>
    </form>
  );
}
