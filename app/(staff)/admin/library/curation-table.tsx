'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import type { CurationRow } from '@/lib/library/curation';
import { mergeLibraryEntriesAction, retireLibraryEntryAction } from './actions';

/** The entries of one page: retire or restore each; merge one into another entry of the same 二级. */
export function CurationTable({ rows }: { rows: CurationRow[] }) {
  const id = useId();
  const router = useRouter();
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [merging, setMerging] = useState<CurationRow | null>(null);
  const [intoId, setIntoId] = useState('');
  const [isPending, start] = useTransition();
  const run = (fn: () => Promise<{ ok: true } | { ok: false; message: string }>, done: string) =>
    start(async () => {
      const r = await fn();
      if (!r.ok) return setMessage({ kind: 'error', text: r.message });
      setMessage({ kind: 'ok', text: done });
      setMerging(null);
      router.refresh();
    });
  const candidates = merging ? rows.filter((r) => r.id !== merging.id && r.level2 === merging.level2 && !r.isRetired) : [];
  return (
    <section className="card" aria-label="指标">
      <div aria-live="polite">{message ? <p className={`alert alert-${message.kind === 'ok' ? 'ok' : 'error'}`}>{message.text}</p> : null}</div>
      {merging ? (
        <form
          className="row"
          aria-label="合并指标"
          onSubmit={(e) => {
            e.preventDefault();
            const into = rows.find((r) => String(r.id) === intoId);
            run(() => mergeLibraryEntriesAction({ fromId: merging.id, intoId: Number(intoId) }), `已把“${merging.name}”合并到“${into?.name ?? intoId}”`);
          }}
        >
          <label htmlFor={`${id}-into`}>把“{merging.name}”合并到</label>
          <select id={`${id}-into`} value={intoId} onChange={(e) => setIntoId(e.currentTarget.value)} required>
            <option value="">（选择同一二级指标下的指标）</option>
            {candidates.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}（{c.uses} 张表{c.isStandard ? ' · 标准' : ''}）
              </option>
            ))}
          </select>
          <button className="btn btn-primary" type="submit" disabled={isPending || intoId === ''}>
            确认合并
          </button>
          <button className="btn" type="button" onClick={() => setMerging(null)}>
            取消
          </button>
          {candidates.length === 0 ? <span className="muted">本页没有同一二级指标下的其他指标：请先按名称搜索，使两条都出现在本页。</span> : null}
        </form>
      ) : null}
      <table className="grid" aria-label="指标库条目">
        <thead>
          <tr>
            <th>一级指标</th>
            <th>二级指标</th>
            <th>三级指标</th>
            <th className="num">使用表数</th>
            <th>类型</th>
            <th>操作</th>
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={6} className="muted">
                没有符合条件的指标
              </td>
            </tr>
          ) : null}
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{r.level1}</td>
              <td>{r.level2}</td>
              <td>{r.name}</td>
              <td className="num">{r.uses}</td>
              <td>{[r.isStandard ? '标准' : '学习所得', r.isRetired ? '已停用' : ''].filter(Boolean).join(' · ')}</td>
              <td className="row">
                <button
                  className="btn btn-small"
                  type="button"
                  disabled={isPending}
                  aria-label={`${r.isRetired ? '恢复' : '停用'}“${r.name}”`}
                  onClick={() => run(() => retireLibraryEntryAction({ entryId: r.id, isRetired: !r.isRetired }), `已${r.isRetired ? '恢复' : '停用'}“${r.name}”`)}
                >
                  {r.isRetired ? '恢复' : '停用'}
                </button>
                {!r.isRetired ? (
                  <button
                    className="btn btn-small"
                    type="button"
                    disabled={isPending}
                    aria-label={`合并“${r.name}”到另一条指标`}
                    onClick={() => {
                      setMerging(r);
                      setIntoId('');
                      setMessage(null);
                    }}
                  >
                    合并…
                  </button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
