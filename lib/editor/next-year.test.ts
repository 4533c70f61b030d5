import { describe, expect, it } from 'vitest';
import { nextYearPlan } from './next-year';

describe('next year’s plan', () => {
  it('keeps this year’s months, in order and once each, with the percents to fill', () => {
    expect(nextYearPlan([{ month: 6, percent: 40 }, { month: 12, percent: 100 }])).toEqual([
      { month: 6, percent: null },
      { month: 12, percent: null },
    ]);
    expect(nextYearPlan([{ month: 12, percent: 100 }, { month: 3, percent: 20 }, { month: 3, percent: 20 }]).map((c) => c.month)).toEqual([3, 12]);
  });

  it('starts from the default months when this year has no plan', () => {
    expect(nextYearPlan([]).map((c) => c.month)).toEqual([3, 6, 10, 12]);
  });
});
