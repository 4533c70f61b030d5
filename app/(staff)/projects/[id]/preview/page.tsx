import type { Metadata } from 'next';
import { NumberNote } from '../number-note';
import Link from 'next/link';
import { titleMark } from '@/lib/domain/workflow';
import { PublishedTable } from '@/app/ui/published-table';
import { PrintButton } from '@/app/ui/print-button';

import { loadProjectPage, tableMetadata } from '../load';

export function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return tableMetadata(params, 'preview');
}

export default async function PreviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { view } = await loadProjectPage(params);
  const { project, table } = view;
  return (
    <>
      <div className="row no-print" style={{ marginBottom: 12 }}>
        <Link href={`/projects/${project.id}`}>← 返回</Link>
        <span className="muted">按公开版式预览，打印时每页重复指标表头（A4 纵向）。</span>
        <span className="spacer" />
        {view.rights.canEdit ? (
          <Link className="btn" href={`/projects/${project.id}/edit`}>
            编辑
          </Link>
        ) : null}
        <PrintButton />
      </div>
      <NumberNote numbers={view.numbers} />
      <div className="card">
        <PublishedTable table={table} number={view.printedNumber} mark={titleMark(project.status)} />
      </div>
    </>
  );
}
