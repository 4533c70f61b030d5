import { describe, expect, it } from 'vitest';
import { fundsLight, indicatorLight, worstLight, type Light } from './lights';

const funds = (budget: string, executed: string, month: number) => fundsLight({ budget, executed, month });
const row = (target: string, actual: string, month = 7, cumulative?: boolean) =>
  indicatorLight({ target, actual, month, ...(cumulative === undefined ? {} : { cumulative }) });

describe('funds: (executed ÷ budget) ÷ (month ÷ 12) × 100', () => {
  it.each<[string, string, number, Light, number]>([
    ['100.00', '40.00', 7, 'yellow', 68.57],
    ['100.00', '35.00', 7, 'yellow', 60], // exactly 60
    ['100.00', '34.99', 7, 'red', 59.98],
    ['100.00', '40.00', 6, 'green', 80], // exactly 80
    ['100.00', '39.99', 6, 'yellow', 79.98],
    ['100.00', '100.00', 6, 'green', 200], // spending ahead is never blue
    ['12000.00', '7199.40', 12, 'yellow', 60], // 59.995 rounds half-up to 60.00: the shown figure decides
    ['12000.00', '7199.39', 12, 'red', 59.99],
    ['100', '0', 7, 'red', 0],
  ])('budget %s, executed %s in 1–%i月 → %s (%d)', (budget, executed, month, light, progress) => {
    expect(funds(budget, executed, month)).toEqual({ light, progress });
  });

  it('gives no light without an executed amount or a budget, and says why', () => {
    expect(funds('100.00', '', 7)).toEqual({ light: 'none', progress: null });
    expect(funds('0.00', '1.00', 7)).toMatchObject({ light: 'none', message: expect.stringContaining('全年预算数为 0') });
    expect(funds('100.00', 'abc', 7)).toMatchObject({ light: 'none', message: expect.stringContaining('执行数') });
    expect(funds('100.00', '40.00', 13)).toMatchObject({ light: 'none', message: expect.stringContaining('1–12') });
  });
});

describe('≥, >, = and bare numbers: progress against the expected value', () => {
  it.each<[string, string, number, Light, number]>([
    // cumulative (a count): expected = 1200 × 6 ÷ 12 = 600
    ['≥1200 人次', '359', 6, 'red', 59.83],
    ['≥1200 人次', '360', 6, 'yellow', 60],
    ['≥1200 人次', '479', 6, 'yellow', 79.83],
    ['≥1200 人次', '480', 6, 'green', 80],
    ['≥1200 人次', '719', 6, 'green', 119.83],
    ['≥1200 人次', '720', 6, 'blue', 120],
    // non-cumulative (a rate): expected = the target itself
    ['≥95%', '56.9%', 7, 'red', 59.89],
    ['≥95%', '57%', 7, 'yellow', 60],
    ['≥95%', '76%', 7, 'green', 80],
    ['≥95%', '96%', 7, 'green', 101.05],
    ['≥95%', '114%', 7, 'blue', 120],
    ['≥60 天', '36 天', 7, 'yellow', 60], // a duration is not pro-rated either
    ['31 个', '31', 12, 'green', 100], // a bare number, cumulative, at year end
    ['31 个', '9', 6, 'red', 58.06], // 9 ÷ (31 × 6 ÷ 12)
    ['>3 次', '1', 6, 'yellow', 66.67],
    ['≥200 万元', '600000元', 6, 'yellow', 60], // money converted: 60 万元 against 100 万元
    ['≥5 万人', '30000人', 6, 'blue', 120],
  ])('%s, actual %s in 1–%i月 → %s (%d)', (target, actual, month, light, progress) => {
    expect(row(target, actual, month)).toEqual({ light, progress });
  });

  it("follows the row's own 累计/非累计 setting over the unit's default", () => {
    expect(row('≥1200 人次', '720', 6, false)).toEqual({ light: 'yellow', progress: 60 });
    expect(row('≥95%', '57%', 6, true)).toEqual({ light: 'blue', progress: 120 });
  });

  it('reads the comparator however it is written', () => {
    for (const target of ['≥95%', '≧95%', '大于等于95%', '不低于95%', '不少于95%', '达到95%', '高于95%', '正向95%', '＝95%', '﹦95%', '95%']) {
      expect(row(target, '57%'), target).toEqual({ light: 'yellow', progress: 60 });
    }
  });

  it('a target of zero is met or not: 0 起 with 0 is green, with 2 red', () => {
    expect(row('0 起', '0')).toEqual({ light: 'green', progress: null });
    expect(row('=0 起', '2')).toEqual({ light: 'red', progress: null });
    expect(row('≥0 个', '2')).toEqual({ light: 'green', progress: null });
  });

  it('takes thresholds from the rule profile', () => {
    const t = { yellowFrom: 50, greenFrom: 70, blueFrom: 150 };
    expect(indicatorLight({ target: '≥100%', actual: '75%', month: 7 })).toMatchObject({ light: 'yellow' });
    expect(indicatorLight({ target: '≥100%', actual: '75%', month: 7 }, t)).toMatchObject({ light: 'green' });
    expect(indicatorLight({ target: '≥100%', actual: '130%', month: 7 }, t)).toMatchObject({ light: 'green' });
    expect(fundsLight({ budget: '100', executed: '30', month: 6 }, t)).toMatchObject({ light: 'yellow', progress: 60 });
  });
});

describe('≤ and <: met → green, else red, never pro-rated', () => {
  it.each<[string, string, Light]>([
    ['≤10万元', '95000元', 'green'],
    ['≤10万元', '100000元', 'green'],
    ['≤10万元', '100001元', 'red'],
    ['≤10万元', '10', 'green'],
    ['≤10万元', '10.01', 'red'],
    ['≤10万元', '0.001亿元', 'green'],
    ['<10万元', '100000元', 'red'],
    ['<10万元', '99999.99元', 'green'],
    ['≤60 天', '61', 'red'],
    ['≦60天', '61天', 'red'],
    ['不超过60天', '60 日', 'green'],
    ['反向 60天', '61', 'red'],
    ['小于等于 5%', '5%', 'green'],
    ['低于 5%', '5%', 'red'],
  ])('%s, actual %s → %s', (target, actual, light) => {
    expect(row(target, actual)).toEqual({ light, progress: null });
  });
});

describe('units that cannot be compared', () => {
  it('give no light and a message beside the cell', () => {
    expect(row('≥95%', '96 人')).toEqual({ light: 'none', progress: null, message: '实际值的单位“人”与指标值的单位“%”不能比较，请按“%”填写' });
    expect(row('≥95%', '大部分完成')).toMatchObject({ light: 'none', message: expect.stringContaining('数值') });
  });
});

describe('deadlines', () => {
  it.each<[string, string, number, Light]>([
    ['12 月 20 日前完成', '未完成', 7, 'green'], // not yet due
    ['6月30日前完成', '未完成', 7, 'red'], // the month's end is past the deadline
    ['7月31日前完成', '未完成', 7, 'green'], // due at the month's end, not past it
    ['7月前完成', '未完成', 7, 'green'],
    ['2024年6月30日', '2024年6月28日完成', 7, 'green'],
    ['2024年6月30日', '2024年6月30日完成', 7, 'green'],
    ['2024年6月30日', '2024年7月2日完成', 7, 'red'],
    ['6月30日前完成', '2024年6月30日', 7, 'green'],
    ['2023年12月', '未完成', 7, 'green'],
    ['年底前完成', '未完成', 7, 'green'],
    ['年底前完成', '已完成', 7, 'green'],
    ['6月底前', '逾期完成', 7, 'red'],
  ])('%s, actual %s in 1–%i月 → %s', (target, actual, month, light) => {
    expect(row(target, actual, month)).toEqual({ light, progress: null });
  });

  it('asks for a date or 已完成/未完成 when it cannot read the answer', () => {
    expect(row('12月20日前完成', '见附件')).toMatchObject({ light: 'none', message: expect.stringContaining('完成日期') });
  });
});

describe('qualitative targets', () => {
  it.each<[string, Light]>([
    ['达成年度指标', 'green'],
    ['部分达成年度指标并具有一定效果', 'yellow'],
    ['未达成年度指标且效果较差', 'red'],
  ])('%s → %s', (actual, light) => {
    expect(row('有效提升', actual)).toEqual({ light, progress: null });
  });

  it('any other answer gets no light and a message naming the three', () => {
    expect(row('有效提升', '提升明显')).toMatchObject({ light: 'none', message: expect.stringContaining('部分达成年度指标并具有一定效果') });
  });
});

describe('empty input', () => {
  it('an empty actual gives none, whatever the target', () => {
    for (const target of ['≥95%', '≤10万元', '12月20日前完成', '有效提升']) {
      expect(row(target, ''), target).toEqual({ light: 'none', progress: null });
      expect(row(target, '   '), target).toEqual({ light: 'none', progress: null });
    }
  });
});

describe("a table's light", () => {
  it('is the worst of its lights: red > yellow > green > blue; none does not count', () => {
    expect(worstLight(['green', 'blue', 'yellow', 'none'])).toBe('yellow');
    expect(worstLight(['blue', 'red', 'yellow'])).toBe('red');
    expect(worstLight(['blue', 'green'])).toBe('green');
    expect(worstLight(['blue', 'none'])).toBe('blue');
    expect(worstLight(['none', 'none'])).toBe('none');
    expect(worstLight([])).toBe('none');
  });
});
