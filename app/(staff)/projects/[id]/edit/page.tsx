import type { Metadata } from 'next';
import Link from 'next/link';
import { can } from '@/lib/auth/permissions';
import { STATUS_LABELS } from '@/lib/domain/workflow';
import { editorValues } from '@/lib/editor/draft';
import { learnedDefaultsFor } from '@/lib/library/defaults';
import { CREATED_MESSAGE, isJustCreated } from '@/lib/editor/save-status';
import { ruleContextOf } from '@/lib/projects/findings';
import { lastYearTableOf } from '@/lib/library/last-year';
import { reviewConversation } from '@/lib/projects/overview';
import { returnNotes } from '@/lib/projects/return-notes';
import { ReturnPanel } from '@/app/ui/editor/return-panel';
import { TableEditor } from '@/app/ui/editor/table-editor';

import { loadProjectPage, tableMetadata } from '../load';

export function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return tableMetadata(params, 'edit');
}

export default async function EditPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { actor, view } = await loadProjectPage(params);
  const isCreated = isJustCreated((await searchParams).created);
  const { project, table, rights } = view;
  if (!rights.canEdit) {
    return (
      <div className="card">
        <h1>{project.name}</h1>
        <p className="alert alert-warn">
          {project.status === 'draft' || project.status === 'returned'
            ? '你没有编辑此表的权限（只有本单位的编制人可以编辑）。'
            : `此表当前为“${STATUS_LABELS[project.status]}”，不能编辑。${project.status === 'submitted' ? '如需修改，请在概览页撤回。' : '如需修改，请联系管理员重新打开。'}`}
        </p>
        <Link href={`/projects/${project.id}`}>返回概览</Link>
      </div>
    );
  }
  const ctx = await ruleContextOf(view.unitYear);
  const comments = (await reviewConversation(project.id)).comments.map((c) => ({ target: c.target, body: c.body, userName: c.userName }));
  const notes = await returnNotes(project.id, table);
  const lastYear = await lastYearTableOf(view.unitYear, table);
  const learned = await learnedDefaultsFor(ctx.framework);
  return (
    <>
      <p className="muted" style={{ margin: '0 0 4px' }}>
        {view.unitYear.unitCode} {view.unitYear.unitName} · {view.unitYear.year} 年度 · {STATUS_LABELS[project.status]}
      </p>
      <h1>
        编辑：{view.printedNumber}、{project.name}
      </h1>
      {isCreated ? (
        <p className="alert alert-ok" role="status">
          {CREATED_MESSAGE}
        </p>
      ) : null}
      <ReturnPanel projectId={project.id} data={notes} />
      <TableEditor
        canSubmit={can(actor, 'project.submit', view.unitYear.unitId)}
        unitYearBudget={{ othersYuan: view.unitYear.budgetSumYuan - project.totalYuan, expenditureYuan: view.unitYear.projectExpenditureYuan }}
        unitYearId={project.unitYearId}
        projectId={project.id}
        version={project.version}
        initial={editorValues(table, ctx.framework)}
        username={actor.username}
        framework={ctx.framework}
        year={ctx.year}
        profile={ctx.profile}
        comments={comments}
        lastYear={lastYear?.rows ?? null}
        learnedDefaults={learned}
      />
    </>
  );
}
