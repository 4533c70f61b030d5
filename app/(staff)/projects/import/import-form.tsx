'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { ImportPlan, ImportResult } from '@/lib/projects/import';

type Reply = { ok: true; plan?: ImportPlan; result?: ImportResult } | { ok: false; message: string; problems?: ImportPlan['problems'] };

const ACTION_TEXT = { create: '新建', update: '更新', skip: '跳过' } as const;

async function send(file: File, mode: 'preview' | 'apply', unit: string, year: string): Promise<Reply> {
  const qs = new URLSearchParams({ mode });
  if (unit) qs.set('unit', unit);
  if (year) qs.set('year', year);
  try {
    const res = await fetch(`/api/import?${qs}`, { method: 'POST', body: file, headers: { 'content-type': 'text/plain' } });
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
  const [reply, setReply] = useState<Reply | null>(null);
  const [isBusy, setBusy] = useState(false);

  const run = async (mode: 'preview' | 'apply') => {
    if (!file) return;
    setBusy(true);
    setReply(await send(file, mode, unit, yearText));
    setBusy(false);
  };
  const plan = reply?.ok ? (reply.result ?? reply.plan) : null;
  const result = reply?.ok ? reply.result : undefined;

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
        <input id="file" type="file" accept=".txt,text/plain" onChange={(e) => { setFile(e.currentTarget.files?.[0] ?? null); setReply(null); }} />
        <label htmlFor="unit">单位编码</label>
        <input id="unit" type="text" size={8} value={unit} onChange={(e) => setUnit(e.target.value)} placeholder="按文件" />
        <label htmlFor="year">年度</label>
        <input id="year" type="text" inputMode="numeric" size={5} value={yearText} onChange={(e) => setYearText(e.target.value)} placeholder="按文件" />
        <button className="btn btn-primary" type="submit" disabled={!file || isBusy}>
          {isBusy ? '正在读取…' : '预览'}
        </button>
      </form>
      <div aria-live="polite">
        {reply && !reply.ok ? <p className="alert alert-error" role="alert" style={{ marginTop: 12 }}>{reply.message}</p> : null}
        {result ? (
          <p className="alert alert-ok" style={{ marginTop: 12 }}>
            导入完成：新建 {result.created} 张，更新 {result.updated} 张，跳过 {result.skipped} 张。{' '}
            <Link href={`/projects?uy=${result.unitYearId}`}>查看项目列表</Link>
          </p>
        ) : null}
      </div>
      {plan ? (
        <section style={{ marginTop: 16 }} aria-label="导入预览">
          <p>
            单位 <strong>{plan.unit.code} {plan.unit.name}</strong>
            {plan.unit.exists ? '' : '（新单位，将创建）'} · <strong>{plan.year}</strong> 年度
            {plan.unitYearExists ? '' : '（将创建）'} · 项目支出 {plan.projectExpenditure ?? '文件中未找到'} 万元 · 共 {plan.items.length} 张表
          </p>
          {plan.problems.length > 0 ? (
            <div className="alert alert-warn">
              <strong>读取时发现的问题（{plan.problems.length}）：</strong>
              <ul style={{ margin: '4px 0 0', paddingLeft: 20 }}>
                {plan.problems.slice(0, 50).map((p, i) => (
                  <li key={i}>{p.message}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <table className="grid" aria-label="将导入的表">
            <thead>
              <tr>
                <th>序号</th>
                <th>项目编码</th>
                <th>项目名称</th>
                <th className="num">预算数</th>
                <th className="num">指标行</th>
                <th>检查</th>
                <th>处理</th>
              </tr>
            </thead>
            <tbody>
              {plan.items.map((it) => {
                const errors = it.findings.filter((f) => f.severity === 'error').length;
                return (
                  <tr key={`${it.number}-${it.code}`}>
                    <td className="num">{it.number}</td>
                    <td className="nowrap">{it.code}</td>
                    <td>{it.name}</td>
                    <td className="num">{it.total}</td>
                    <td className="num">{it.rows}</td>
                    <td>
                      {errors > 0 ? <span className="badge badge-error">{errors} 个错误</span> : null}{' '}
                      {it.findings.length - errors > 0 ? <span className="badge badge-warn">{it.findings.length - errors} 个提醒</span> : null}
                      {it.findings.length === 0 ? <span className="muted">—</span> : null}
                    </td>
                    <td>
                      {ACTION_TEXT[it.action]}
                      {it.reason ? <span className="muted">：{it.reason}</span> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {!result ? (
            <p>
              <button className="btn btn-primary" type="button" disabled={isBusy} onClick={() => void run('apply')}>
                确认导入
              </button>
            </p>
          ) : null}
        </section>
      ) : null}
    </>
  );
}
