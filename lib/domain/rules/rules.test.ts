import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FRAMEWORK_2015, FRAMEWORK_2021 } from '../framework';
import type { IndicatorRow, TargetTable } from '../table';
import type { TargetValue } from '../target-value';
import { checkTable, checkUnitYear, DEFAULT_RULE_PROFILE, ruleProfileSchema, RULES } from './index';
import type { RuleContext } from './types';

const ctx: RuleContext = { framework: FRAMEWORK_2015, year: 2024, profile: DEFAULT_RULE_PROFILE };
const q = (op: '>=' | '<=' | '=' | '>' | '<', number: number, unit: string): TargetValue => ({ kind: 'quantity', op, number, unit });

function row(level1: string, level2: string, name: string, value: string, target: TargetValue): IndicatorRow {
  return { level1, level2, name, description: name, value, target, basis: '年度工作计划', isPlaceholder: false };
}
function placeholder(level1: string, level2: string): IndicatorRow {
  const p = `无${level2}`;
  return { level1, level2, name: p, description: p, value: p, target: { kind: 'text' }, basis: p, isPlaceholder: true };
}

/** A table that satisfies every rule; each test breaks one thing. */
function good(): TargetTable {
  return {
    code: '13080024P00009810002A',
    name: '调解仲裁业务经费',
    budget: { total: '10.00', fiscal: '8.00', other: '2.00' },
    purpose: '用于调解仲裁案件办理。',
    goal: '1. 仲裁结案率达到 92% 以上。',
    schedule: [
      { month: 3, percent: 25 },
      { month: 6, percent: 50 },
      { month: 12, percent: 100 },
    ],
    indicators: [
      row('产出指标', '数量指标', '案件受理量', '≤300 件', q('<=', 300, '件')),
      row('产出指标', '质量指标', '案件结案率', '≥92%', q('>=', 92, '%')),
      row('产出指标', '时效指标', '案件办理时限', '≤60 天', q('<=', 60, '天')),
      row('产出指标', '成本指标', '总成本控制', '≤10 万元', q('<=', 10, '万元')),
      placeholder('效益指标', '经济效益指标'),
      row('效益指标', '社会效益指标', '调解成功率', '≥62%', q('>=', 62, '%')),
      placeholder('效益指标', '生态效益指标'),
      row('效益指标', '可持续影响指标', '劳动关系和谐率', '≥90%', q('>=', 90, '%')),
      row('满意度指标', '服务对象满意度指标', '当事人满意度', '≥90%', q('>=', 90, '%')),
    ],
  };
}

function rulesOf(table: TargetTable, c: RuleContext = ctx): string[] {
  return checkTable(table, c).map((f) => f.rule);
}

function edit(change: (t: TargetTable) => void): TargetTable {
  const t = good();
  change(t);
  return t;
}

describe('the passing table', () => {
  it('has no finding at all', () => {
    expect(checkTable(good(), ctx)).toEqual([]);
  });
});

describe('framework rules', () => {
  it('framework.level1-missing', () => {
    expect(rulesOf(edit((t) => (t.indicators = t.indicators.filter((r) => r.level1 !== '满意度指标'))))).toContain('framework.level1-missing');
  });
  it('framework.level2-missing', () => {
    const f = checkTable(edit((t) => (t.indicators = t.indicators.filter((r) => r.level2 !== '时效指标'))), ctx);
    expect(f).toContainEqual(expect.objectContaining({ rule: 'framework.level2-missing', path: 'group:产出指标/时效指标' }));
  });
  it('framework.level2-misplaced', () => {
    expect(rulesOf(edit((t) => (t.indicators[5]!.level1 = '产出指标')))).toContain('framework.level2-misplaced');
  });
  it('framework.unknown-category', () => {
    expect(rulesOf(edit((t) => (t.indicators[1]!.level2 = '创新指标')))).toContain('framework.unknown-category');
  });
  it('framework.placeholder-with-indicators', () => {
    expect(rulesOf(edit((t) => t.indicators.push(row('效益指标', '经济效益指标', '增收金额', '≥5 万元', q('>=', 5, '万元')))))).toContain(
      'framework.placeholder-with-indicators',
    );
  });
  it('framework.other-framework: cost under 产出 in a 2021 year, cost as level 1 in a 2015 year', () => {
    const in2021 = checkTable(good(), { ...ctx, framework: FRAMEWORK_2021 });
    const other = in2021.find((f) => f.rule === 'framework.other-framework')!;
    expect(other.message).toContain('成本指标是一级指标');
    const in2015 = checkTable(edit((t) => (t.indicators[3] = row('成本指标', '经济成本指标', '总成本', '≤10 万元', q('<=', 10, '万元')))), ctx);
    expect(in2015.find((f) => f.rule === 'framework.other-framework')!.message).toContain('“产出指标 · 成本指标”');
  });
});

describe('money rules', () => {
  it('money.invalid-amount', () => {
    expect(rulesOf(edit((t) => (t.budget.fiscal = '8.001')))).toContain('money.invalid-amount');
    expect(rulesOf(edit((t) => (t.budget.other = '-1.00')))).toContain('money.invalid-amount');
  });
  it('money.total-mismatch', () => {
    const f = checkTable(edit((t) => (t.budget.other = '3.00')), ctx).find((x) => x.rule === 'money.total-mismatch')!;
    expect(f.message).toContain('11.00');
  });
  it('money.cost-exceeds-budget, converting 元 to 万元', () => {
    expect(rulesOf(edit((t) => (t.indicators[3]!.target = q('<=', 12, '万元'))))).toContain('money.cost-exceeds-budget');
    expect(rulesOf(edit((t) => (t.indicators[3]!.target = q('<=', 120_000, '元'))))).toContain('money.cost-exceeds-budget');
    expect(rulesOf(edit((t) => (t.indicators[3]!.target = q('<=', 100_000, '元'))))).not.toContain('money.cost-exceeds-budget');
  });
  it('money.cost-far-below-budget', () => {
    expect(rulesOf(edit((t) => (t.indicators[3]!.target = q('<=', 2, '万元'))))).toContain('money.cost-far-below-budget');
    expect(rulesOf(edit((t) => (t.indicators[3]!.target = q('<=', 6, '万元'))))).not.toContain('money.cost-far-below-budget');
  });
  it('money.project-expenditure-mismatch shows both figures and the difference', () => {
    const f = checkUnitYear({ tables: [good(), good()], projectExpenditure: '25.00' }, ctx).find((x) => x.rule === 'money.project-expenditure-mismatch')!;
    expect(f.message).toContain('20.00');
    expect(f.message).toContain('25.00');
    expect(f.message).toContain('少 5.00 万元');
    expect(checkUnitYear({ tables: [good()], projectExpenditure: '10.00' }, ctx).map((x) => x.rule)).not.toContain('money.project-expenditure-mismatch');
  });
});

describe('plan rules', () => {
  it('plan.empty', () => {
    expect(rulesOf(edit((t) => (t.schedule = [])))).toContain('plan.empty');
  });
  it('plan.month-order', () => {
    expect(rulesOf(edit((t) => (t.schedule[1]!.month = 3)))).toContain('plan.month-order');
    expect(rulesOf(edit((t) => (t.schedule[0]!.month = 13)))).toContain('plan.month-order');
  });
  it('plan.percent-range', () => {
    expect(rulesOf(edit((t) => (t.schedule[0]!.percent = -5)))).toContain('plan.percent-range');
  });
  it('plan.percent-decreasing', () => {
    expect(rulesOf(edit((t) => (t.schedule[1]!.percent = 20)))).toContain('plan.percent-decreasing');
  });
  it('plan.year-end-not-100', () => {
    expect(rulesOf(edit((t) => (t.schedule[2]!.percent = 90)))).toContain('plan.year-end-not-100');
  });
  it('plan.year-end-missing', () => {
    expect(rulesOf(edit((t) => t.schedule.pop()))).toContain('plan.year-end-missing');
  });
});

describe('value rules', () => {
  it('value.quantity-required', () => {
    expect(rulesOf(edit((t) => ((t.indicators[0]!.value = '较多'), (t.indicators[0]!.target = { kind: 'text' }))))).toContain('value.quantity-required');
  });
  it('value.timeliness-form accepts deadlines, durations and rates', () => {
    expect(rulesOf(edit((t) => ((t.indicators[2]!.value = '及时'), (t.indicators[2]!.target = { kind: 'text' }))))).toContain('value.timeliness-form');
    expect(rulesOf(edit((t) => (t.indicators[2]!.target = { kind: 'deadline', year: null, month: 12, day: 20, suffix: '前完成' })))).toEqual([]);
    expect(rulesOf(edit((t) => (t.indicators[2]!.target = q('=', 100, '%'))))).toEqual([]);
  });
  it('value.percent-range, except growth rates', () => {
    expect(rulesOf(edit((t) => (t.indicators[1]!.target = q('>=', 120, '%'))))).toContain('value.percent-range');
    expect(rulesOf(edit((t) => ((t.indicators[1]!.name = '案件增长率'), (t.indicators[1]!.target = q('>=', 120, '%')))))).not.toContain('value.percent-range');
    expect(rulesOf(edit((t) => (t.indicators[1]!.target = q('>=', 100, '%'))))).not.toContain('value.percent-range');
  });
  it('value.deadline-outside-year', () => {
    expect(rulesOf(edit((t) => (t.indicators[2]!.target = { kind: 'deadline', year: 2025, month: 3, day: 1 })))).toContain('value.deadline-outside-year');
    expect(rulesOf(edit((t) => (t.indicators[2]!.target = { kind: 'deadline', year: null, month: 2, day: 30 })))).toContain('value.deadline-outside-year');
    expect(rulesOf(edit((t) => (t.indicators[2]!.target = { kind: 'deadline', year: 2024, month: 2, day: 29 })))).toEqual([]);
  });
  it('value.satisfaction-form and value.satisfaction-low', () => {
    expect(rulesOf(edit((t) => (t.indicators[8]!.target = q('>=', 4, '分'))))).toContain('value.satisfaction-form');
    expect(rulesOf(edit((t) => (t.indicators[8]!.target = q('>=', 75, '%'))))).toContain('value.satisfaction-low');
  });
  it('value.direction', () => {
    expect(rulesOf(edit((t) => (t.indicators[1]!.target = q('<=', 92, '%'))))).toContain('value.direction');
    expect(rulesOf(edit((t) => (t.indicators[3]!.target = q('>=', 10, '万元'))))).toContain('value.direction');
    expect(rulesOf(edit((t) => ((t.indicators[5]!.name = '系统故障率'), (t.indicators[5]!.target = q('>=', 1, '%')))))).toContain('value.direction');
  });
});

describe('wording rules', () => {
  it('wording.goal-empty and wording.purpose-empty', () => {
    expect(rulesOf(edit((t) => (t.goal = ' ')))).toContain('wording.goal-empty');
    expect(rulesOf(edit((t) => (t.purpose = '')))).toContain('wording.purpose-empty');
  });
  it('wording.name-empty and wording.value-empty', () => {
    expect(rulesOf(edit((t) => (t.indicators[5]!.name = '')))).toContain('wording.name-empty');
    expect(rulesOf(edit((t) => (t.indicators[5]!.value = '')))).toContain('wording.value-empty');
  });
  it('wording.basis-empty', () => {
    expect(rulesOf(edit((t) => (t.indicators[5]!.basis = '')))).toContain('wording.basis-empty');
  });
  it('wording.name-repeats-level2', () => {
    expect(rulesOf(edit((t) => (t.indicators[5]!.name = '社会效益指标')))).toContain('wording.name-repeats-level2');
  });
  it('wording.vague-value suggests a measurable form', () => {
    const f = checkTable(edit((t) => ((t.indicators[5]!.value = '有效提升'), (t.indicators[5]!.target = { kind: 'text' }))), ctx);
    expect(f.find((x) => x.rule === 'wording.vague-value')!.message).toContain('≥95%');
  });
  it('wording.quantitative-share', () => {
    const mostlyText = edit((t) => {
      for (const i of [1, 5, 7, 8]) {
        t.indicators[i]!.value = '达标';
        t.indicators[i]!.target = { kind: 'text' };
      }
    });
    expect(rulesOf(mostlyText)).toContain('wording.quantitative-share');
    expect(rulesOf(mostlyText, { ...ctx, profile: { ...DEFAULT_RULE_PROFILE, minQuantitativeShare: 0.3 } })).not.toContain('wording.quantitative-share');
  });
});

describe('identity rules', () => {
  it('identity.code-format follows the unit-year’s pattern', () => {
    expect(rulesOf(edit((t) => (t.code = 'ABC')))).toContain('identity.code-format');
    expect(rulesOf(edit((t) => (t.code = 'ABC')), { ...ctx, profile: { ...DEFAULT_RULE_PROFILE, codePattern: '^[A-Z]{3}$' } })).toEqual([]);
  });
  it('identity.code-duplicate', () => {
    expect(checkUnitYear({ tables: [good(), good()], projectExpenditure: null }, ctx).map((f) => f.rule)).toContain('identity.code-duplicate');
  });
  it('identity.name-mismatch between title, table and narrative', () => {
    const t = good();
    const byTitle = checkUnitYear({ tables: [t], projectExpenditure: null, titles: [{ code: t.code, title: '调解仲裁业务费' }] }, ctx);
    expect(byTitle.map((f) => f.rule)).toContain('identity.name-mismatch');
    const byNarrative = checkUnitYear({ tables: [t], projectExpenditure: null, mentions: [{ name: '调解仲裁业务经费', amount: '10.00', line: 9 }] }, ctx);
    expect(byNarrative).toEqual([]);
    const differs = checkUnitYear({ tables: [t], projectExpenditure: null, mentions: [{ name: '调解维稳业务经费', amount: '10.00', line: 9 }] }, ctx);
    expect(differs.find((f) => f.rule === 'identity.name-mismatch')!.message).toContain('第 9 行');
  });
});

describe('profiles', () => {
  it('switch rules off', () => {
    const t = edit((x) => x.schedule.pop());
    expect(rulesOf(t, { ...ctx, profile: { ...DEFAULT_RULE_PROFILE, disabledRules: ['plan.year-end-missing'] } })).toEqual([]);
  });
  it('are validated with Chinese messages', () => {
    const r = ruleProfileSchema.safeParse({ ...DEFAULT_RULE_PROFILE, disabledRules: ['no.such-rule'], codePattern: '([' });
    expect(r.success).toBe(false);
    expect(JSON.stringify(r.error?.issues.map((i) => i.message))).toContain('没有这个规则编号');
    expect(JSON.stringify(r.error?.issues.map((i) => i.message))).toContain('正则表达式');
  });
  it('every rule in the catalogue is exercised in this file', () => {
    const source = readFileSync(expect.getState().testPath!, 'utf8');
    const untested = RULES.map((r) => r.id).filter((id) => !source.includes(`'${id}'`));
    expect(untested).toEqual([]);
  });
});
