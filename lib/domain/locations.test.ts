import { describe, expect, it } from 'vitest';
import { commentPlaceText, commentTargets, locationLabel } from './locations';
import type { TargetTable } from './table';

const table: TargetTable = {
  code: 'X',
  name: 'n',
  budget: { total: '1.00', fiscal: '1.00', other: null },
  purpose: '',
  goal: '',
  schedule: [],
  indicators: [
    { key: 'k1', level1: '产出指标', level2: '数量指标', name: '案件受理量', description: '', value: '≤300 件', target: { kind: 'text' }, basis: '', isPlaceholder: false },
    { key: 'k2', level1: '效益指标', level2: '经济效益指标', name: '无经济效益指标', description: '', value: '', target: { kind: 'text' }, basis: '', isPlaceholder: true },
  ],
};

describe('locationLabel', () => {
  it('names header fields, plan points, rows and groups', () => {
    expect(locationLabel('budget.total', table)).toBe('预算数');
    expect(locationLabel('schedule.1.percent', table)).toBe('资金支出计划第 2 个时间点的比例');
    expect(locationLabel('indicators.0.value', table)).toBe('指标第 1 行「案件受理量」 指标值');
    expect(locationLabel('group:效益指标/生态效益指标', table)).toBe('效益指标 · 生态效益指标');
    expect(locationLabel('row:k2', table)).toBe('指标「无经济效益指标」（经济效益指标）');
    expect(locationLabel('row:gone', table)).toBe('已删除的指标行');
    expect(locationLabel('indicators', table)).toBe('绩效指标（整体）');
  });

  it('offers header fields and every keyed row as comment targets', () => {
    const targets = commentTargets(table);
    expect(targets.map((t) => t.value)).toEqual(['name', 'budget.total', 'purpose', 'goal', 'schedule', 'row:k1', 'row:k2']);
  });
});

describe('commentPlaceText', () => {
  it('keeps the label a comment was written on, and says what the place is called now when renamed', () => {
    const written = { target: 'row:k1', targetLabel: '指标「案件受理量」（数量指标）' };
    expect(commentPlaceText(written, table)).toBe('指标「案件受理量」（数量指标）');
    const renamed = { ...table, indicators: [{ ...table.indicators[0]!, name: '受理案件数' }, table.indicators[1]!] };
    expect(commentPlaceText(written, renamed)).toBe('指标「案件受理量」（数量指标）（该处现为 指标「受理案件数」（数量指标））');
    expect(commentPlaceText({ target: 'row:k1', targetLabel: null }, renamed)).toBe('指标「受理案件数」（数量指标）');
    expect(commentPlaceText({ target: null, targetLabel: null }, table)).toBeNull();
  });
});
