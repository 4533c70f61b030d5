import { describe, expect, it } from 'vitest';
import { DEADLINE_PRESETS, presetValue } from './deadline-presets';
import { startingTarget } from './draft';

describe('deadline presets and starting values', () => {
  it('each preset goes through the value parser: dates where they are dates', () => {
    expect(DEADLINE_PRESETS).toEqual(['12月底前完成', '12月20日前完成', '年底前完成']);
    expect(presetValue('12月20日前完成').target).toEqual({ kind: 'deadline', year: null, month: 12, day: 20, suffix: '前完成' });
    expect(presetValue('12月底前完成').target).toMatchObject({ kind: 'deadline', month: 12, day: null, suffix: '底前完成' });
    expect(presetValue('年底前完成')).toEqual({ value: '年底前完成', target: { kind: 'text' } });
  });

  it('a category starts with the value kind its rows need (数量 → count, 时效 → date, 满意度 → ≥ %)', () => {
    expect(startingTarget('quantity')).toEqual({ kind: 'quantity', op: '>=', number: null, unit: '个' });
    expect(startingTarget('timeliness')).toMatchObject({ kind: 'deadline', month: null });
    expect(startingTarget('satisfaction')).toEqual({ kind: 'quantity', op: '>=', number: null, unit: '%' });
    expect(startingTarget('cost')).toMatchObject({ op: '<=', unit: '万元' });
    expect(startingTarget('quality')).toEqual({ kind: 'text' });
  });
});
