'use client';

import { useId, useState, useTransition } from 'react';
import { useRouter } from 'next/navigation';
import type { ProvisionPreview, ProvisionResult } from '@/lib/departments/provision';
import { importProvisioningAction, previewProvisioningAction } from './actions';
import { base64Of } from '@/app/ui/file-base64';

type Kind = 'units' | 'users';
const ACTION_LABELS = { create: '新建', update: '修改', unchanged: '不变' } as const;

/** Choose a file → preview with every bad row → confirm; generated passwords are shown once. */
export function ProvisionForm() {
  const id = useId();
  const router = useRouter();
  const [kind, setKind] = useState<Kind>('units');
  const [file, setFile] = useState<string | null>(null);
  const [preview, setPreview] = useState<ProvisionPreview | null>(null);
  const [done, setDone] = useState<ProvisionResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [isPending, start] = useTransition();

  const reset = () => {
    setPreview(null);
    setDone(null);
    setError(null);
  };
  const runPreview = (k: Kind, f: string) =>
    start(async () => {
      const r = await previewProvisioningAction({ kind: k, file: f });
      if (r.ok) setPreview(r.data);
      else setError(r.message);
    });
  const confirm = () =>
    start(async () => {
      if (!file) return;
      const r = await importProvisioningAction({ kind, file });
      if (!r.ok) return setError(r.message);
      setDone(r.data);
      setPreview(null);
      router.refresh();
    });

  return (
    <section className="card" aria-label="导入">
      <form className="row" onSubmit={(e) => e.preventDefault()}>
        <fieldset className="row" style={{ border: 0, padding: 0, margin: 0 }}>
          <legend className="sr-only">导入内容</legend>
          {(['units', 'users'] as const).map((k) => (
            <label key={k}>
              <input
                type="radio"
                name="kind"
                value={k}
                checked={kind === k}
                onChange={() => {
                  setKind(k);
                  reset();
                  if (file) runPreview(k, file);
                }}
              />
              {k === 'units' ? '单位' : '用户'}
            </label>
          ))}
        </fieldset>
        <label htmlFor={`${id}-file`}>文件（XLSX 或 CSV）</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          aria-describedby={error ? `${id}-err` : undefined}
          onChange={async (e) => {
            reset();
            const f = e.currentTarget.files?.[0];
            if (!f) return setFile(null);
            if (f.size > 10 * 1024 * 1024) return setError('文件不能超过 10 MB');
            const b = await base64Of(f);
            setFile(b);
            runPreview(kind, b);
          }}
        />
        {isPending ? <span aria-live="polite">处理中…</span> : null}
      </form>
      {error ? (
        <p id={`${id}-err`} className="field-error" role="alert" style={{ whiteSpace: 'pre-line' }}>
          {error}
        </p>
      ) : null}
      {preview ? <Preview preview={preview} kind={kind} isPending={isPending} onConfirm={confirm} /> : null}
      {done ? <Done result={done} kind={kind} /> : null}
    </section>
  );
}

function Preview({ preview, kind, isPending, onConfirm }: { preview: ProvisionPreview; kind: Kind; isPending: boolean; onConfirm: () => void }) {
  const what = kind === 'units' ? '单位' : '用户';
  const hasErrors = preview.errors.length > 0;
  return (
    <>
      <h2>预览</h2>
      {hasErrors ? (
        <div role="alert">
          <p className="field-error">
            有 {preview.errors.length} 行有误，改正文件后重新选择；在此之前不会导入任何内容。
          </p>
          <table className="grid" aria-label="有误的行">
            <thead>
              <tr>
                <th className="num">行号</th>
                <th>问题</th>
              </tr>
            </thead>
            <tbody>
              {preview.errors.map((e) => (
                <tr key={e.row}>
                  <td className="num">第 {e.row} 行</td>
                  <td className="field-error">{e.messages.join('；')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p>
          新建 {preview.counts.create} 个{what}，修改 {preview.counts.update} 个，不变 {preview.counts.unchanged} 个。
          <button className="btn btn-primary" type="button" disabled={isPending || preview.counts.create + preview.counts.update === 0} onClick={onConfirm} style={{ marginLeft: 12 }}>
            确认导入
          </button>
        </p>
      )}
      <table className="grid" aria-label={`${what}预览`}>
        <thead>
          <tr>
            <th className="num">行号</th>
            <th>{what}</th>
            <th>处理</th>
            <th>说明</th>
          </tr>
        </thead>
        <tbody>
          {preview.rows.slice(0, 1000).map((r) => (
            <tr key={r.row}>
              <td className="num">{r.row}</td>
              <td>{r.label}</td>
              <td>{ACTION_LABELS[r.action]}</td>
              <td>{r.detail}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {preview.rows.length > 1000 ? <p className="muted">只列出前 1000 行。</p> : null}
    </>
  );
}

function Done({ result, kind }: { result: ProvisionResult; kind: Kind }) {
  return (
    <div role="status">
      <p className="diff-ok">
        已导入{kind === 'units' ? '单位' : '用户'}：新建 {result.created}，修改 {result.updated}，不变 {result.unchanged}。
      </p>
      {result.generated.length > 0 ? (
        <>
          <p>
            <strong>生成的初始密码只显示这一次</strong>，请现在复制并分别交给各用户；首次登录须修改。
          </p>
          <textarea readOnly aria-label="生成的初始密码" rows={Math.min(12, result.generated.length + 1)} cols={48} value={result.generated.map((g) => `${g.username}\t${g.password}`).join('\n')} />
        </>
      ) : null}
    </div>
  );
}
