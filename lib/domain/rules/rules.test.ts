/** Framework, money and plan rules: each with a failing edit and the nearest edit that still passes. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FRAMEWORK_2021 } from '../framework';
import { checkTable, checkUnitYear, ruleProfileSchema, RULES } from './index';
import { DEFAULT_RULE_PROFILE } from './profile';
import { ctx, edit, fails, good, good2021, passes, placeholder, q, row, ROW, setValue, withProfile } from './test-fixtures';

const ctx2021 = { ...ctx, framework: FRAMEWORK_2021 };

describe('the passing tables', () => {
  it('have no finding at all, in their own framework', () => {
    expect(checkTable(good(), ctx)).toEqual([]);
    expect(checkTable(good2021(), ctx2021)).toEqual([]);
  });
});

describe('framework rules', () => {
  it('framework.level1-missing; a level 1 present only as placeholders is there', () => {
    fails('framework.level1-missing', edit((t) => (t.indicators = t.indicators.filter((r) => r.level1 !== '满意度指标'))));
    passes('framework.level1-missing', edit((t) => (t.indicators[ROW.satisfaction] = placeholder('满意度指标', '服务对象满意度指标'))));
  });
  it('framework.level2-missing; a placeholder row counts as filled in', () => {
    const f = fails('framework.level2-missing', edit((t) => (t.indicators = t.indicators.filter((r) => r.level2 !== '时效指标'))));
    expect(f.path).toBe('group:产出指标/时效指标');
    passes('framework.level2-missing', edit((t) => (t.indicators[ROW.timeliness] = placeholder('产出指标', '时效指标'))));
  });
  it('framework.level2-misplaced; rows in the owner’s own order are fine', () => {
    fails('framework.level2-misplaced', edit((t) => (t.indicators[ROW.social]!.level1 = '产出指标')));
    passes('framework.level2-misplaced', edit((t) => t.indicators.reverse()));
  });
  it('framework.unknown-category; the same row under a framework category passes', () => {
    fails('framework.unknown-category', edit((t) => (t.indicators[ROW.quality]!.level2 = '创新指标')));
    passes('framework.unknown-category', edit((t) => t.indicators.splice(2, 0, row('产出指标', '质量指标', '创新成果采纳率', '≥60%', q('>=', 60, '%')))));
  });
  it('framework.placeholder-with-indicators; several indicators in one category are fine', () => {
    fails('framework.placeholder-with-indicators', edit((t) => t.indicators.push(row('效益指标', '经济效益指标', '增收金额', '≥5 万元', q('>=', 5, '万元')))));
    passes('framework.placeholder-with-indicators', edit((t) => t.indicators.splice(1, 0, row('产出指标', '数量指标', '仲裁案件量', '≥100 件', q('>=', 100, '件')))));
  });
  it('framework.other-framework: a 2015 table in a 2021 year gets one finding per foreign category, each with its own fix', () => {
    const found = checkTable(good(), ctx2021).filter((f) => f.rule === 'framework.other-framework');
    expect(found.map((f) => f.path)).toEqual([`indicators.${ROW.cost}.level2`, `indicators.${ROW.sustainability}.level2`]);
    expect(found[0]!.message).toContain('成本指标是一级指标');
    expect(found[0]!.message).toContain('经济成本指标');
    expect(found[1]!.message).toContain('2021 版指标体系没有可持续影响指标');
    expect(found[1]!.message).not.toContain('成本');
    passes('framework.other-framework', good2021(), ctx2021);
  });
  it('framework.other-framework: rows of one foreign category share a finding that names each row', () => {
    const twice = edit((t) => t.indicators.splice(4, 0, row('产出指标', '成本指标', '人均成本', '≤1 万元', q('<=', 1, '万元'))));
    const found = checkTable(twice, ctx2021).filter((f) => f.rule === 'framework.other-framework');
    expect(found).toHaveLength(2);
    expect(found[0]!.message).toContain('第 4、5 行');
  });
  it('framework.other-framework: a foreign placeholder row is simply deleted', () => {
    const t = edit((x) => (x.indicators[ROW.sustainability] = placeholder('效益指标', '可持续影响指标')));
    expect(checkTable(t, ctx2021).find((f) => f.path === `indicators.${ROW.sustainability}.level2`)!.message).toContain('请删除“无可持续影响指标”');
  });
  it('framework.other-framework: a 2021 table in a 2015 year is told where cost goes', () => {
    const f = fails('framework.other-framework', edit((t) => (t.indicators[ROW.cost] = row('成本指标', '经济成本指标', '总成本', '≤10 万元', q('<=', 10, '万元')))));
    expect(f.message).toContain('“产出指标 · 成本指标”');
    expect(f.message).toContain('2015 版指标体系');
  });
});

describe('money rules', () => {
  it('money.invalid-amount; whole numbers and one decimal are valid', () => {
    fails('money.invalid-amount', edit((t) => (t.budget.fiscal = '8.001')));
    fails('money.invalid-amount', edit((t) => (t.budget.other = '-1.00')));
    passes('money.invalid-amount', edit((t) => ((t.budget.fiscal = '8'), (t.budget.other = '2.0'))));
  });
  it('money.budget-empty; the smallest amount is fine', () => {
    fails('money.budget-empty', edit((t) => ((t.budget.total = '0.00'), (t.budget.fiscal = '0.00'), (t.budget.other = null))));
    const smallest = edit((t) => {
      t.budget = { total: '0.01', fiscal: '0.01', other: null };
      setValue(t, ROW.cost, '≤0.01 万元', q('<=', 0.01, '万元'));
    });
    passes('money.budget-empty', smallest);
  });
  it('identity.code-format says so when the code is empty', () => {
    expect(fails('identity.code-format', edit((t) => (t.code = ''))).message).toMatch(/^项目编码未填写/);
  });
  it('money.total-mismatch; no other funds at all is fine', () => {
    expect(fails('money.total-mismatch', edit((t) => (t.budget.other = '3.00'))).message).toContain('11.00');
    passes('money.total-mismatch', edit((t) => ((t.budget.fiscal = '10.00'), (t.budget.other = null))));
  });
  it('money.cost-exceeds-budget in 万元, 元, 千元 and 亿元 (and a bare 万); exactly the budget is fine', () => {
    const cost = (value: string, n: number, unit: string) => edit((t) => setValue(t, ROW.cost, value, q('<=', n, unit)));
    expect(fails('money.cost-exceeds-budget', cost('≤12 万元', 12, '万元')).message).toContain('超过项目预算 10.00 万元');
    expect(fails('money.cost-exceeds-budget', cost('≤100001 元', 100_001, '元')).message).toContain('折合 10.0001 万元');
    expect(fails('money.cost-exceeds-budget', cost('≤120 千元', 120, '千元')).message).toContain('折合 12 万元');
    expect(fails('money.cost-exceeds-budget', cost('≤0.0012 亿元', 0.0012, '亿元')).message).toContain('折合 12 万元');
    passes('money.cost-exceeds-budget', cost('≤10 万元', 10, '万元'));
    passes('money.cost-exceeds-budget', cost('≤100000 元', 100_000, '元'));
    passes('money.cost-exceeds-budget', cost('≤100 千元', 100, '千元'));
    passes('money.cost-exceeds-budget', cost('≤0.001 亿元', 0.001, '亿元'));
    expect(fails('money.cost-exceeds-budget', cost('≤12万', 12, '万')).message).toContain('超过项目预算 10.00 万元');
    passes('money.cost-exceeds-budget', cost('≤10万', 10, '万'));
  });
  it('money.cost-far-below-budget below the profile’s share of the budget (default half)', () => {
    fails('money.cost-far-below-budget', edit((t) => setValue(t, ROW.cost, '≤4.99 万元', q('<=', 4.99, '万元'))));
    passes('money.cost-far-below-budget', edit((t) => setValue(t, ROW.cost, '≤5 万元', q('<=', 5, '万元'))));
    passes('money.cost-far-below-budget', edit((t) => setValue(t, ROW.cost, '≤2 万元', q('<=', 2, '万元'))), withProfile({ costFarBelowRatio: 0.2 }));
  });
  it('money.project-expenditure-mismatch shows both figures and the difference', () => {
    const two = [good(), edit((t) => (t.code = '13080024P00009810002B'))];
    const f = fails('money.project-expenditure-mismatch', checkUnitYear({ tables: two, projectExpenditure: '25.00' }, ctx));
    expect(f.message).toContain('20.00');
    expect(f.message).toContain('25.00');
    expect(f.message).toContain('少 5.00 万元');
    passes('money.project-expenditure-mismatch', checkUnitYear({ tables: two, projectExpenditure: '20.00' }, ctx));
  });
});

describe('plan rules', () => {
  const plan = (...s: [number, number][]) => edit((t) => (t.schedule = s.map(([month, percent]) => ({ month, percent }))));
  it('plan.empty; a single year-end checkpoint is enough', () => {
    fails('plan.empty', plan());
    passes('plan.empty', plan([12, 100]));
  });
  it('plan.month-order: 1–12, each later than the one before', () => {
    fails('plan.month-order', plan([3, 25], [3, 50], [12, 100]));
    fails('plan.month-order', plan([6, 50], [3, 25], [12, 100]));
    fails('plan.month-order', plan([0, 25], [12, 100]));
    fails('plan.month-order', plan([3, 25], [13, 100]));
    passes('plan.month-order', plan([1, 5], [2, 10], [11, 90], [12, 100]));
  });
  it('plan.percent-range: 0 and 100 are the bounds', () => {
    fails('plan.percent-range', plan([3, -5], [12, 100]));
    fails('plan.percent-range', plan([3, 25], [6, 101], [12, 100]));
    passes('plan.percent-range', plan([3, 0], [6, 100], [12, 100]));
  });
  it('plan.percent-decreasing; staying level is fine', () => {
    fails('plan.percent-decreasing', plan([3, 25], [6, 20], [12, 100]));
    passes('plan.percent-decreasing', plan([3, 25], [6, 25], [12, 100]));
  });
  it('plan.year-end-not-100', () => {
    fails('plan.year-end-not-100', plan([3, 25], [12, 90]));
    passes('plan.year-end-not-100', plan([3, 25], [12, 100]));
  });
  it('one finding per problem: a plan point of 120% is out of range, and nothing else is said about it', () => {
    const at = (t: ReturnType<typeof plan>) => checkTable(t, ctx).filter((f) => f.path.startsWith('schedule'));
    expect(at(plan([3, 25], [12, 120])).map((f) => f.rule)).toEqual(['plan.percent-range']);
    expect(at(plan([3, 25], [6, 120], [10, 75], [12, 100])).map((f) => f.rule)).toEqual(['plan.percent-range']);
  });
  it('plan.percent-empty: a point whose percent is not filled in yet (copied to next year) blocks submission', () => {
    const t = edit((x) => (x.schedule = [{ month: 3, percent: null }, { month: 12, percent: 100 }]));
    fails('plan.percent-empty', t);
    passes('plan.percent-empty', plan([3, 25], [12, 100]));
    const found = checkTable(t, ctx).filter((f) => f.path.startsWith('schedule'));
    expect(found.map((f) => [f.rule, f.severity, f.path])).toEqual([['plan.percent-empty', 'error', 'schedule.0.percent']]);
    expect(found[0]!.message).toContain('3 月底');
  });
  it('plan.year-end-missing: only a 12 月底 checkpoint counts, even when an earlier one reaches 100%', () => {
    fails('plan.year-end-missing', plan([3, 25], [10, 75]));
    fails('plan.year-end-missing', plan([3, 25], [11, 100]));
    passes('plan.year-end-missing', plan([3, 25], [10, 75], [12, 100]));
  });
});

describe('profiles', () => {
  it('switch rules off', () => {
    const t = edit((x) => x.schedule.pop());
    fails('plan.year-end-missing', t);
    expect(checkTable(t, withProfile({ disabledRules: ['plan.year-end-missing'] }))).toEqual([]);
  });
  it('are validated with Chinese messages', () => {
    const r = ruleProfileSchema.safeParse({ ...DEFAULT_RULE_PROFILE, disabledRules: ['no.such-rule'], codePattern: '([' });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues.map((i) => i.message))).toContain('没有这个规则编号');
    expect(JSON.stringify(r.error?.issues.map((i) => i.message))).toContain('正则表达式');
  });
  it('every rule in the catalogue has a failing and a passing case in these tests', () => {
    const here = path.dirname(expect.getState().testPath!);
    const source = ['rules.test.ts', 'rules-values.test.ts'].map((f) => readFileSync(path.join(here, f), 'utf8')).join('\n');
    const missing = RULES.flatMap((r) => [`fails('${r.id}'`, `passes('${r.id}'`].filter((call) => !source.includes(call)));
    expect(missing).toEqual([]);
  });
});
