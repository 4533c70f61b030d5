import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { LightBadge } from '@/app/ui/light';
import { StatusBadge } from '@/app/ui/status-badge';
import { can } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/request';
import { LIGHT_LABELS } from '@/lib/domain/lights';
import { formatWanyuan } from '@/lib/domain/money';
import { STATUS_LABELS, STATUSES } from '@/lib/domain/workflow';
import { dashboard, DASHBOARD_PAGE_SIZE, type DashboardParams } from '@/lib/monitoring/dashboard';
import { ExecutionPlot } from './execution-plot';

export const metadata: Metadata = { title: '绩效运行监控' };

const LIGHT_ORDER = ['red', 'yellow', 'green', 'blue', 'none'] as const;
const SORTS: [NonNullable<DashboardParams['sort']>, string][] = [
  ['light', '预警灯'],
  ['progress', '执行进度'],
  ['code', '项目编码'],
  ['status', '状态'],
  ['updated', '更新时间'],
];

function hrefWith(params: DashboardParams, change: Partial<Record<keyof DashboardParams, string | undefined>>): string {
  const merged: Record<string, string | number | undefined> = { ...params, ...change };
  const q = Object.entries(merged).filter(([, v]) => v !== undefined && v !== '');
  return `/monitoring${q.length ? `?${q.map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`).join('&')}` : ''}`;
}

export default async function MonitoringPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const actor = await requireActor();
  const d = await dashboard(actor, await searchParams);
  const { params, counts } = d;
  const isAdmin = can(actor, 'admin.manage', null);
  return (
    <>
      <div className="row">
        <h1>绩效运行监控</h1>
        <span className="spacer" />
        {isAdmin ? (
          <Link className="btn btn-primary" href="/monitoring/open">
            开启监控
          </Link>
        ) : null}
      </div>
      {d.rounds.length === 0 ? (
        <div className="card">还没有开启任何监控。{isAdmin ? '点击“开启监控”为预算年度开启 1–X月的监控。' : '监控由管理员开启。'}</div>
      ) : (
        <>
          <form className="card row" method="get" action="/monitoring" aria-label="筛选监控表">
            <label htmlFor="round">监控批次</label>
            <select id="round" name="round" defaultValue={params.round ? String(params.round) : ''}>
              <option value="">全部可见年度</option>
              {d.rounds.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.unitCode} {r.unitName} {r.year} 年 1–{r.month}月（截止 {r.deadline}）
                </option>
              ))}
            </select>
            <label htmlFor="light">预警灯</label>
            <select id="light" name="light" defaultValue={params.light ?? ''}>
              <option value="">全部</option>
              {LIGHT_ORDER.map((l) => (
                <option key={l} value={l}>
                  {l === 'none' ? '未亮灯' : `${LIGHT_LABELS[l]}灯`}
                </option>
              ))}
            </select>
            <label htmlFor="status">状态</label>
            <select id="status" name="status" defaultValue={params.status ?? ''}>
              <option value="">全部</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {STATUS_LABELS[s]}
                </option>
              ))}
            </select>
            <label htmlFor="sort">排序</label>
            <select id="sort" name="sort" defaultValue={params.sort ?? 'light'}>
              {SORTS.map(([v, l]) => (
                <option key={v} value={v}>
                  {l}
                </option>
              ))}
            </select>
            <select aria-label="顺序" name="dir" defaultValue={params.dir ?? 'asc'}>
              <option value="asc">升序</option>
              <option value="desc">降序</option>
            </select>
            <button className="btn" type="submit">
              查询
            </button>
            {d.round ? (
              <span className="row" style={{ gap: 6 }}>
                <a className="btn btn-small" href={`/api/monitoring/rounds/${d.round.id}/export?format=xlsx`}>
                  导出 XLSX
                </a>
                <a className="btn btn-small" href={`/api/monitoring/rounds/${d.round.id}/export?format=pdf`}>
                  导出 PDF
                </a>
              </span>
            ) : null}
          </form>
          <section className="card" aria-label="汇总">
            <div className="row" style={{ gap: 24 }}>
              <span>共 {counts.total} 张监控表</span>
              {LIGHT_ORDER.map((l) => (
                <Link key={l} href={hrefWith(params, { light: l, page: undefined })} className="row" style={{ gap: 4 }} data-count-light={l}>
                  <LightBadge light={l} /> {counts.byLight[l]}
                </Link>
              ))}
              {STATUSES.map((s) => (
                <span key={s} data-count-status={s}>
                  {STATUS_LABELS[s]} {counts.byStatus[s]}
                </span>
              ))}
              <span className={counts.overdue > 0 ? 'field-error' : 'muted'}>逾期未报 {counts.overdue}</span>
            </div>
          </section>
          <ExecutionPlot rows={d.rows} />
          <table className="card" style={{ width: '100%', borderCollapse: 'collapse' }} aria-label="监控表列表">
            <thead>
              <tr>
                <th>预警灯</th>
                <th>单位 · 年度</th>
                <th>项目</th>
                <th className="num">全年预算数（万元）</th>
                <th className="num">执行数（万元）</th>
                <th className="num">执行率 / 序时进度</th>
                <th>资金</th>
                <th>状态</th>
              </tr>
            </thead>
            <tbody>
              {d.rows.map((r) => {
                const rate = r.executedYuan === null || r.budgetYuan === 0 ? null : (r.executedYuan / r.budgetYuan) * 100;
                const isOverdue = r.deadline < d.today && (r.status === 'draft' || r.status === 'returned');
                return (
                  <tr key={r.id}>
                    <td>
                      <LightBadge light={r.light} />
                    </td>
                    <td className="nowrap">
                      <Link href={hrefWith({}, { round: String(r.roundId) })} title="只看这一批次">
                        {r.unitCode} · {r.year} 年 1–{r.month}月
                      </Link>
                    </td>
                    <td>
                      <Link href={`/monitoring/reports/${r.id}`}>{r.name}</Link>
                      <div className="muted" style={{ fontSize: 12 }}>
                        {r.code}
                      </div>
                    </td>
                    <td className="num">{formatWanyuan(r.budgetYuan)}</td>
                    <td className="num">{r.executedYuan === null ? '—' : formatWanyuan(r.executedYuan)}</td>
                    <td className="num">
                      {rate === null ? '—' : `${rate.toFixed(2)}%`} / {((r.month / 12) * 100).toFixed(2)}%
                    </td>
                    <td>
                      <LightBadge light={r.fundsLight} progress={r.fundsProgress} />
                    </td>
                    <td className="nowrap">
                      <StatusBadge status={r.status} /> {isOverdue ? <span className="badge badge-error">逾期</span> : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {d.rows.length === 0 ? <div className="card muted">没有符合条件的监控表。</div> : null}
          {d.page > 1 || d.hasMore ? (
            <nav className="row" aria-label="分页" style={{ gap: 12 }}>
              {d.page > 1 ? <Link href={hrefWith(params, { page: d.page > 2 ? String(d.page - 1) : undefined })}>上一页</Link> : null}
              <span className="muted">
                第 {d.page} 页（每页 {DASHBOARD_PAGE_SIZE} 张）
              </span>
              {d.hasMore ? <Link href={hrefWith(params, { page: String(d.page + 1) })}>下一页</Link> : null}
            </nav>
          ) : null}
        </>
      )}
    </>
  );
}
