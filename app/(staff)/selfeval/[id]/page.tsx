import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { StatusBadge } from '@/app/ui/status-badge';
import { requireActor } from '@/lib/auth/request';
import { openReturn } from '@/lib/domain/review-levels';
import { ReturnNotice, ReviewEvents } from '@/app/ui/report-form/report-form';
import { selfEvalPage } from '@/lib/selfeval/page';
import { ExportButtons } from '../export-buttons';
import { ImportPanel } from './import-panel';
import { ReviewPanel } from './review-panel';
import { SelfEvalEditor } from './selfeval-editor';

export const metadata: Metadata = { title: '项目支出绩效自评表' };

export default async function SelfEvalPage({ params }: { params: Promise<{ id: string }> }) {
  await connection();
  const actor = await requireActor();
  const id = Number((await params).id);
  const page = Number.isSafeInteger(id) && id > 0 ? await selfEvalPage(actor, id) : null;
  if (!page) notFound();
  return (
    <>
      <div className="row">
        <Link href={`/selfeval/unit-years/${page.unitYear.id}`}>← {page.unitYear.year} 年度绩效自评</Link>
        <span className="spacer" />
        {page.canExport ? <ExportButtons href={`/api/selfeval/evaluations/${page.selfEval.id}/export`} /> : null}
      </div>
      <h1>
        项目支出绩效自评表（{page.unitYear.year} 年度） <StatusBadge status={page.selfEval.status} />
      </h1>
      <p className="muted">版本 {page.selfEval.version} · 年度指标值为执行中的指标值（有调整时为调整后的值）</p>
      <ReturnNotice lastReturn={openReturn(page.events)} status={page.selfEval.status} />
      <SelfEvalEditor
        key={page.selfEval.version}
        selfEvalId={page.selfEval.id}
        version={page.selfEval.version}
        status={page.selfEval.status}
        header={{ name: page.project.name, code: page.project.code, unit: page.unitName, goal: page.table.goal }}
        rows={page.rows}
        initial={page.data}
        thresholds={page.thresholds}
        canEdit={page.canEdit}
        canSubmit={page.canSubmit}
      />
      {page.canImport ? <ImportPanel selfEvalId={page.selfEval.id} version={page.selfEval.version} /> : null}
      {page.canReview ? <ReviewPanel selfEvalId={page.selfEval.id} version={page.selfEval.version} /> : null}
      <ReviewEvents events={page.events} />
    </>
  );
}
