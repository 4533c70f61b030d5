import { describe, expect, it } from 'vitest';
import { contributionsOf, isPlaceholderRow, normaliseName, valueText, type LearnableRow } from './learn';

const row = (name: string, value: string, extra: Partial<LearnableRow> = {}): LearnableRow => ({
  level1: '满意度指标', level2: '服务对象满意度指标', name, description: name, value, comparator: '>=', unit: '%', basis: '经验标准', isPlaceholder: false, ...extra,
});

describe('learning from a table', () => {
  it('keys names with full-width forms, spaces and trailing punctuation folded', () => {
    expect(normaliseName(' 服务对象 满意度。')).toBe('服务对象满意度');
    expect(normaliseName('“群众”满意度')).toBe('群众满意度');
    expect(normaliseName('ＡＢＣ合格率')).toBe('abc合格率');
  });

  it('never takes a placeholder, flagged or not', () => {
    expect(isPlaceholderRow({ name: '无经济效益指标', isPlaceholder: false })).toBe(true);
    expect(isPlaceholderRow({ name: '任何', isPlaceholder: true })).toBe(true);
    expect(isPlaceholderRow({ name: '  ', isPlaceholder: false })).toBe(true);
    expect(isPlaceholderRow({ name: '无障碍设施覆盖率', isPlaceholder: false })).toBe(false);
    expect(contributionsOf([row('无生态效益指标', '无生态效益指标', { level1: '效益指标', level2: '生态效益指标' })])).toEqual([]);
  });

  it('counts values as printed (spacing does not split them) and a name used twice as one entry', () => {
    expect(valueText('≥ 90 %')).toBe('≥90%');
    expect(valueText('有效提升')).toBe('有效提升');
    const c = contributionsOf([row('服务对象满意度', '≥90%'), row('服务对象满意度 ', '≥ 95%')]);
    expect(c).toHaveLength(1);
    expect(c[0]!.name).toBe('服务对象满意度');
    expect([...c[0]!.facets]).toEqual(
      expect.arrayContaining([
        ['value\u0000≥90%', 1],
        ['value\u0000≥95%', 1],
        ['unit\u0000%', 2],
        ['comparator\u0000>=', 2],
        ['basis\u0000经验标准', 2],
      ]),
    );
  });
});
