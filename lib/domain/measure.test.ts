import { describe, expect, it } from 'vitest';
import { inTargetUnit, isCumulativeUnit, readCompletion, readMeasure, readRating, readWanyuan, type QuantityMeasure } from './measure';
import { parseDecimal, toFixed } from './ratio';

const quantity = (text: string): QuantityMeasure => {
  const m = readMeasure(text);
  if (m.kind !== 'quantity') throw new Error(`${text} is ${m.kind}`);
  return m;
};
const shown = (text: string) => {
  const m = quantity(text);
  return `${m.op} ${toFixed(m.value, 4)} ${m.unit}`;
};

describe('reading targets and actuals', () => {
  it.each([
    ['≥95%', '>= 95.0000 %'],
    ['≧95%', '>= 95.0000 %'],
    ['大于等于95%', '>= 95.0000 %'],
    ['不低于 95%', '>= 95.0000 %'],
    ['不少于 1200 人次', '>= 1200.0000 人次'],
    ['达到95%', '>= 95.0000 %'],
    ['达到≥95%', '>= 95.0000 %'],
    ['正向 95%', '>= 95.0000 %'],
    ['正向指标：≥95%', '>= 95.0000 %'],
    ['高于 3 次', '> 3.0000 次'],
    ['≦60 天', '<= 60.0000 天'],
    ['小于等于 60天', '<= 60.0000 天'],
    ['不超过 10 万元', '<= 10.0000 万元'],
    ['不高于5%', '<= 5.0000 %'],
    ['反向 5%', '<= 5.0000 %'],
    ['低于 1%', '< 1.0000 %'],
    ['﹦100%', '= 100.0000 %'],
    ['＝100%', '= 100.0000 %'],
    ['=100%', '= 100.0000 %'],
    ['100%', '= 100.0000 %'],
    ['95000元', '= 95000.0000 元'],
    ['472.11 万元', '= 472.1100 万元'],
    ['96', '= 96.0000 '],
  ])('%s', (input, expected) => {
    expect(shown(input)).toBe(expected);
  });

  it('reads dates in the ways tables write them', () => {
    expect(readMeasure('2024年6月30日')).toEqual({ kind: 'deadline', year: 2024, month: 6, day: 30 });
    expect(readMeasure('2023年12月')).toEqual({ kind: 'deadline', year: 2023, month: 12, day: null });
    expect(readMeasure('12月底前完成')).toEqual({ kind: 'deadline', year: null, month: 12, day: null });
    expect(readMeasure('12 月 20 日前完成')).toEqual({ kind: 'deadline', year: null, month: 12, day: 20 });
    expect(readMeasure('年底前')).toEqual({ kind: 'deadline', year: null, month: 12, day: null });
    expect(readMeasure('年底前完成')).toEqual({ kind: 'deadline', year: null, month: 12, day: null });
    expect(readMeasure('2024年年底前完成')).toEqual({ kind: 'deadline', year: 2024, month: 12, day: null });
    expect(readMeasure('上半年完成')).toEqual({ kind: 'deadline', year: null, month: 6, day: null });
  });

  it('leaves text as text and empty as empty', () => {
    expect(readMeasure('有效提升')).toEqual({ kind: 'text', text: '有效提升' });
    expect(readMeasure('达标')).toEqual({ kind: 'text', text: '达标' });
    expect(readMeasure('  ')).toEqual({ kind: 'empty' });
  });
});

describe('units', () => {
  it.each(['%', '‰', '百分点', '分', '天', '日', '小时', '个工作日', '工作日', '月', '个月'])('%s is not cumulative', (unit) => {
    expect(isCumulativeUnit(unit)).toBe(false);
  });
  it.each(['人次', '件', '户', '期', '个', '人', '次', '万元', '元', '亿元', '万人', '', '份'])('%s is cumulative', (unit) => {
    expect(isCumulativeUnit(unit)).toBe(true);
  });

  const convert = (actual: string, target: string) => {
    const r = inTargetUnit(quantity(actual), quantity(target));
    return r.ok ? `${toFixed(r.value, 4)} ${r.unit}` : r.message;
  };

  it('converts money exactly and takes the target unit when the actual has none', () => {
    expect(convert('95000元', '≤10万元')).toBe('9.5000 万元');
    expect(convert('0.001亿元', '≤10万元')).toBe('10.0000 万元');
    expect(convert('12万', '≤10万元')).toBe('12.0000 万元');
    expect(convert('472.11万元', '≤4721100元')).toBe('4721100.0000 元');
    expect(convert('9.5', '≤10万元')).toBe('9.5000 万元');
    expect(convert('48000人', '≥5 万人')).toBe('4.8000 万人');
    expect(convert('5‰', '≤1%')).toBe('0.5000 %');
    expect(convert('30 日', '≤60 天')).toBe('30.0000 天');
    expect(convert('96%', '≥95')).toBe('96.0000 %');
  });

  it('reports units that cannot be compared instead of guessing', () => {
    expect(convert('96人', '≥95%')).toContain('不能比较');
    expect(convert('3 小时', '≤2 天')).toContain('不能比较');
    expect(convert('2 百分点', '≥2%')).toContain('不能比较');
  });

  it('keeps the decimal exact through the target parser', () => {
    expect(quantity('≤1697.97 万元').value).toEqual(parseDecimal('1697.97'));
  });
});

describe('completion of deadlines and qualitative answers', () => {
  it.each([
    ['2024年6月28日完成', { state: 'done', date: { kind: 'deadline', year: 2024, month: 6, day: 28 } }],
    ['已于2024年6月28日完成', { state: 'done', date: { kind: 'deadline', year: 2024, month: 6, day: 28 } }],
    ['12月20日前完成', { state: 'done', date: { kind: 'deadline', year: null, month: 12, day: 20 } }],
    ['已完成', { state: 'done', date: null }],
    ['按时完成', { state: 'done', date: null }],
    ['未完成', { state: 'not-done' }],
    ['正在推进', { state: 'not-done' }],
    ['逾期完成', { state: 'late' }],
  ])('%s', (text, expected) => {
    expect(readCompletion(text)).toEqual(expected);
  });
  it('does not guess at an answer it cannot read', () => {
    expect(readCompletion('见附件')).toBeNull();
  });

  it('reads the three answers and their short forms', () => {
    expect(readRating('达成年度指标')).toBe('achieved');
    expect(readRating('部分达成年度指标并具有一定效果')).toBe('partial');
    expect(readRating('未达成年度指标且效果较差')).toBe('not-achieved');
    expect(readRating('部分达成')).toBe('partial');
    expect(readRating('未达成')).toBe('not-achieved');
    expect(readRating('效果明显')).toBeNull();
  });
});

describe('amounts in 万元', () => {
  it('reads budgets with two decimals and final accounts to the 元 exactly; refuses the rest', () => {
    const read = (t: string) => {
      const r = readWanyuan(t);
      return r.ok ? toFixed(r.value, 6) : r.message;
    };
    expect(read('100.00')).toBe('100.000000');
    expect(read('1,697.97')).toBe('1697.970000');
    expect(read('89.974')).toBe('89.974000');
    expect(read('89.9741')).toBe('89.974100');
    expect(read('-1')).toContain('不能为负数');
    expect(read('1.2345678')).toContain('两位小数');
  });
});
