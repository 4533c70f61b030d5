import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { can } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/request';
import { STATUS_LABELS, STATUSES } from '@/lib/domain/workflow';
import { formatTime } from '@/lib/format/time';
import { projectListPage, type ListParams } from '@/lib/projects/list';
import { NUMBERING_NOTE } from '@/lib/projects/numbering';
import { UnitYearPicker } from '@/app/ui/unit-year-picker';
import { Wanyuan } from '@/app/ui/money';
import { FindingCounts, StatusBadge } from '@/app/ui/status-badge';
import { UnitYearTotals } from './unit-year-totals';

export const metadata: Metadata = { title: '项目' };

type Search = Promise<Record<string, string | string[] | undefined>>;

function href(params: ListParams, patch: Partial<ListParams>): string {
  const merged = { ...params, ...patch };
  const qs = new URLSearchParams();
  for (const [k, v] of Object.entries(merged)) if (v !== undefined && v !== '') qs.set(k, String(v));
  return `/projects?${qs.toString()}`;
}

const COLUMNS: { key: NonNullable<ListParams['sort']>; label: string; className?: string }[] = [
  { key: 'position', label: '序号' },
  { key: 'code', label: '项目编码' },
  { key: 'name', label: '项目名称' },
  { key: 'total', label: '预算数（万元）', className: 'num' },
  { key: 'status', label: '状态' },
];

export default async function ProjectsPage({ searchParams }: { searchParams: Search }) {
  await connection();
  const actor = await requireActor();
  const data = await projectListPage(actor, await searchParams);
  const { selected, params } = data;
  if (!selected) {
    return (
      <div className="card">
        <h1>项目</h1>
        <p>你还没有可查看的单位预算年度。请联系管理员为你分配单位和角色。</p>
      </div>
    );
  }
  const canCreate = can(actor, 'project.create', selected.unitId);
  const canImport = can(actor, 'project.import', selected.unitId);
  const sortKey = params.sort ?? 'position';
  return (
    <>
      <div className="row" style={{ marginBottom: 12 }}>
        <h1 style={{ margin: 0 }}>
          {selected.unitCode} {selected.unitName} · {selected.year} 年度绩效目标表
        </h1>
        <span className="spacer" />
        {canImport ? (
          <Link className="btn" href={`/projects/import?uy=${selected.id}`}>
            导入公开文本
          </Link>
        ) : null}
        <Link className="btn" href={`/exports?uy=${selected.id}`}>
          导出本年度
        </Link>
        {canCreate ? (
          <Link className="btn btn-primary" href={`/projects/new?uy=${selected.id}`}>
            新建绩效目标表
          </Link>
        ) : null}
      </div>

      <UnitYearTotals summary={selected} />

      <form className="card row" method="get" action="/projects" role="search" aria-label="筛选项目">
        <UnitYearPicker unitYears={data.unitYears} count={data.unitYearCount} selected={selected} next="/projects" />
        <label htmlFor="q">搜索</label>
        <input id="q" name="q" type="search" placeholder="项目编码或名称" defaultValue={params.q ?? ''} />
        <label htmlFor="status">状态</label>
        <select id="status" name="status" defaultValue={params.status ?? ''}>
          <option value="">全部</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
        <label className="row" style={{ gap: 4, fontWeight: 400 }}>
          <input type="checkbox" name="warn" value="1" defaultChecked={params.warn === '1'} />
          只看有提醒的
        </label>
        {params.sort ? <input type="hidden" name="sort" value={params.sort} /> : null}
        {params.dir ? <input type="hidden" name="dir" value={params.dir} /> : null}
        <button className="btn" type="submit">
          查询
        </button>
        <span className="muted">共 {data.total} 张表</span>
      </form>
      {data.searchProblem ? (
        <p className="alert alert-error" role="alert">
          {data.searchProblem}
        </p>
      ) : null}

      <table className="grid" aria-label="绩效目标表列表">
        <thead>
          <tr>
            {COLUMNS.map((c) => {
              const isActive = sortKey === c.key;
              const nextDir = isActive && params.dir !== 'desc' ? 'desc' : undefined;
              return (
                <th key={c.key} className={c.className} aria-sort={isActive ? (params.dir === 'desc' ? 'descending' : 'ascending') : undefined}>
                  <a className="sort" href={href(params, { sort: c.key, dir: nextDir, page: undefined })}>
                    {c.label}
                    {isActive ? (params.dir === 'desc' ? ' ↓' : ' ↑') : ''}
                  </a>
                </th>
              );
            })}
            <th>检查</th>
            <th>
              <a className="sort" href={href(params, { sort: 'updated', dir: sortKey === 'updated' && params.dir !== 'desc' ? 'desc' : undefined, page: undefined })}>
                最后修改{sortKey === 'updated' ? (params.dir === 'desc' ? ' ↓' : ' ↑') : ''}
              </a>
            </th>
            <th>操作</th>
          </tr>
        </thead>
        <tbody>
          {data.rows.length === 0 ? (
            <tr>
              <td colSpan={8} className="muted" style={{ textAlign: 'center', padding: 24 }}>
                没有符合条件的表
              </td>
            </tr>
          ) : null}
          {data.rows.map((r) => (
            <tr key={r.id}>
              <td className="num nowrap">
                {r.position}
                {data.publishedNumbers[r.id] !== undefined && data.publishedNumbers[r.id] !== r.position ? (
                  <span className="muted" title={NUMBERING_NOTE}>
                    （公开编号 {data.publishedNumbers[r.id]}）
                  </span>
                ) : null}
              </td>
              <td className="nowrap">{r.code}</td>
              <td>
                <Link href={`/projects/${r.id}`}>{r.name}</Link>
              </td>
              <td className="num">
                <Wanyuan yuan={r.totalYuan} />
              </td>
              <td>
                <StatusBadge status={r.status} />
              </td>
              <td>
                <FindingCounts errors={r.errorCount} warnings={r.warningCount} />
              </td>
              <td className="nowrap muted">
                {formatTime(r.updatedAt).slice(0, 16)}
                {r.updatedByName ? ` · ${r.updatedByName}` : ''}
              </td>
              <td className="nowrap">
                <span className="actions">
                  {(r.status === 'draft' || r.status === 'returned') && canCreate ? (
                    <Link href={`/projects/${r.id}/edit`} prefetch={false}>
                      编辑
                    </Link>
                  ) : null}
                  <Link href={`/projects/${r.id}/preview`} prefetch={false}>
                    预览
                  </Link>
                  <Link href={`/projects/${r.id}/history`} prefetch={false}>
                    历史
                  </Link>
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {data.rows.some((r) => data.publishedNumbers[r.id] !== undefined && data.publishedNumbers[r.id] !== r.position) ? (
        <p className="muted" role="note">
          公开编号：{NUMBERING_NOTE}
        </p>
      ) : null}
      {data.pageCount > 1 ? (
        <nav className="pager" aria-label="分页">
          {data.page > 1 ? <a className="btn btn-small" href={href(params, { page: data.page - 1 })}>上一页</a> : null}
          <span>
            第 {data.page} / {data.pageCount} 页
          </span>
          {data.page < data.pageCount ? <a className="btn btn-small" href={href(params, { page: data.page + 1 })}>下一页</a> : null}
        </nav>
      ) : null}
    </>
  );
}
