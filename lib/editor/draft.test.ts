import { describe, expect, it } from 'vitest';
import { FRAMEWORK_2015 } from '@/lib/domain/framework';
import { tableSchema } from '@/lib/domain/schemas';
import { checkTable, DEFAULT_RULE_PROFILE } from '@/lib/domain/rules';
import { normaliseTable } from '@/lib/projects/normalise';
import { blankTable, editorValues } from './draft';

let n = 0;
const key = () => `k${++n}`;
const ctx = { framework: FRAMEWORK_2015, year: 2024, profile: DEFAULT_RULE_PROFILE };

describe('drafts save at any time', () => {
  it('a blank new table passes the schema once it has a code and a name', () => {
    const blank = { ...blankTable(FRAMEWORK_2015, key), code: '13080024P00009810002A', name: '新项目' };
    const parsed = tableSchema.safeParse(blank);
    expect(parsed.success).toBe(true);
  });

  it('an unfinished number is stored as an empty value, which the rules report as an error', () => {
    const blank = { ...blankTable(FRAMEWORK_2015, key), code: '13080024P00009810002A', name: '新项目' };
    const table = normaliseTable(tableSchema.parse(blank));
    const quantity = table.indicators.find((r) => r.level2 === '数量指标')!;
    expect(quantity).toMatchObject({ value: '', target: { kind: 'text' } });
    expect(table.budget).toEqual({ total: '0.00', fiscal: '0.00', other: null });
    const errors = checkTable(table, ctx).filter((f) => f.severity === 'error');
    expect(errors.map((f) => f.rule)).toContain('wording.value-empty');
  });

  it('a number the user emptied (NaN from the form) is unfinished too', () => {
    const t = blankTable(FRAMEWORK_2015, key);
    t.indicators[0]!.target = { kind: 'quantity', op: '>=', number: Number.NaN, unit: '件' };
    const parsed = tableSchema.parse({ ...t, code: 'A1', name: 'x' });
    expect(parsed.indicators[0]!.target).toEqual({ kind: 'quantity', op: '>=', number: null, unit: '件' });
  });

  it('keeps what the owner typed in amounts and plan points, for the rules to report (issue 19 item 7)', () => {
    const t = { ...blankTable(FRAMEWORK_2015, key), code: 'A1', name: 'x' };
    t.budget = { total: '35.555', fiscal: '-1', other: '35,5' };
    t.schedule = [{ month: 6, percent: 120 }, { month: 12, percent: Number.NaN }];
    const parsed = tableSchema.parse(t);
    expect(parsed.budget).toEqual(t.budget);
    expect(parsed.schedule).toEqual([{ month: 6, percent: 120 }, { month: 12, percent: null }]);
    expect(normaliseTable(parsed).budget).toEqual(t.budget);
  });

  it('still refuses what cannot be stored: numbers out of range, wrong types, over-long amounts', () => {
    const t = { ...blankTable(FRAMEWORK_2015, key), code: 'A1', name: 'x' };
    const bad = (patch: (x: typeof t) => void) => {
      const copy = structuredClone(t);
      patch(copy);
      return tableSchema.safeParse(copy).success;
    };
    expect(bad((x) => (x.budget.total = '1'.repeat(41)))).toBe(false);
    expect(bad((x) => (x.indicators[0]!.target = { kind: 'deadline', year: null, month: 13, day: null }))).toBe(false);
    expect(bad((x) => (x.indicators[0]!.target = { kind: 'quantity', op: '>=', number: 1e13, unit: '' }))).toBe(false);
    expect(bad((x) => ((x.indicators[0]! as { name: unknown }).name = 5))).toBe(false);
    expect(bad((x) => (x.code = ''))).toBe(false);
  });

  it('gives the rows of a stored unfinished number back as an empty number', () => {
    const stored = normaliseTable(tableSchema.parse({ ...blankTable(FRAMEWORK_2015, key), code: 'A1', name: 'x' }));
    const values = editorValues(stored, FRAMEWORK_2015);
    expect(values.indicators.find((r) => r.level2 === '成本指标')!.target).toEqual({ kind: 'quantity', op: '<=', number: null, unit: '万元' });
    expect(values.indicators.find((r) => r.level2 === '质量指标')!.target).toEqual({ kind: 'text' });
  });

  it('gives a stored unfilled budget (0.00) back as empty amounts, and a written one as it is', () => {
    const stored = normaliseTable(tableSchema.parse({ ...blankTable(FRAMEWORK_2015, key), code: 'A1', name: 'x' }));
    expect(stored.budget).toEqual({ total: '0.00', fiscal: '0.00', other: null });
    expect(editorValues(stored, FRAMEWORK_2015).budget).toEqual({ total: '', fiscal: '', other: null });
    const written = { ...stored, budget: { total: '10.00', fiscal: '10.00', other: null } };
    expect(editorValues(written, FRAMEWORK_2015).budget).toEqual(written.budget);
  });

  it('replaces a row key repeated within a table', () => {
    const t = { ...blankTable(FRAMEWORK_2015, key), code: 'A1', name: 'x' };
    t.indicators[1]!.key = t.indicators[0]!.key;
    const table = normaliseTable(tableSchema.parse(t));
    expect(table.indicators[0]!.key).toBe(t.indicators[0]!.key);
    expect(table.indicators[1]!.key).toBeUndefined();
  });
});
