import type { Metadata } from 'next';
import { NumberNote } from '../number-note';
import Link from 'next/link';
import { titleMark } from '@/lib/domain/workflow';
import { PublishedTable } from '@/app/ui/published-table';
import { PrintButton } from '@/app/ui/print-button';
import { lastYearNotes, lastYearTableOf } from '@/lib/library/last-year';

import { loadProjectPage, tableMetadata } from '../load';

export function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return tableMetadata(params, 'preview');
}

export default async function PreviewPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { view } = await loadProjectPage(params);
  const { project, table } = view;
  // 上年指标值 as optional columns (?lastYear=1), beside the published layout, never printed by default.
  const previous = await lastYearTableOf(view.unitYear, table);
  const isLastYearShown = previous !== null && (await searchParams).lastYear === '1';
  const lastYear = isLastYearShown ? { notes: lastYearNotes(table, previous.rows), hasActual: previous.rows.some((r) => !!r.actual) } : undefined;
  return (
    <>
      <div className="row no-print" style={{ marginBottom: 12 }}>
        <Link href={`/projects/${project.id}`}>← 返回</Link>
        <span className="muted">按公开版式预览，打印时每页重复指标表头（A4 纵向）。</span>
        <span className="spacer" />
        {previous ? (
          <Link href={isLastYearShown ? `/projects/${project.id}/preview` : `/projects/${project.id}/preview?lastYear=1`}>
            {isLastYearShown ? '隐藏上年指标值' : `显示上年指标值（${previous.year} 年度“${previous.table.name}”）`}
          </Link>
        ) : null}
        {view.rights.canEdit ? (
          <Link className="btn" href={`/projects/${project.id}/edit`}>
            编辑
          </Link>
        ) : null}
        <PrintButton />
      </div>
      <NumberNote numbers={view.numbers} />
      <div className="card">
        <PublishedTable table={table} number={view.printedNumber} mark={titleMark(project.status)} {...(lastYear ? { lastYear } : {})} />
      </div>
    </>
  );
}
