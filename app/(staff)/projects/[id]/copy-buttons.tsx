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
        以此表开始 {year + 1} 年度的表
      </button>
      <span className="muted">下一年度的表沿用指标和依据，金额和支出计划需重新填写。</span>
      <div aria-live="polite">{error ? <p className="alert alert-error">{error}</p> : null}</div>
    </section>
  );
}
