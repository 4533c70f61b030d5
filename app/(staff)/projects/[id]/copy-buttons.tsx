'use client';

import { useRouter } from 'next/navigation';
import { useState, useTransition } from 'react';
import { duplicateTableAction, startNextYearAction } from '../actions';

export function CopyButtons({ projectId, year }: { projectId: number; year: number }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const go = (fn: typeof duplicateTableAction) =>
    startTransition(async () => {
      const r = await fn({ projectId });
      if (!r.ok) setError(r.message);
      else router.push(`/projects/${r.data.projectId}/edit`);
    });
  return (
    <section className="card row" aria-label="复制">
      <strong>复制</strong>
      <button className="btn" type="button" disabled={isPending} onClick={() => go(duplicateTableAction)}>
        复制为新表
      </button>
      <button className="btn" type="button" disabled={isPending} onClick={() => go(startNextYearAction)}>
        复制到下一年度（{year + 1} 年度）
      </button>
      <span className="muted">下一年度的草稿沿用支出计划的月份、绩效目标和指标，每行旁显示上年指标值；金额、支出百分比和成本指标需重新填写。</span>
      <div aria-live="polite">{error ? <p className="alert alert-error">{error}</p> : null}</div>
    </section>
  );
}
