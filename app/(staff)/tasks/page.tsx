import type { Metadata } from 'next';
import Link from 'next/link';
import { requireActor } from '@/lib/auth/request';
import { STATUS_LABELS } from '@/lib/domain/workflow';
import { formatTime } from '@/lib/format/time';
import { myTasks, type TaskList } from '@/lib/tasks/read';

export const metadata: Metadata = { title: '我的待办' };

function List({ title, list, empty, hrefOf }: { title: string; list: TaskList; empty: string; hrefOf: (id: number) => string }) {
  return (
    <section className="card" aria-label={title}>
      <h2 style={{ marginTop: 0 }}>
        {title}（{list.total}）
      </h2>
      {list.rows.length === 0 ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul style={{ margin: 0, paddingLeft: 20 }}>
          {list.rows.map((r) => (
            <li key={r.id}>
              <Link href={hrefOf(r.id)}>{r.name}</Link>{' '}
              <span className="muted">
                {r.unitName} · {r.year} 年度 · {STATUS_LABELS[r.status]} · {formatTime(r.updatedAt).slice(0, 16)}
                {r.dueOn ? ` · 编报截止日期 ${r.dueOn}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
      {list.total > list.rows.length ? <p className="muted">只列出最近修改的 {list.rows.length} 张。</p> : null}
    </section>
  );
}

/** 我的待办: what waits for this user, with links straight to where the work is done. */
export default async function TasksPage() {
  const actor = await requireActor();
  const t = await myTasks(actor);
  return (
    <>
      <h1>我的待办</h1>
      <List title="被退回" list={t.returned} empty="没有被退回的表。" hrefOf={(id) => `/projects/${id}/edit`} />
      {t.overdue && t.overdue.total > 0 ? <List title="已逾期" list={t.overdue} empty="" hrefOf={(id) => `/projects/${id}/edit`} /> : null}
      {t.dueSoon && t.dueSoon.total > 0 ? <List title="即将逾期" list={t.dueSoon} empty="" hrefOf={(id) => `/projects/${id}/edit`} /> : null}
      <List title="待我审核" list={t.toReview} empty="没有等待你审核的表。" hrefOf={(id) => `/projects/${id}`} />
      {t.toFinanceReview.total > 0 ? <List title="待我财政审核" list={t.toFinanceReview} empty="" hrefOf={(id) => `/projects/${id}`} /> : null}
      <List title="待我填写" list={t.toFill} empty="没有需要填写的草稿。" hrefOf={(id) => `/projects/${id}/edit`} />
    </>
  );
}
