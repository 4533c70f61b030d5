import type { Metadata } from 'next';
import Link from 'next/link';
import { commentPlaceText, commentTargets } from '@/lib/domain/locations';
import { titleMark } from '@/lib/domain/workflow';
import { eventLabel, reasonLabel } from '@/lib/format/history';
import { formatTime } from '@/lib/format/time';
import { reviewConversation } from '@/lib/projects/overview';
import { returnNotes } from '@/lib/projects/return-notes';
import { isReturnAction } from '@/lib/domain/review-levels';
import { StatusBadge } from '@/app/ui/status-badge';
import { FindingsList } from '@/app/ui/findings-list';
import { PublishedTable } from '@/app/ui/published-table';
import { CopyButtons } from './copy-buttons';
import { CommentForm, DeleteDraft } from './table-tools';
import { NumberNote } from './number-note';
import { CommentOnClick } from './comment-on-click';
import { WorkflowPanel } from './workflow-panel';
import { can } from '@/lib/auth/permissions';

import { loadProjectPage, tableMetadata } from './load';

export function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return tableMetadata(params, 'overview');
}

export default async function ProjectPage({ params }: { params: Promise<{ id: string }> }) {
  const { actor, view } = await loadProjectPage(params);
  const { project, table, rights } = view;
  const { events, comments } = await reviewConversation(project.id);
  const marks = new Map((await returnNotes(project.id, table)).notes.map((n) => [n.id, n.handledBy]));
  const wasReturned = events.some((e) => isReturnAction(e.action));
  const conversation = [
    ...events.map((e) => ({ at: e.at, key: `e${e.id}`, who: e.userName, text: `${eventLabel(e.action)}${e.reason ? `（${reasonLabel(e.action)}）：${e.reason}` : ''}`, place: null as string | null })),
    // The return form's comments and those added one by one are the same kind: one list, in time order.
    ...comments.map((c) => ({ at: c.at, key: `c${c.id}`, who: c.userName, text: `${c.body}${marks.get(c.id) ? `（${marks.get(c.id)}已标为已处理）` : ''}`, place: commentPlaceText(c, table) })),
  ].sort((a, b) => a.at - b.at || a.key.localeCompare(b.key));

  return (
    <>
      <p className="muted" style={{ margin: '0 0 4px' }}>
        <Link href={`/projects?uy=${view.unitYear.id}`}>
          {view.unitYear.unitCode} {view.unitYear.unitName} · {view.unitYear.year} 年度
        </Link>
      </p>
      <div className="row" style={{ marginBottom: 12 }}>
        <h1 style={{ margin: 0 }}>
          {view.printedNumber}、{project.name}
        </h1>
        <StatusBadge status={project.status} />
        <span className="spacer" />
        {rights.canEdit ? (
          <Link className="btn btn-primary" href={`/projects/${project.id}/edit`}>
            编辑
          </Link>
        ) : null}
        <Link className="btn" href={`/projects/${project.id}/preview`}>
          预览与打印
        </Link>
        <Link className="btn" href={`/projects/${project.id}/history`}>
          修改历史
        </Link>
        {project.status === 'approved' ? (
          <Link className="btn" href={`/projects/${project.id}/adjust`}>
            目标调整
          </Link>
        ) : null}
      </div>
      <NumberNote numbers={view.numbers} />
      <p className="muted">
        项目编码 {project.code} · 版本 {project.version} · 最后修改 {formatTime(project.updatedAt)}
        {view.updatedByName ? `（${view.updatedByName}）` : ''}
      </p>

      {project.status === 'returned' && rights.canEdit ? (
        <p className="alert alert-error" role="status">
          此表已退回修改：请按下方审核意见修改并保存（保存后回到草稿），再提交审核。
        </p>
      ) : null}
      <WorkflowPanel
        projectId={project.id}
        version={project.version}
        actions={rights.actions}
        targets={commentTargets(table)}
        name={project.name}
        warningCount={view.findings.filter((f) => f.severity === 'warning').length}
      />

      <section className="card" aria-label="检查结果">
        <h2 style={{ marginTop: 0 }}>检查结果</h2>
        <FindingsList findings={view.findings} table={table} />
      </section>

      {conversation.length > 0 || rights.canComment ? (
        <section className="card" aria-label="审核意见">
          <h2 style={{ marginTop: 0 }}>审核记录与意见</h2>
          {wasReturned && project.status !== 'returned' ? (
            <p>
              <Link href={`/projects/${project.id}/history?since=return`}>查看自退回以来的修改</Link>
            </p>
          ) : null}
          {conversation.length === 0 ? <p className="muted">还没有审核记录或意见。</p> : null}
          <ol style={{ margin: '0 0 12px', paddingLeft: 20 }}>
            {conversation.map((c) => (
              <li key={c.key}>
                <span className="muted">{formatTime(c.at).slice(0, 16)} {c.who}：</span>
                {c.place ? <strong>[{c.place}] </strong> : null}
                {c.text}
              </li>
            ))}
          </ol>
          {rights.canComment ? <CommentForm projectId={project.id} targets={commentTargets(table)} /> : null}
        </section>
      ) : null}

      <section className="card" aria-label="绩效目标表">
        <div className="row" style={{ marginBottom: 8 }}>
          <h2 style={{ margin: 0 }}>绩效目标表</h2>
          <span className="spacer" />
          {rights.canExport ? (
            <span className="row" style={{ gap: 8 }}>
              下载：
              <a href={`/api/projects/${project.id}/export?format=xlsx`}>Excel</a>
              <a href={`/api/projects/${project.id}/export?format=pdf`}>PDF</a>
              <a href={`/api/projects/${project.id}/export?format=text`}>公开文本</a>
              <a href={`/api/projects/${project.id}/export?format=json`}>JSON</a>
            </span>
          ) : null}
        </div>
        {rights.canComment ? (
          <>
            <p className="muted no-print" style={{ margin: '0 0 8px' }}>
              点击表中的一行或一项，即可在上方“审核记录与意见”中对它提意见。
            </p>
            <CommentOnClick>
              <PublishedTable table={table} number={view.printedNumber} mark={titleMark(project.status)} comments={comments} isCommentable />
            </CommentOnClick>
          </>
        ) : (
          <PublishedTable table={table} number={view.printedNumber} mark={titleMark(project.status)} comments={comments} />
        )}
      </section>

      {rights.canCreate ? <CopyButtons projectId={project.id} year={view.unitYear.year} /> : null}
      {project.status === 'draft' && can(actor, 'project.delete', view.unitYear.unitId) ? (
        <section className="card row" aria-label="删除">
          <DeleteDraft projectId={project.id} version={project.version} unitYearId={view.unitYear.id} />
        </section>
      ) : null}
    </>
  );
}
