import { describe, expect, it } from 'vitest';
import { previousTableOf } from '../last-year-table';
import type { TargetTable } from '../table';
import { checkTable, DEFAULT_RULE_PROFILE } from './index';
import { BUILTIN_FRAMEWORKS } from '../framework';
import { sampleTable } from '@/lib/testing/tables';

const table = (): TargetTable => sampleTable() as TargetTable;
const ctx = (previous: TargetTable | null) => ({
  framework: BUILTIN_FRAMEWORKS.find((f) => f.code === 'cz2021')!,
  year: 2024,
  profile: DEFAULT_RULE_PROFILE,
  lastYear: () => previous?.indicators ?? null,
});

describe('指标值偏低 / 偏高 against last year', () => {
  it('warns on a lowered ≥ target and a raised ≤ target, at the row’s value', () => {
    const previous = table();
    const now = table();
    now.indicators[0] = { ...now.indicators[0]!, value: '≥90%' };
    now.indicators[2] = { ...now.indicators[2]!, value: '≤90 天' };
    const found = checkTable(now, ctx(previous)).filter((f) => f.rule.endsWith('last-year'));
    expect(found).toEqual([
      expect.objectContaining({ severity: 'warning', rule: 'value.below-last-year', path: 'indicators.0.value', message: '“案件结案率”指标值偏低：≥90% 低于上年指标值 ≥92%，请说明理由或提高目标' }),
      expect.objectContaining({ severity: 'warning', rule: 'value.above-last-year', path: 'indicators.2.value' }),
    ]);
  });

  it('says nothing without last year, with the same targets, or when the rule is disabled', () => {
    const now = table();
    now.indicators[0] = { ...now.indicators[0]!, value: '≥90%' };
    expect(checkTable(now, ctx(null)).filter((f) => f.rule.endsWith('last-year'))).toEqual([]);
    expect(checkTable(table(), ctx(table())).filter((f) => f.rule.endsWith('last-year'))).toEqual([]);
    const off = { ...ctx(table()), profile: { ...DEFAULT_RULE_PROFILE, disabledRules: ['value.below-last-year'] } };
    expect(checkTable(now, off).filter((f) => f.rule.endsWith('last-year'))).toEqual([]);
  });
});

describe('which table of last year a table continues', () => {
  const candidates = [
    { code: 'A1', name: '2023 调解仲裁业务经费' },
    { code: 'B1', name: '档案整理' },
    { code: 'C1', name: '档案整理' },
  ];
  it('by code first, else by the one table of the same name with the years ignored', () => {
    expect(previousTableOf({ code: 'B1', name: '别的名字' }, candidates)).toBe(candidates[1]);
    expect(previousTableOf({ code: 'NEW', name: '2024 调解仲裁业务经费' }, candidates)).toBe(candidates[0]);
    // Two tables of that name: not guessed.
    expect(previousTableOf({ code: 'NEW', name: '档案整理' }, candidates)).toBeNull();
    expect(previousTableOf({ code: 'NEW', name: '新项目' }, candidates)).toBeNull();
  });
});
