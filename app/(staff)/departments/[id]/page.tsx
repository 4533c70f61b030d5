import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { can } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/request';
import { departmentRollup } from '@/lib/departments/rollup';
import { formatWanyuan } from '@/lib/domain/money';
import { DEADLINE_LABELS } from '@/lib/domain/rollup';
import { parseId } from '@/lib/http/params';
import { DeadlineForm } from './deadline-form';
import { ReviewLevelsForm } from './review-levels-form';
import { ProgressBar, ProgressChart } from './progress-chart';

export const metadata: Metadata = { title: '部门汇总' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const FILTERS = { all: '全部单位', open: '未全部审核', overdue: '已逾期', mismatch: '预算与项目支出不符' } as const;
const SORTS = { code: '按单位编码', progress: '按审核进度（低在前）', due: '按截止日期' } as const;

export default async function DepartmentPage({ params, searchParams }: Props) {
  await connection();
  const actor = await requireActor();
  const id = parseId((await params).id);
  const r = id ? await departmentRollup(actor, id, await searchParams) : null;
  if (!r) notFound();
  const query = new URLSearchParams({ ...(r.year ? { year: String(r.year) } : {}), filter: r.params.filter, sort: r.params.sort });
  return (
    <>
      <h1>
        {r.unit.code} {r.unit.name} · 部门汇总
      </h1>
      <form className="card row" method="get" aria-label="筛选与排序">
        <label htmlFor="year">年度</label>
        <select id="year" name="year" defaultValue={r.year ?? undefined}>
          {r.years.map((y) => (
            <option key={y} value={y}>
              {y}
            </option>
          ))}
        </select>
        <label htmlFor="filter">显示</label>
        <select id="filter" name="filter" defaultValue={r.params.filter}>
          {Object.entries(FILTERS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
        <label htmlFor="sort">排序</label>
        <select id="sort" name="sort" defaultValue={r.params.sort}>
          {Object.entries(SORTS).map(([k, v]) => (
            <option key={k} value={k}>
              {v}
            </option>
          ))}
        </select>
        <button className="btn" type="submit">
          应用
        </button>
        <a className="btn" href={`/api/departments/${r.unit.id}/export?${query}`}>
          导出 XLSX
        </a>
        {can(actor, 'project.export', r.unit.id) && r.year ? (
          <>
            <a className="btn" href={`/api/departments/${r.unit.id}/document?format=xlsx&year=${r.year}`}>
              下载各单位已审核的表（XLSX）
            </a>
            <a className="btn" href={`/api/departments/${r.unit.id}/document?format=pdf&year=${r.year}`}>
              下载各单位已审核的表（PDF）
            </a>
          </>
        ) : null}
      </form>
      <section className="card" aria-label="进度">
        <h2 style={{ marginTop: 0 }}>
          {r.year ?? ''} 年度进度：{r.totals.units} 个单位，已逾期 {r.totals.overdue} 个（今天 {r.today}）
        </h2>
        <ProgressChart counts={r.totals} />
      </section>
      {r.rows.length === 0 ? (
        <p className="muted">没有符合条件的单位。</p>
      ) : (
        <table className="grid" aria-label="各单位编报进度">
          <thead>
            <tr>
              <th>单位</th>
              <th>审核级数</th>
              <th className="num">表数</th>
              <th className="num">草稿</th>
              <th className="num">已提交</th>
              <th className="num">已退回</th>
              <th className="num">部门已审核</th>
              <th className="num">已审核</th>
              <th>审核进度</th>
              <th className="num">项目预算合计（万元）</th>
              <th className="num">项目支出（万元）</th>
              <th className="num">差额（万元）</th>
              <th>编报截止日期</th>
            </tr>
          </thead>
          <tbody>
            {r.rows.map((row) => (
              <tr key={row.unitYearId}>
                <td>
                  <Link href={`/projects?uy=${row.unitYearId}`}>
                    {row.unitCode} {row.unitName}
                  </Link>
                </td>
                <td>{r.twoLevel.has(row.unitYearId) ? '两级' : '一级'}</td>
                <td className="num">{row.tables}</td>
                <td className="num">{row.byStatus.draft}</td>
                <td className="num">{row.byStatus.submitted}</td>
                <td className="num">{row.byStatus.returned}</td>
                <td className="num">{row.byStatus.dept_approved}</td>
                <td className="num">{row.byStatus.approved}</td>
                <td>
                  <ProgressBar progress={row.progress} />
                </td>
                <td className="num">{formatWanyuan(row.budgetYuan)}</td>
                <td className="num">{row.projectExpenditureYuan === null ? <span className="muted">未填写</span> : formatWanyuan(row.projectExpenditureYuan)}</td>
                <td className={`num${row.differenceYuan ? ' field-error' : ''}`}>{row.differenceYuan === null ? '—' : formatWanyuan(row.differenceYuan)}</td>
                <td className={row.deadline === 'overdue' ? 'field-error' : undefined}>
                  {row.dueOn ?? ''} {DEADLINE_LABELS[row.deadline]}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {can(actor, 'admin.manage', null) && r.rows.length > 0 ? (
        <section className="card">
          <h2 style={{ marginTop: 0 }}>设置编报截止日期</h2>
          <DeadlineForm unitYears={r.rows.map((row) => ({ id: row.unitYearId, label: `${row.unitCode} ${row.unitName} ${row.year}`, dueOn: row.dueOn }))} />
          <h2>审核级数</h2>
          <ReviewLevelsForm
            unitYears={r.rows.map((row) => ({ id: row.unitYearId, label: `${row.unitCode} ${row.unitName} ${row.year}`, levels: r.twoLevel.has(row.unitYearId) ? 2 : 1 }))}
          />
        </section>
      ) : null}
    </>
  );
}
