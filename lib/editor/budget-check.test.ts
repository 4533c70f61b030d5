import { describe, expect, it } from 'vitest';
import { budgetCheck, isUnfilledBudget, unitYearExcess } from './budget-check';

describe('the line under the amounts', () => {
  it('says nothing for empty or all-zero amounts (never a green 0.00 万元)', () => {
    expect(budgetCheck('', '', null)).toEqual({ kind: 'none' });
    expect(budgetCheck('0.00', '0.00', null)).toEqual({ kind: 'none' });
    expect(budgetCheck('', '0.00', '')).toEqual({ kind: 'none' });
  });

  it('confirms a total equal to the sum, and offers the sum when it differs', () => {
    expect(budgetCheck('10.50', '8.00', '2.50')).toEqual({ kind: 'ok', sum: '10.50' });
    expect(budgetCheck('10.00', '8.00', '2.50')).toEqual({ kind: 'mismatch', sum: '10.50', total: '10.00' });
    expect(budgetCheck('', '8.00', null)).toEqual({ kind: 'mismatch', sum: '8.00', total: null });
    expect(budgetCheck('5.00', '0.00', null)).toEqual({ kind: 'mismatch', sum: '0.00', total: '5.00' });
  });

  it('says nothing while 财政资金 or 其他资金 cannot be read (the field says why)', () => {
    expect(budgetCheck('10.00', '八元', null)).toEqual({ kind: 'none' });
  });

  it('knows a stored draft’s unfilled budget', () => {
    expect(isUnfilledBudget({ total: '0.00', fiscal: '0.00', other: null })).toBe(true);
    expect(isUnfilledBudget({ total: '0.00', fiscal: '0.00', other: '0.00' })).toBe(true);
    expect(isUnfilledBudget({ total: '10.00', fiscal: '0.00', other: null })).toBe(false);
  });
});

describe('the unit-year’s 项目支出', () => {
  it('warns when this table takes the Σ of budgets over it, and says by how much', () => {
    const year = { othersYuan: 3_000_000, expenditureYuan: 3_100_000 };
    expect(unitYearExcess('10.00', year)).toBeNull();
    expect(unitYearExcess('12.50', year)).toEqual({ sum: '312.50', expenditure: '310.00', excess: '2.50' });
    expect(unitYearExcess('12.50', { ...year, expenditureYuan: null })).toBeNull();
    expect(unitYearExcess('abc', year)).toBeNull();
  });
});
