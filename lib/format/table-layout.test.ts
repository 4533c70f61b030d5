import { describe, expect, it } from 'vitest';
import type { IndicatorRow, TargetTable } from '@/lib/domain/table';
import { GRID_COLUMNS, tableLayout } from './table-layout';

const row = (level1: string, level2: string, name: string): IndicatorRow => ({
  level1, level2, name, description: name, value: '100%', target: { kind: 'text' }, basis: '工作计划', isPlaceholder: false,
});

const table: TargetTable = {
  code: '13080024P00049910001B',
  name: '人事人才服务',
  budget: { total: '200.00', fiscal: '200.00', other: null },
  purpose: '用途',
  goal: '1. 目标',
  schedule: [{ month: 3, percent: 25 }, { month: 6, percent: 50 }, { month: 10, percent: 75 }, { month: 12, percent: 100 }],
  indicators: [
    row('产出指标', '数量指标', '鉴定人次'),
    row('产出指标', '质量指标', '采用率'),
    row('产出指标', '数量指标', '卷宗数量'),
    row('产出指标', '质量指标', '淘汰率'),
    row('效益指标', '社会效益指标', '服务'),
    row('满意度指标', '服务对象满意度指标', '满意度'),
  ],
};

describe('tableLayout', () => {
  const rows = tableLayout(table);

  it('fills every row of the grid to exactly 7 columns, counting row spans', () => {
    const occupied: number[][] = [];
    rows.forEach((r, i) => {
      occupied[i] ??= [];
      for (const c of r.cells) {
        for (let dr = 0; dr < c.rowSpan; dr++) {
          occupied[i + dr] ??= [];
          for (let dc = 0; dc < c.colSpan; dc++) occupied[i + dr]!.push(c.col + dc);
        }
      }
    });
    for (const cols of occupied) expect([...cols].sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7].slice(0, GRID_COLUMNS));
  });

  it('merges level-1 over its run and level-2 only over consecutive equal rows', () => {
    const body = rows.filter((r) => r.kind === 'indicator');
    expect(body[0]!.cells[0]).toMatchObject({ text: '产出指标', rowSpan: 4 });
    expect(body[0]!.cells[1]).toMatchObject({ text: '数量指标', rowSpan: 1 });
    expect(body[2]!.cells[0]).toMatchObject({ text: '数量指标', rowSpan: 1 });
    expect(body[4]!.cells[0]).toMatchObject({ text: '效益指标', rowSpan: 1 });
  });

  it('spreads four checkpoints over six columns as 2,2,1,1', () => {
    const months = rows.find((r) => r.cells.some((c) => c.text === '3月底'))!;
    expect(months.cells.filter((c) => c.text.endsWith('月底')).map((c) => c.colSpan)).toEqual([2, 2, 1, 1]);
  });
});
