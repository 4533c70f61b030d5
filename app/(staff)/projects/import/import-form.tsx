'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { ImportPlan, ImportResult } from '@/lib/projects/import';
import type { Corrections, ImportReading } from '@/lib/projects/import-reading';
import { ImportPreview, unconfirmed, type Overwrites } from './import-preview';
import { Readings } from './readings';

type Reply = { ok: true; plan?: ImportPlan; result?: ImportResult; reading?: ImportReading } | { ok: false; message: string; problems?: ImportPlan['problems']; reading?: ImportReading };

type Request = { mode: 'preview' | 'apply'; unit: string; year: string; isForced: boolean; corrections: Corrections; overwrite: Overwrites };

const NO_CORRECTIONS: Corrections = { overrides: {}, codes: {} };

async function send(file: File, r: Request): Promise<Reply> {
  const qs = new URLSearchParams({ mode: r.mode, name: file.name });
  if (r.unit) qs.set('unit', r.unit);
  if (r.year) qs.set('year', r.year);
  if (r.isForced) qs.set('force', '1');
  // The same corrections go with the preview and with the apply: the server reads the file again with them.
  if (Object.keys(r.corrections.overrides).length > 0 || Object.keys(r.corrections.codes).length > 0) qs.set('corrections', JSON.stringify(r.corrections));
  // The drafts ticked 覆盖草稿, each at the version the preview showed: the server refuses any other overwrite.
  if (r.mode === 'apply' && Object.keys(r.overwrite).length > 0) qs.set('overwrite', JSON.stringify(r.overwrite));
  try {
    const res = await fetch(`/api/import?${qs}`, { method: 'POST', body: file, headers: { 'content-type': 'application/octet-stream', 'x-requested-with': 'fetch' } });
    const body = (await res.json().catch(() => null)) as Reply | null;
    return body ?? { ok: false, message: `服务器返回了无法识别的结果（${res.status}）` };
  } catch {
    return { ok: false, message: '网络错误，文件未能上传，请重试' };
  }
}

export function ImportForm({ unitCode, year }: { unitCode: string; year: number | null }) {
  const [file, setFile] = useState<File | null>(null);
  const [unit, setUnit] = useState(unitCode);
  const [yearText, setYearText] = useState(year ? String(year) : '');
  const [isForced, setForced] = useState(false);
  const [reply, setReply] = useState<Reply | null>(null);
  const [isBusy, setBusy] = useState(false);
  // The corrections of the preview on screen; apply sends exactly these.
  const [corrections, setCorrections] = useState<Corrections>(NO_CORRECTIONS);
  const [ticks, setTicks] = useState<Overwrites>({});

  const [error, setError] = useState<string | null>(null);

  const run = async (mode: 'preview' | 'apply', force = isForced, next = corrections) => {
    if (!file) return;
    setBusy(true);
    setError(null);
    const answer = await send(file, { mode, unit, year: yearText, isForced: force, corrections: next, overwrite: ticks });
    if (!answer.ok && mode === 'preview' && reply?.ok && next !== corrections) {
      // A refused correction (a bad code) keeps the preview it was made on, with the reason above it.
      setError(answer.message);
    } else {
      setReply(answer);
      setCorrections(next);
    }
    setBusy(false);
  };
  const correct = (next: Corrections) => void run('preview', isForced, next);
  const plan = reply?.ok ? (reply.result ?? reply.plan) : null;
  const result = reply?.ok ? reply.result : undefined;
  // Offered only when some stored draft is held back by reading problems; the preview is redone with it.
  const canForce = plan !== null && plan !== undefined && (plan.isForced || plan.items.some((i) => i.canForce));
  // Every draft the import would overwrite is ticked on purpose first (the server checks it again).
  const waiting = plan ? unconfirmed(plan, ticks) : [];
  const tick = (code: string, version: number | null) =>
    setTicks((t) => {
      const { [code]: _old, ...rest } = t;
      return version === null ? rest : { ...rest, [code]: version };
    });

  return (
    <>
      <form
        className="row"
        onSubmit={(e) => {
          e.preventDefault();
          void run('preview');
        }}
      >
        <label htmlFor="file">文件</label>
        <input
          id="file"
          type="file"
          accept=".txt,.html,.htm,.xlsx,.docx,text/plain,text/html"
          onChange={(e) => {
            setFile(e.currentTarget.files?.[0] ?? null);
            setReply(null);
            setForced(false);
            setCorrections(NO_CORRECTIONS);
            setTicks({});
            setError(null);
          }}
        />
        <label htmlFor="unit">单位编码</label>
        <input id="unit" type="text" size={8} value={unit} onChange={(e) => setUnit(e.target.value)} placeholder="按文件" />
        <label htmlFor="year">年度</label>
        <input id="year" type="text" inputMode="numeric" size={5} value={yearText} onChange={(e) => setYearText(e.target.value)} placeholder="按文件" />
        <button className="btn btn-primary" type="submit" disabled={!file || isBusy}>
          {isBusy ? '正在读取…' : '预览'}
        </button>
      </form>
      <div aria-live="polite">
        {error ? (
          <p className="alert alert-error" role="alert" style={{ marginTop: 12 }}>
            更正未能应用：{error}
          </p>
        ) : null}
        {reply && !reply.ok ? (
          <p className="alert alert-error" role="alert" style={{ marginTop: 12 }}>
            {reply.message}
          </p>
        ) : null}
        {result ? (
          <p className="alert alert-ok" style={{ marginTop: 12 }}>
            导入完成：新建 {result.created} 张，更新 {result.updated} 张，无变化 {result.unchanged} 张，跳过 {result.skipped} 张。{' '}
            <Link href={`/projects?uy=${result.unitYearId}`}>查看项目列表</Link>
          </p>
        ) : null}
      </div>
      {plan ? (
        <section style={{ marginTop: 16 }} aria-label="导入预览">
          <ImportPreview plan={plan} ticks={ticks} onTick={result ? null : tick} isBusy={isBusy} />
          {reply?.ok && reply.reading && reply.reading.recognitions.length > 0 ? (
            <Readings reading={reply.reading} plan={plan} corrections={corrections} isBusy={isBusy || result !== undefined} onChange={correct} />
          ) : null}
          {!result ? (
            <p className="row">
              {canForce ? (
                <label>
                  <input
                    type="checkbox"
                    checked={isForced}
                    disabled={isBusy}
                    onChange={(e) => {
                      setForced(e.target.checked);
                      void run('preview', e.target.checked);
                    }}
                  />{' '}
                  强制覆盖读取有问题的草稿（请先核对原文是否完整）
                </label>
              ) : null}
              <button className="btn btn-primary" type="button" disabled={isBusy || waiting.length > 0} onClick={() => void run('apply')}>
                确认导入
              </button>
              {waiting.length > 0 ? (
                <span className="field-warn" role="note">
                  将覆盖 {waiting.length} 张库中的草稿：请核对每张表与库中草稿的差别，逐表勾选“覆盖草稿”后再导入
                </span>
              ) : null}
            </p>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
