import type { Metadata } from 'next';
import { connection } from 'next/server';
import { can } from '@/lib/auth/permissions';
import { requireActor } from '@/lib/auth/request';
import { formatWanyuan } from '@/lib/domain/money';
import { STATUS_LABELS } from '@/lib/domain/workflow';
import { projectListPage } from '@/lib/projects/list';
import { UnitYearPicker } from '@/app/ui/unit-year-picker';

export const metadata: Metadata = { title: '导出' };

export default async function ExportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await connection();
  const actor = await requireActor();
  const raw = await searchParams;
  // The approved tables' count comes from the list's total, not from its first page of rows.
  const data = await projectListPage(actor, { uy: raw.uy, status: 'approved' });
  const selected = data.selected;
  if (!selected) return <div className="card">你还没有可导出的单位预算年度。</div>;
  if (!can(actor, 'project.export', selected.unitId)) return <div className="card">你没有导出此单位的权限。</div>;
  const approved = data.total;
  const base = `/api/unit-years/${selected.id}/export`;
  return (
    <>
      <h1>导出</h1>
      <form className="card row" method="get" action="/exports">
        <UnitYearPicker unitYears={data.unitYears} count={data.unitYearCount} selected={selected} next="/exports" />
        <button className="btn" type="submit">切换</button>
      </form>
      <section className="card" aria-label="导出本年度">
        <h2 style={{ marginTop: 0 }}>
          {selected.unitCode} {selected.unitName} · {selected.year} 年度 · 五、单位项目预算安排情况及绩效目标
        </h2>
        <p>
          共 {selected.projectCount} 张表，其中{STATUS_LABELS.approved} {approved} 张；项目预算合计 {formatWanyuan(selected.budgetSumYuan)} 万元
          {selected.projectExpenditureYuan !== null ? `，单位项目支出 ${formatWanyuan(selected.projectExpenditureYuan)} 万元` : ''}。
        </p>
        <form method="get" action={base} className="row">
          <fieldset className="row" style={{ border: 0, padding: 0, margin: 0 }}>
            <legend className="sr-only">格式</legend>
            {(
              [
                ['xlsx', 'Excel（每表一页签）'],
                ['pdf', 'PDF（A4）'],
                ['text', '公开文本'],
                ['json', '交换 JSON'],
              ] as const
            ).map(([v, label], i) => (
              <label key={v} className="row" style={{ gap: 4, fontWeight: 400 }}>
                <input type="radio" name="format" value={v} defaultChecked={i === 0} /> {label}
              </label>
            ))}
          </fieldset>
          <label className="row" style={{ gap: 4, fontWeight: 400 }}>
            <input type="checkbox" name="all" value="1" /> 包括未审核的表（标注“草稿”）
          </label>
          <label className="row" style={{ gap: 4, fontWeight: 400 }}>
            <input type="checkbox" name="cover" value="1" defaultChecked /> 附项目清单（合计应等于项目支出）
          </label>
          <button className="btn btn-primary" type="submit">下载</button>
        </form>
        <p className="muted" style={{ marginBottom: 0 }}>
          默认只导出已审核的表。公众可在 <a href={`/disclosure/${selected.unitCode}/${selected.year}`}>公开页面</a> 查看和下载已审核的表。
        </p>
        <p className="muted" style={{ marginBottom: 0 }}>
          表的编号：只含已审核的表时，按已审核的表依次编号（与公开页面和单表下载一致）；包括未审核的表时，按全部表依次编号。
        </p>
      </section>
    </>
  );
}
