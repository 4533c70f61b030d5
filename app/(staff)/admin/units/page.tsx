import type { Metadata } from 'next';
import Link from 'next/link';
import { adminUnits } from '@/lib/admin/read';
import { formatWanyuan } from '@/lib/domain/money';
import { FindingCounts } from '@/app/ui/status-badge';
import { NewUnitForm, NewUnitYearForm, RenameUnitForm } from './unit-forms';

import { requireAdminPage } from '../load';

export const metadata: Metadata = { title: '单位与预算年度' };

/** 项目支出 beside the projects' sum: the figure the unit-year check compares. */
function Expenditure({ expenditure, sum }: { expenditure: number | null; sum: number }) {
  if (expenditure === null) return <span className="muted">未填写</span>;
  const diff = sum - expenditure;
  return (
    <>
      {formatWanyuan(expenditure)}
      {diff !== 0 ? (
        <div className="field-error">
          合计{diff > 0 ? '多' : '少'} {formatWanyuan(Math.abs(diff))}
        </div>
      ) : null}
    </>
  );
}

export default async function UnitsPage() {
  const actor = await requireAdminPage();
  const data = await adminUnits(actor);
  const frameworks = data.frameworks.map((f) => ({ id: f.id, name: f.name }));
  return (
    <>
      <h1>单位与预算年度</h1>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>预算年度</h2>
        {data.years.length === 0 ? (
          <p className="muted">还没有预算年度：先在下方新增单位，再为它新增预算年度。</p>
        ) : (
          <table className="grid" aria-label="预算年度">
            <thead>
              <tr>
                <th>单位</th>
                <th>年度</th>
                <th>指标体系</th>
                <th className="num">项目数</th>
                <th className="num">项目预算合计（万元）</th>
                <th className="num">项目支出（万元）</th>
                <th>检查结果</th>
                <th>检查规则</th>
                <th>
                  <span className="sr-only">操作</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {data.years.map((y) => (
                <tr key={y.id}>
                  <td>
                    {y.unitCode} {y.unitName}
                  </td>
                  <td className="nowrap">{y.year}</td>
                  <td>{y.frameworkName}</td>
                  <td className="num">{y.projectCount}</td>
                  <td className="num">{formatWanyuan(y.budgetSumYuan)}</td>
                  <td className="num">
                    <Expenditure expenditure={y.projectExpenditureYuan} sum={y.budgetSumYuan} />
                  </td>
                  <td>
                    <FindingCounts errors={y.findings.errors} warnings={y.findings.warnings} />
                  </td>
                  <td className="nowrap">{y.ruleProfile === null ? '默认' : '已调整'}</td>
                  <td className="nowrap">
                    <Link className="btn btn-small" href={`/admin/units/${y.id}`} aria-label={`设置 ${y.unitCode} ${y.year} 年度`}>
                      设置
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>新增预算年度</h2>
        <NewUnitYearForm units={data.units.map((u) => ({ id: u.id, label: `${u.code} ${u.name}` }))} frameworks={frameworks} />
      </section>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>单位</h2>
        {data.units.map((u) => (
          <RenameUnitForm key={u.id} unitId={u.id} code={u.code} name={u.name} />
        ))}
        <h3>新增单位</h3>
        <NewUnitForm />
      </section>
    </>
  );
}
