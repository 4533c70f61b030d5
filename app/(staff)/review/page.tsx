import type { Metadata } from 'next';
import { connection } from 'next/server';
import { requireActor } from '@/lib/auth/request';
import { STATUS_LABELS, STATUSES } from '@/lib/domain/workflow';
import { reviewQueue } from '@/lib/projects/review-queue';
import { QueueTable } from './queue-table';

export const metadata: Metadata = { title: '审核' };

export default async function ReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const actor = await requireActor();
  const queue = await reviewQueue(actor, await searchParams);
  const { params } = queue;
  return (
    <>
      <h1>审核</h1>
      {queue.units.length === 0 ? (
        <div className="card">你不是任何单位的审核人。</div>
      ) : (
        <>
          <form className="card row" method="get" action="/review" aria-label="筛选待审核的表">
            <label htmlFor="unit">单位</label>
            <select id="unit" name="unit" defaultValue={params.unit ? String(params.unit) : ''}>
              <option value="">全部单位</option>
              {queue.units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.code} {u.name}
                </option>
              ))}
            </select>
            <label htmlFor="status">状态</label>
            <select id="status" name="status" defaultValue={params.status ?? 'waiting'}>
              <option value="waiting">待我审核</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
              <option value="all">全部</option>
            </select>
            <label className="row" style={{ gap: 4, fontWeight: 400 }}>
              <input type="checkbox" name="warn" value="1" defaultChecked={params.warn === '1'} />
              只看有提醒的
            </label>
            <button className="btn" type="submit">
              查询
            </button>
            <span className="muted">共 {queue.total} 张表</span>
          </form>
          <QueueTable rows={queue.rows} canBulkApprove={['waiting', 'submitted', 'dept_approved'].includes(params.status ?? 'waiting')} />
        </>
      )}
    </>
  );
}
