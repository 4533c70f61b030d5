import { describe, expect, it } from 'vitest';
import { lastYearNote, matchLastYear, type LastYearRow, type YearRow } from './last-year';

const row = (level2: string, name: string, value: string, isPlaceholder = false): YearRow => ({ level2, name, value, isPlaceholder });

describe('last year beside this year', () => {
  it('matches rows by 二级 and normalised name, never placeholders', () => {
    const previous: LastYearRow[] = [row('质量指标', '案件结案率', '≥92%'), row('经济效益指标', '无经济效益指标', '无经济效益指标', true)];
    expect(matchLastYear([row('质量指标', '案件结案率 ', '≥90%'), row('数量指标', '案件结案率', '1'), row('经济效益指标', '无经济效益指标', '无经济效益指标', true)], previous)).toEqual([
      previous[0],
      null,
      null,
    ]);
  });

  it('warns 指标值偏低 when a ≥ target is below last year’s target or actual', () => {
    expect(lastYearNote(row('质量指标', '结案率', '≥90%'), { ...row('质量指标', '结案率', '≥92%'), actual: '95%' }).warning).toBe(
      '指标值偏低：≥90% 低于上年指标值 ≥92%，请说明理由或提高目标',
    );
    expect(lastYearNote(row('质量指标', '结案率', '≥93%'), { ...row('质量指标', '结案率', '≥92%'), actual: '95%' }).warning).toBe(
      '指标值偏低：≥93% 低于上年实际完成值 95%，请说明理由或提高目标',
    );
    expect(lastYearNote(row('质量指标', '结案率', '≥95%'), { ...row('质量指标', '结案率', '≥92%'), actual: '95%' })).toEqual({ previousValue: '≥92%', previousActual: '95%', warning: null });
  });

  it('warns 指标值偏高 when a ≤ target is above last year’s, in comparable units only', () => {
    expect(lastYearNote(row('时效指标', '办理时限', '≤60 天'), row('时效指标', '办理时限', '≤45 天')).warning).toMatch(/^指标值偏高：/);
    expect(lastYearNote(row('成本指标', '总成本', '≤12 万元'), row('成本指标', '总成本', '≤100000 元')).warning).toMatch(/^指标值偏高/);
    expect(lastYearNote(row('成本指标', '总成本', '≤9 万元'), row('成本指标', '总成本', '≤100000 元')).warning).toBeNull();
    expect(lastYearNote(row('数量指标', '人数', '≥5 人'), row('数量指标', '人数', '≥6 次')).warning).toBeNull();
    expect(lastYearNote(row('社会效益指标', '影响', '有效提升'), row('社会效益指标', '影响', '≥90%')).warning).toBeNull();
  });
});
