import type { Metadata } from 'next';
import { adminUnits } from '@/lib/admin/read';
import { DEFAULT_RULE_PROFILE, RULES } from '@/lib/domain/rules';
import { formatWanyuan } from '@/lib/domain/money';
import { NewUnitForm, NewUnitYearForm, RenameUnitForm, UnitYearSettingsForm } from './unit-forms';

import { requireAdminPage } from '../load';

export const metadata: Metadata = { title: '单位与预算年度' };

export default async function UnitsPage() {
  const actor = await requireAdminPage();
  const data = adminUnits(actor);
  const frameworks = data.frameworks.map((f) => ({ id: f.id, name: f.name }));
  return (
    <>
      <h1>单位与预算年度</h1>
      <section className="card">
        <h2 style={{ marginTop: 0 }}>预算年度</h2>
        <table className="grid" aria-label="预算年度">
          <thead>
            <tr>
              <th>单位</th>
              <th>年度</th>
              <th>项目数</th>
              <th className="num">项目预算合计</th>
              <th>设置（指标体系、项目支出、规则配置）</th>
            </tr>
          </thead>
          <tbody>
            {data.years.map((y) => (
              <tr key={y.id}>
                <td>
                  {y.unitCode} {y.unitName}
                </td>
                <td>{y.year}</td>
                <td className="num">{y.projectCount}</td>
                <td className="num">{formatWanyuan(y.budgetSumYuan)}</td>
                <td>
                  <UnitYearSettingsForm
                    unitYearId={y.id}
                    frameworks={frameworks}
                    frameworkId={y.frameworkId}
                    projectExpenditure={y.projectExpenditureYuan === null ? '' : formatWanyuan(y.projectExpenditureYuan)}
                    ruleProfile={y.ruleProfile ?? ''}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
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
      <section className="card">
        <h2 style={{ marginTop: 0 }}>检查规则</h2>
        <p className="muted">
          规则配置为 JSON，留空即用默认值：<code>{JSON.stringify(DEFAULT_RULE_PROFILE)}</code>。在 disabledRules 中列出规则编号即可停用该规则。
        </p>
        <table className="grid" aria-label="检查规则">
          <thead>
            <tr>
              <th>编号</th>
              <th>规则</th>
              <th>级别</th>
              <th>说明</th>
            </tr>
          </thead>
          <tbody>
            {RULES.map((r) => (
              <tr key={r.id}>
                <td className="nowrap">
                  <code>{r.id}</code>
                </td>
                <td>{r.title}</td>
                <td>{r.severity === 'error' ? '错误' : '提醒'}</td>
                <td>{r.description}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </>
  );
}
