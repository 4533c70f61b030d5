import type { Metadata } from 'next';
import Link from 'next/link';
import { TableChanges } from '@/app/ui/table-changes';
import { editsSinceReturn, eventLabel, historyOrder, orderEvents, reasonLabel } from '@/lib/format/history';
import { formatTime } from '@/lib/format/time';
import { projectHistory } from '@/lib/projects/history';
import { reviewConversation } from '@/lib/projects/overview';
import { commentPlaceText } from '@/lib/domain/locations';
import styles from './history.module.css';

import { loadProjectPage, tableMetadata } from '../load';

export function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  return tableMetadata(params, 'history');
}

export default async function HistoryPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { view } = await loadProjectPage(params);
  const query = await searchParams;
  const order = historyOrder(query.order);
  const all = await projectHistory(view.project.id);
  // ?since=return: only what the owner changed after the latest return (the reviewer's "自退回以来的修改").
  const sinceReturn = query.since === 'return' ? editsSinceReturn(all) : null;
  const entries = sinceReturn ?? orderEvents(all, order);
  const { comments } = sinceReturn ? { comments: [] } : await reviewConversation(view.project.id);
  return (
    <>
      <p className="muted" style={{ margin: '0 0 4px' }}>
        <Link href={`/projects/${view.project.id}`}>← {view.project.name}</Link>
      </p>
      <div className="row" style={{ marginBottom: 12 }}>
        <h1 style={{ margin: 0 }}>{sinceReturn ? '自退回以来的修改' : '修改历史'}</h1>
        <span className="spacer" />
        {sinceReturn ? (
          <Link href={`/projects/${view.project.id}/history`}>全部历史</Link>
        ) : order === 'newest' ? (
          <Link href={`/projects/${view.project.id}/history?order=oldest`}>改为最早的在前</Link>
        ) : (
          <Link href={`/projects/${view.project.id}/history`}>改为最新的在前</Link>
        )}
      </div>
      <p className="muted">
        {sinceReturn ? (sinceReturn.length === 0 ? '退回之后还没有修改。' : '退回之后的每次保存，最早的在前：即退回时的版本与现在之间的差别。') : order === 'newest' ? '最新的在前。' : '最早的在前。'}
      </p>
      {comments.length > 0 ? (
        <section className="card" aria-label="审核意见">
          <h2 style={{ marginTop: 0 }}>审核意见</h2>
          <ul style={{ margin: 0, paddingLeft: 20 }}>
            {comments.map((c) => (
              <li key={c.id}>
                <span className="muted">
                  {formatTime(c.at).slice(0, 16)} {c.userName}：
                </span>
                {c.target ? <strong>[{commentPlaceText(c, view.table)}] </strong> : null}
                {c.body}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <ol className={styles.timeline} aria-label="修改历史">
        {entries.map((e) => (
          <li key={e.id} className="card">
            <div className="row">
              <strong>{eventLabel(e.action, e.isOverwrite)}</strong>
              <span className="muted">
                {formatTime(e.at)} · {e.who}
              </span>
            </div>
            {e.reason ? (
              <p style={{ margin: '4px 0' }}>
                {reasonLabel(e.action)}：{e.reason}
              </p>
            ) : null}
            {e.note ? <p style={{ margin: '4px 0' }}>意见：{e.note}</p> : null}
            {e.comments.length > 0 ? (
              <ul className={styles.changes} aria-label="随此步提出的意见">
                {e.comments.map((c, i) => (
                  <li key={i}>
                    意见{c.target ? <strong>[{commentPlaceText(c, view.table)}]</strong> : null}：{c.body}
                  </li>
                ))}
              </ul>
            ) : null}
            {e.changes.length > 0 ? <TableChanges changes={e.changes} label="此步的修改" /> : null}
          </li>
        ))}
      </ol>
    </>
  );
}
