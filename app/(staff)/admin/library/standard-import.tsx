'use client';

import { useRouter } from 'next/navigation';
import { useId, useState, useTransition } from 'react';
import type { StandardPreview } from '@/lib/library/commands/import-standard';
import { importStandardLibraryAction, previewStandardLibraryAction } from './actions';
import { base64Of } from '@/app/ui/file-base64';

const ACTION_LABELS = { create: '新建', update: '修改', unchanged: '不变' } as const;

/** Choose a file → preview with every bad row → confirm. */
export function StandardImport() {
  const id = useId();
  const router = useRouter();
  const [file, setFile] = useState<string | null>(null);
  const [preview, setPreview] = useState<StandardPreview | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isPending, start] = useTransition();
  const confirm = () =>
    start(async () => {
      if (!file) return;
      const r = await importStandardLibraryAction({ file });
      if (!r.ok) return setError(r.message);
      setDone(`已导入：新建 ${r.data.create} 条，修改 ${r.data.update} 条，不变 ${r.data.unchanged} 条。`);
      setPreview(null);
      router.refresh();
    });
  return (
    <div>
      <label htmlFor={`${id}-file`}>导入标准指标库（XLSX 或 CSV）</label>{' '}
      <input
        id={`${id}-file`}
        type="file"
        accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-describedby={error ? `${id}-err` : undefined}
        onChange={async (e) => {
          setPreview(null);
          setDone(null);
          setError(null);
          const f = e.currentTarget.files?.[0];
          if (!f) return setFile(null);
          if (f.size > 10 * 1024 * 1024) return setError('文件不能超过 10 MB');
          const b = await base64Of(f);
          setFile(b);
          start(async () => {
            const r = await previewStandardLibraryAction({ file: b });
            if (r.ok) setPreview(r.data);
            else setError(r.message);
          });
        }}
      />
      {isPending ? <span aria-live="polite">处理中…</span> : null}
      {error ? (
        <p id={`${id}-err`} className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {done ? (
        <p className="alert alert-ok" role="status">
          {done}
        </p>
      ) : null}
      {preview ? (
        <>
          {preview.errors.length > 0 ? (
            <div role="alert">
              <p className="field-error">有 {preview.errors.length} 行有误，改正文件后重新选择；在此之前不会导入任何内容。</p>
              <ul aria-label="有误的行">
                {preview.errors.map((e) => (
                  <li key={e.row} className="field-error">
                    {e.message}
                  </li>
                ))}
              </ul>
            </div>
          ) : (
            <p>
              新建 {preview.counts.create} 条，修改 {preview.counts.update} 条，不变 {preview.counts.unchanged} 条。
              <button className="btn btn-primary" type="button" style={{ marginLeft: 12 }} disabled={isPending || preview.counts.create + preview.counts.update === 0} onClick={confirm}>
                确认导入
              </button>
            </p>
          )}
          <table className="grid" aria-label="标准指标预览">
            <thead>
              <tr>
                <th className="num">行号</th>
                <th>指标</th>
                <th>处理</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.slice(0, 1000).map((r) => (
                <tr key={r.row}>
                  <td className="num">{r.row}</td>
                  <td>{r.label}</td>
                  <td>{ACTION_LABELS[r.action]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}
    </div>
  );
}
