/**
 * Shared by the rules tests: a table that passes every rule, and `fails`/`passes` helpers so that each
 * rule is shown breaking on one edit and holding on the nearest edit that should still pass.
 */
import { expect } from 'vitest';
import { FRAMEWORK_2015 } from '../framework';
import type { IndicatorRow, TargetTable } from '../table';
import type { Comparator, TargetValue } from '../target-value';
import { checkTable } from './index';
import { DEFAULT_RULE_PROFILE } from './profile';
import type { Finding, RuleContext, RuleProfile } from './types';

export const ctx: RuleContext = { framework: FRAMEWORK_2015, year: 2024, profile: DEFAULT_RULE_PROFILE };

export function withProfile(change: Partial<RuleProfile>): RuleContext {
  return { ...ctx, profile: { ...DEFAULT_RULE_PROFILE, ...change } };
}

export const q = (op: Comparator, number: number, unit: string): TargetValue => ({ kind: 'quantity', op, number, unit });
export const text: TargetValue = { kind: 'text' };

export function row(level1: string, level2: string, name: string, value: string, target: TargetValue): IndicatorRow {
  return { level1, level2, name, description: name, value, target, basis: '年度工作计划', isPlaceholder: false };
}

export function placeholder(level1: string, level2: string): IndicatorRow {
  const p = `无${level2}`;
  return { level1, level2, name: p, description: p, value: p, target: text, basis: p, isPlaceholder: true };
}

/** Row indexes of the passing table, by what they hold. */
export const ROW = { quantity: 0, quality: 1, timeliness: 2, cost: 3, economic: 4, social: 5, ecological: 6, sustainability: 7, satisfaction: 8 } as const;

/** A 2015-framework table that satisfies every rule; each test breaks one thing. */
export function good(): TargetTable {
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

/** The same project written to the 2021 framework: cost is level 1, no 可持续影响指标. */
export function good2021(): TargetTable {
  const t = good();
  t.indicators = [
    ...t.indicators.slice(0, 3),
    row('成本指标', '经济成本指标', '总成本控制', '≤10 万元', q('<=', 10, '万元')),
    placeholder('成本指标', '社会成本指标'),
    placeholder('成本指标', '生态环境成本指标'),
    ...t.indicators.slice(4, 7),
    t.indicators[8]!,
  ];
  return t;
}

export function edit(change: (t: TargetTable) => void, from: () => TargetTable = good): TargetTable {
  const t = from();
  change(t);
  return t;
}

/** Sets row `i`'s value, typed and as printed. */
export function setValue(t: TargetTable, i: number, value: string, target: TargetValue): void {
  t.indicators[i]!.value = value;
  t.indicators[i]!.target = target;
}

const findingsOf = (x: TargetTable | Finding[], c: RuleContext): Finding[] => (Array.isArray(x) ? x : checkTable(x, c));

/** The rule fires; returns its first finding so the test can look at the message and path. */
export function fails(rule: string, x: TargetTable | Finding[], c: RuleContext = ctx): Finding {
  const found = findingsOf(x, c);
  expect(found.map((f) => f.rule)).toContain(rule);
  return found.find((f) => f.rule === rule)!;
}

/** The passing side: not only is `rule` silent, the table has no finding at all (so nothing else hid it). */
export function passes(rule: string, x: TargetTable | Finding[], c: RuleContext = ctx): void {
  const found = findingsOf(x, c);
  expect(found.map((f) => f.rule), `${rule} should pass`).toEqual([]);
}
