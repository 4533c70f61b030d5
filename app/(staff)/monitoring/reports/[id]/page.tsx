import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { StatusBadge } from '@/app/ui/status-badge';
import { requireActor } from '@/lib/auth/request';
import { openReturn } from '@/lib/domain/review-levels';
import { ReturnNotice, ReviewEvents } from '@/app/ui/report-form/report-form';
import { reportPage } from '@/lib/monitoring/page';
import { ReportEditor } from './report-editor';
import { ReviewPanel } from './review-panel';

export const metadata: Metadata = { title: '绩效目标执行监控表' };

export default async function ReportPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const actor = await requireActor();
  const id = Number((await params).id);
  const page = Number.isSafeInteger(id) && id > 0 ? await reportPage(actor, id) : null;
  if (!page) notFound();
  // Shown until it is answered: once submitted again, the return is history.
  const lastReturn = openReturn(page.events);
  const rowComments: Record<string, string[]> = {};
  for (const c of lastReturn ? (JSON.parse(lastReturn.comments) as { target: string | null; body: string }[]) : []) {
    (rowComments[c.target ?? ''] ??= []).push(c.body);
  }
  return (
    <>
      <div className="row">
        <Link href="/monitoring">← 绩效运行监控</Link>
        <span className="spacer" />
        {page.canExport ? (
          <span className="row" style={{ gap: 6 }}>
            {(['xlsx', 'pdf', 'json'] as const).map((f) => (
              <a key={f} className="btn btn-small" href={`/api/monitoring/reports/${page.report.id}/export?format=${f}`}>
                导出 {f.toUpperCase()}
              </a>
            ))}
          </span>
        ) : null}
      </div>
      <h1>
        项目支出绩效目标执行监控表（{page.unitYear.year} 年 1–{page.round.month}月） <StatusBadge status={page.report.status} />
      </h1>
      <p className="muted">
        填报截止 {page.round.deadline} · 版本 {page.report.version}
      </p>
      <ReturnNotice lastReturn={lastReturn} status={page.report.status}>
        {(rowComments[''] ?? []).map((b, i) => (
          <div key={i}>意见：{b}</div>
        ))}
      </ReturnNotice>
      <ReportEditor
        key={page.report.version}
        reportId={page.report.id}
        version={page.report.version}
        status={page.report.status}
        header={{ name: page.project.name, code: page.project.code, unit: page.unitName, initialBudget: page.originalTable.budget.total, goal: page.table.goal }}
        rows={page.rows}
        initial={page.data}
        period={page.period}
        canEdit={page.canEdit}
        canSubmit={page.canSubmit}
        rowComments={rowComments}
      />
      {page.canReview ? <ReviewPanel reportId={page.report.id} version={page.report.version} rows={page.rows.filter((r) => !r.isPlaceholder).map((r) => ({ key: r.key, name: r.name }))} /> : null}
      <ReviewEvents events={page.events} />
    </>
  );
}
