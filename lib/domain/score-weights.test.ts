import { describe, expect, it } from 'vitest';
import { parsePublished } from '@/lib/format/published/parse';
import { referenceText } from '@/lib/format/published/testing/reference';
import { FRAMEWORK_2015, FRAMEWORK_2021, frameworkOfRows } from './framework';
import { checkWeights, defaultWeights, type WeightRow } from './score-weights';

const r = (level1: string, level2: string, isPlaceholder = false): WeightRow => ({ level1, level2, isPlaceholder });

describe('default weights', () => {
  it('2015: 产出 50 · 效益 30 · 满意度 10 · funds 10, split over real rows, remainder on the first rows', () => {
    const rows = [
      r('产出指标', '数量指标'),
      r('产出指标', '质量指标'),
      r('产出指标', '时效指标'),
      r('效益指标', '经济效益指标', true),
      r('效益指标', '社会效益指标'),
      r('效益指标', '可持续影响指标'),
      r('满意度指标', '服务对象满意度指标'),
    ];
    const w = defaultWeights(rows, FRAMEWORK_2015);
    expect(w).toEqual({ funds: '10.00', rows: ['16.67', '16.67', '16.66', null, '15.00', '15.00', '10.00'], unassigned: [] });
    expect(checkWeights(w.funds, w.rows)).toEqual({ total: '100.00', isHundred: true });
  });

  it('splits 50 over 7 rows as 7.15, 7.15 and five of 7.14', () => {
    const rows = [...Array.from({ length: 7 }, () => r('产出指标', '数量指标')), r('效益指标', '社会效益指标'), r('满意度指标', '服务对象满意度指标')];
    const w = defaultWeights(rows, FRAMEWORK_2015);
    expect(w.rows.slice(0, 7)).toEqual(['7.15', '7.15', '7.14', '7.14', '7.14', '7.14', '7.14']);
    expect(checkWeights(w.funds, w.rows).isHundred).toBe(true);
  });

  it('2021: 成本 shares the 50 with 产出, split over the real rows of both together', () => {
    const rows = [r('产出指标', '数量指标'), r('产出指标', '质量指标'), r('成本指标', '经济成本指标'), r('成本指标', '社会成本指标', true), r('效益指标', '社会效益指标'), r('满意度指标', '服务对象满意度指标')];
    const w = defaultWeights(rows, FRAMEWORK_2021);
    expect(w.rows).toEqual(['16.67', '16.67', '16.66', null, '30.00', '10.00']);
    expect(checkWeights(w.funds, w.rows).isHundred).toBe(true);
  });

  it('a level-1 with no real row leaves its points out, and the check says so', () => {
    const rows = [r('产出指标', '数量指标'), r('效益指标', '社会效益指标'), r('满意度指标', '服务对象满意度指标', true)];
    const w = defaultWeights(rows, FRAMEWORK_2015);
    expect(w.unassigned).toEqual([{ sections: ['满意度指标'], points: 10 }]);
    expect(checkWeights(w.funds, w.rows)).toEqual({ total: '90.00', isHundred: false, message: '分值合计为 90.00，应为 100：请调整各项分值' });
  });

  it('adds up to exactly 100 on every table of the reference', () => {
    const doc = parsePublished(referenceText());
    expect(doc.projects).toHaveLength(23);
    for (const p of doc.projects) {
      const framework = frameworkOfRows(p.indicators);
      const w = defaultWeights(p.indicators, framework);
      expect(w.unassigned, p.code).toEqual([]);
      expect(checkWeights(w.funds, w.rows), p.code).toEqual({ total: '100.00', isHundred: true });
    }
  });
});

describe('the weight check', () => {
  it('tells when given weights do not add up to 100', () => {
    expect(checkWeights('10', ['20', '20', '20', '20', '10'])).toEqual({ total: '100.00', isHundred: true });
    expect(checkWeights('10', ['20', '20', '20', '20', '5.5'])).toMatchObject({ total: '95.50', isHundred: false, message: expect.stringContaining('95.50') });
    expect(checkWeights(null, ['50', '50.01'])).toMatchObject({ isHundred: false, total: '100.01' });
    expect(checkWeights('10', ['abc'])).toMatchObject({ isHundred: false, message: expect.stringContaining('第 1 行的分值') });
  });
});
