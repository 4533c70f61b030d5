import { describe, expect, it } from 'vitest';
import { diffTables } from './diff';
import type { IndicatorRow, TargetTable } from './table';

const row = (key: string, name: string, value: string): IndicatorRow => ({
  key,
  level1: '产出指标',
  level2: '数量指标',
  name,
  description: name,
  value,
  target: { kind: 'text' },
  basis: '工作计划',
  isPlaceholder: false,
});

const base: TargetTable = {
  code: '13080024P00009810002A',
  name: '调解仲裁业务经费',
  budget: { total: '10.00', fiscal: '10.00', other: null },
  purpose: '用途',
  goal: '1. 目标',
  schedule: [{ month: 3, percent: 25 }],
  indicators: [row('a', '案件受理量', '≤300 件'), row('b', '来访数量', '≤100 件')],
};

describe('diffTables', () => {
  it('reports nothing for an identical table', () => {
    expect(diffTables(base, structuredClone(base))).toEqual([]);
  });

  it('reports header fields with before and after', () => {
    const after = structuredClone(base);
    after.budget.total = '12.00';
    after.schedule.push({ month: 12, percent: 100 });
    expect(diffTables(base, after)).toEqual([
      { kind: 'field', field: 'budget.total', label: '预算数', before: '10.00', after: '12.00' },
      { kind: 'field', field: 'schedule', label: '资金支出计划', before: '3月底 25%', after: '3月底 25%，12月底 100%' },
    ]);
  });

  it('matches rows by key: added, removed, changed and reordered', () => {
    const after = structuredClone(base);
    after.indicators = [row('b', '来访数量', '≤120 件'), row('c', '新指标', '1 项')];
    const changes = diffTables(base, after);
    expect(changes).toContainEqual({
      kind: 'row-changed',
      key: 'b',
      row: '来访数量',
      level2: '数量指标',
      fields: [{ field: 'value', label: '指标值', before: '≤100 件', after: '≤120 件' }],
    });
    expect(changes).toContainEqual({ kind: 'row-added', key: 'c', row: '新指标', level2: '数量指标' });
    expect(changes).toContainEqual({ kind: 'row-removed', key: 'a', row: '案件受理量', level2: '数量指标' });
  });

  it('notices a pure reorder', () => {
    const after = structuredClone(base);
    after.indicators.reverse();
    expect(diffTables(base, after)).toEqual([{ kind: 'rows-reordered' }]);
  });
});
