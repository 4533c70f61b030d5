'use client';

import { useState, useTransition } from 'react';
import type { ReturnNotes } from '@/lib/projects/return-notes';
import { formatTime } from '@/lib/format/time';
import { markCommentAction } from '@/app/(staff)/projects/actions';
import { notesId } from './field-notes';

/**
 * A returned table's to-do list at the top of the editor: the 退回理由 and each reviewer comment, which
 * jumps to its field or row and which the owner ticks 已处理 (the reviewer sees the ticks on the overview).
 */
export function ReturnPanel({ projectId, data }: { projectId: number; data: ReturnNotes }) {
  const [handled, setHandled] = useState(() => new Map(data.notes.map((n) => [n.id, n.isHandled])));
  const [error, setError] = useState<string | null>(null);
  const [, startTransition] = useTransition();
  if (data.reason === null && data.notes.length === 0) return null;
  const open = data.notes.filter((n) => !handled.get(n.id)).length;
  const jump = (path: string) => {
    const el = document.getElementById(notesId(path));
    const field = el?.closest('.field, fieldset, [data-row]')?.querySelector<HTMLElement>('input, textarea, select');
    el?.scrollIntoView({ block: 'center' });
    field?.focus({ preventScroll: true });
  };
  // The tick shows at once; a refusal takes it back and says why.
  const mark = (id: number, isHandled: boolean) => {
    setError(null);
    setHandled((m) => new Map(m).set(id, isHandled));
    startTransition(async () => {
      const r = await markCommentAction({ projectId, commentId: id, isHandled });
      if (!r.ok) {
        setHandled((m) => new Map(m).set(id, !isHandled));
        setError(r.message);
      }
    });
  };
  return (
    <section className="card" aria-labelledby="return-panel-title" style={{ borderColor: '#f3b7b0' }}>
      <h2 id="return-panel-title" style={{ marginTop: 0 }}>
        审核意见（{open > 0 ? `${open} 条待处理` : '均已处理'}）
      </h2>
      {data.reason !== null ? (
        <p>
          <strong>{data.returnLevel ? `${data.returnLevel}退回理由` : '退回理由'}</strong>
          <span className="muted">（{data.returnedBy}，{data.returnedAt ? formatTime(data.returnedAt).slice(0, 16) : ''}）</span>：{data.reason}
        </p>
      ) : null}
      <ul aria-label="审核意见列表" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {data.notes.map((n) => (
          <li key={n.id} className="row" style={{ alignItems: 'flex-start', marginBottom: 6 }}>
            <label className="nowrap">
              <input type="checkbox" checked={handled.get(n.id) ?? false} onChange={(e) => mark(n.id, e.currentTarget.checked)} /> 已处理
            </label>
            <span style={{ flex: 1 }}>
              {n.path ? (
                <button type="button" className="btn btn-small" onClick={() => jump(n.path!)} aria-label={`转到：${n.place}`}>
                  {n.place}
                </button>
              ) : n.place ? (
                <strong>[{n.place}] </strong>
              ) : (
                <strong>[整张表] </strong>
              )}{' '}
              {n.body} <span className="muted">（{n.userName}）</span>
            </span>
          </li>
        ))}
      </ul>
      <span aria-live="polite">{error ? <span className="field-error">{error}</span> : null}</span>
    </section>
  );
}
