import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { StatusBadge } from '@/app/ui/status-badge';
import { adjustmentPage } from '@/lib/adjustments/page';
import { requireActor } from '@/lib/auth/request';
import type { Status } from '@/lib/domain/workflow';
import { AdjustForm, DecideButtons } from './adjust-form';

export const metadata: Metadata = { title: '绩效目标调整' };

export default async function AdjustPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const actor = await requireActor();
  const id = Number((await params).id);
  const page = Number.isInteger(id) && id > 0 ? await adjustmentPage(actor, id) : null;
  if (!page) notFound();
  const pending = page.adjustments.find((a) => a.status === 'submitted');
  return (
    <>
      <p className="muted" style={{ margin: '0 0 4px' }}>
        <Link href={`/projects/${page.projectId}`}>← {page.name}</Link>
      </p>
      <h1>绩效目标调整</h1>
      <p className="muted">已审核通过的调整 {page.approvedCount} 次。公开的绩效目标表保持原样；绩效运行监控使用调整后的指标值。</p>
      {/* Said by the page, not only by the form: submitting hides the form, which took its confirmation with it. */}
      {pending ? (
        <p role="status" className="alert alert-ok">
          已提交第 {pending.seq} 次调整，等待审核
        </p>
      ) : null}
      {page.adjustments.map((a) => (
        <section key={a.id} className="card" aria-label={`第 ${a.seq} 次调整`}>
          <div className="row">
            <h2 style={{ margin: 0 }}>第 {a.seq} 次调整</h2>
            <StatusBadge status={a.status as Status} />
            <span className="muted">
              申请人 {a.proposedByName ?? '—'} · 理由：{a.reason}
              {a.decisionReason ? ` · 审核意见：${a.decisionReason}` : ''}
            </span>
          </div>
          <table style={{ width: '100%', borderCollapse: 'collapse', marginTop: 8 }} aria-label={`第 ${a.seq} 次调整的内容`}>
            <thead>
              <tr>
                <th style={{ width: '14%' }}>项目</th>
                <th style={{ width: '33%' }}>调整前（原指标值）</th>
                <th style={{ width: '33%' }}>调整后指标值</th>
                <th style={{ width: '20%' }}>调整理由</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td>全年预算数（万元）</td>
                <td>{a.budgetBefore}</td>
                <td>{a.budgetAfter}</td>
                <td />
              </tr>
              <tr>
                <td>年度总体目标</td>
                <td style={{ whiteSpace: 'pre-wrap' }}>{a.goalBefore}</td>
                <td style={{ whiteSpace: 'pre-wrap' }}>{a.goalAfter}</td>
                <td />
              </tr>
              {a.rows.map((r) => (
                <tr key={r.rowKey}>
                  <td>{r.name}</td>
                  <td>{r.before}</td>
                  <td>{r.after}</td>
                  <td>{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {a.canDecide ? <DecideButtons adjustmentId={a.id} version={a.version} /> : null}
        </section>
      ))}
      {page.canPropose ? (
        <AdjustForm
          projectId={page.projectId}
          budget={page.current.budget.total}
          goal={page.current.goal}
          rows={page.current.indicators.filter((r) => !r.isPlaceholder).map((r) => ({ key: r.key!, name: r.name, value: r.value }))}
        />
      ) : null}
    </>
  );
}
