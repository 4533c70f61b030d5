import { describe, expect, it } from 'vitest';
import { FRAMEWORK_2015 } from '@/lib/domain/framework';
import { groupRows, insertionIndex } from './groups';

const row = (level1: string, level2: string, isPlaceholder = false) => ({ level1, level2, isPlaceholder });

describe('editor sections', () => {
  const rows = [
    row('产出指标', '质量指标'),
    row('产出指标', '数量指标'),
    row('产出指标', '数量指标'),
    row('效益指标', '经济效益指标', true),
    row('自定义', '创新指标'),
  ];
  const sections = groupRows(FRAMEWORK_2015, rows);

  it('keeps rows in print order inside framework-ordered sections and lists every category', () => {
    expect(sections.map((s) => s.level1)).toEqual(['产出指标', '效益指标', '满意度指标', '自定义']);
    expect(sections[0]!.rows).toEqual([0, 1, 2]);
    expect(sections[0]!.categories.map((c) => [c.level2, c.rows])).toEqual([
      ['数量指标', 2],
      ['质量指标', 1],
      ['时效指标', 0],
      ['成本指标', 0],
    ]);
    expect(sections[1]!.categories[0]).toMatchObject({ level2: '经济效益指标', isPlaceholder: true });
    expect(sections[3]).toMatchObject({ inFramework: false, rows: [4] });
  });

  it('inserts a new row after its category, or after the categories before it', () => {
    expect(insertionIndex(sections, rows, '产出指标', '数量指标')).toBe(3);
    expect(insertionIndex(sections, rows, '产出指标', '时效指标')).toBe(3);
    expect(insertionIndex(sections, rows, '效益指标', '社会效益指标')).toBe(4);
    expect(insertionIndex(sections, rows, '满意度指标', '服务对象满意度指标')).toBe(4);
  });
});
