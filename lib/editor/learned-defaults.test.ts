import { describe, expect, it } from 'vitest';
import { FAVOURITE_MIN_ROWS, favouriteShape, learnedDefaults, startingTargetFor } from './learned-defaults';

describe('favouriteShape', () => {
  it('takes the shape most rows use when it holds at least 60% of them and 5 rows, numbers left out', () => {
    expect(favouriteShape([{ text: '≥90%', count: 4 }, { text: '≥95%', count: 3 }, { text: '有效提升', count: 3 }])).toEqual({ kind: 'quantity', op: '>=', number: null, unit: '%' });
  });
  it('has no favourite below 60% or below 5 rows', () => {
    expect(favouriteShape([{ text: '≥90%', count: 5 }, { text: '≤10万元', count: 4 }])).toBeNull();
    expect(favouriteShape([{ text: '≥90%', count: FAVOURITE_MIN_ROWS - 1 }])).toBeNull();
    expect(favouriteShape([])).toBeNull();
  });
  it('reads dates as a date to fill in and words as text; blank values do not count', () => {
    expect(favouriteShape([{ text: '2025年12月底前完成', count: 3 }, { text: '2025年6月30日前完成', count: 3 }, { text: '', count: 50 }])).toMatchObject({ kind: 'deadline', month: null });
    expect(favouriteShape([{ text: '有效提升', count: 5 }, { text: '明显改善', count: 2 }])).toEqual({ kind: 'text' });
  });
  it('keeps the unit as part of the shape: 个 and 项 are different favourites', () => {
    expect(favouriteShape([{ text: '=3个', count: 4 }, { text: '=3项', count: 4 }])).toBeNull();
    expect(favouriteShape([{ text: '≤10万元', count: 6 }, { text: '≤12万元', count: 2 }])).toEqual({ kind: 'quantity', op: '<=', number: null, unit: '万元' });
  });
});

describe('startingTargetFor', () => {
  const learned = learnedDefaults(new Map([['数量指标', [{ text: '=12次', count: 9 }]], ['质量指标', [{ text: '≥1%', count: 1 }]]]));
  it('uses the learned favourite, and the role default where there is none', () => {
    expect(learned).toEqual({ 数量指标: { kind: 'quantity', op: '=', number: null, unit: '次' } });
    expect(startingTargetFor('数量指标', 'quantity', learned)).toEqual({ kind: 'quantity', op: '=', number: null, unit: '次' });
    expect(startingTargetFor('质量指标', null, learned)).toEqual({ kind: 'text' });
    expect(startingTargetFor('满意度指标', 'satisfaction', undefined)).toEqual({ kind: 'quantity', op: '>=', number: null, unit: '%' });
  });
  it('gives each row its own copy', () => {
    expect(startingTargetFor('数量指标', 'quantity', learned)).not.toBe(learned['数量指标']);
  });
});
