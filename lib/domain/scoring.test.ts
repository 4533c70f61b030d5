import { describe, expect, it } from 'vitest';
import { parseDecimal, toFixed } from './ratio';
import { gradeOf, LOW_TARGET_WARNING, scoreFunds, scoreIndicator, scoreTable, toScoreJson, type IndicatorScoreInput } from './scoring';

const score = (input: IndicatorScoreInput) => {
  const r = scoreIndicator(input);
  return r.accepted ? toFixed(r.score) : r.message;
};
const points = (target: string, actual: string, weight = '10') => score({ target, actual, weight });

describe('the example of issue #15, item 6', () => {
  it('scores it verbatim', () => {
    const input = {
      funds: { annual: '100.00', executed: '95.00', weight: '10' },
      indicators: [
        { target: '≥95%', actual: '98%', weight: '20' },
        { target: '有效提升', actual: '部分达成年度指标并具有一定效果', weight: '10', score: '7' },
      ],
    };
    expect(JSON.stringify(toScoreJson(scoreTable(input)))).toBe(
      '{"funds":{"rate":"95.00","score":"9.50"},"indicators":[{"score":"20.00","accepted":true},{"score":"7.00","accepted":true}],"total":"36.50","grade":"差"}',
    );
  });
});

describe('funds: 执行率 = 执行数 ÷ 预算数 × 100, 得分 = min(执行率 ÷ 100 × 分值, 分值)', () => {
  const funds = (annual: string, executed: string, weight = '10') => {
    const r = scoreFunds({ annual, executed, weight });
    return r.accepted ? `${toFixed(r.rate)} ${toFixed(r.score)}` : r.message;
  };
  it.each([
    ['100.00', '95.00', '10', '95.00 9.50'],
    ['100.00', '100.00', '10', '100.00 10.00'],
    ['100.00', '105.00', '10', '105.00 10.00'], // capped at 分值
    ['3.00', '1.00', '10', '33.33 3.33'],
    ['8.00', '1.00', '10', '12.50 1.25'],
    ['200.00', '0.01', '10', '0.01 0.00'], // rate 0.005 rounds half-up to 0.01
    ['100.00', '0', '10', '0.00 0.00'],
    ['472.11', '400.00', '10', '84.73 8.47'],
  ])('budget %s, executed %s, 分值 %s → %s', (annual, executed, weight, expected) => {
    expect(funds(annual, executed, weight)).toBe(expected);
  });
  it('refuses a zero budget and bad amounts with a reason', () => {
    expect(funds('0.00', '1.00')).toContain('全年预算数为 0');
    expect(funds('abc', '1.00')).toContain('全年预算数');
    expect(funds('100.00', '1.00', '-1')).toContain('分值');
  });
});

describe('positive targets (≥, >, = or a bare number)', () => {
  it.each([
    ['≥95%', '98%', '10.00'],
    ['≥95%', '95%', '10.00'],
    ['≥95%', '76%', '8.00'],
    ['≥100 件', '0', '0.00'],
    ['大于等于 8 件', '1', '1.25'],
    ['>3 次', '3', '10.00'], // at the target itself the proportion is 1
    ['31 个', '30', '9.68'],
    ['≥200 万元', '1500000元', '7.50'], // money converted: 150 万元 of 200
    ['正向 95%', '57%', '6.00'],
  ])('%s, actual %s, 分值 10 → %s', (target, actual, expected) => {
    expect(points(target, actual)).toBe(expected);
  });

  it('rounds half-up at x.xx5, where floats round down', () => {
    // 1 ÷ 8 × 10.2 = 1.275 exactly; (1.275).toFixed(2) is "1.27"
    expect(points('≥8 件', '1', '10.2')).toBe('1.28');
    expect(points('≥8 件', '1', '10.16')).toBe('1.27'); // 1.27
    expect(points('≥400 件', '107', '10')).toBe('2.68'); // 2.675
  });

  it('flags a positive actual at 120% or more of its target (no deduction)', () => {
    expect(scoreIndicator({ target: '≥100 件', actual: '120', weight: '10' })).toMatchObject({ accepted: true, warning: LOW_TARGET_WARNING });
    expect(scoreIndicator({ target: '≥100 件', actual: '119', weight: '10' })).not.toHaveProperty('warning');
    expect(scoreIndicator({ target: '≤100 件', actual: '10', weight: '10' })).not.toHaveProperty('warning');
  });

  it('a target of 0 with "=": actual ≤ 0 → full, else 0', () => {
    expect(points('0 起', '0')).toBe('10.00');
    expect(points('=0 起', '0')).toBe('10.00');
    expect(points('﹦0 起', '1')).toBe('0.00');
    expect(points('0 起', '3')).toBe('0.00');
  });
});

describe('negative targets (≤ or <)', () => {
  it.each([
    ['≤10 件', '10', '10.00'],
    ['≤10 件', '8', '10.00'],
    ['≤10 件', '12', '8.00'], // (1 − (12 − 10) ÷ 10) × 10
    ['≤10 件', '19', '1.00'],
    ['≤10 件', '19.99', '0.01'],
    ['≤10 件', '20', '0.00'], // 2 × target
    ['≤10 件', '35', '0.00'],
    ['≤10万元', '95000元', '10.00'],
    ['≤5万元', '55000元', '9.00'],
    ['≤5万元', '5.5', '9.00'],
    ['<10 件', '9', '10.00'],
    ['<10 件', '10', '10.00'], // not met, but nothing over the target to deduct for: the linear rule at its start
    ['≤0 起', '1', '0.00'],
    ['≤60 天', '61 日', '9.83'],
  ])('%s, actual %s, 分值 10 → %s', (target, actual, expected) => {
    expect(points(target, actual)).toBe(expected);
  });
});

describe('units that cannot be compared', () => {
  it('are an error beside the cell, not a score; the table has no total', () => {
    const r = scoreIndicator({ target: '≥95%', actual: '96 人', weight: '10' });
    expect(r).toEqual({ accepted: false, score: null, message: '实际值的单位“人”与指标值的单位“%”不能比较，请按“%”填写' });
    const table = toScoreJson(scoreTable({ indicators: [{ target: '≥95%', actual: '96 人', weight: '10' }, { target: '≥1 个', actual: '1', weight: '90' }] }));
    expect(table).toEqual({
      indicators: [{ score: null, accepted: false, message: expect.stringContaining('不能比较') }, { score: '90.00', accepted: true }],
      total: null,
      grade: null,
    });
  });
});

describe('qualitative targets: the owner picks an answer and a score inside its band', () => {
  const rated = (actual: string, given: string | undefined, weight = '10') => score({ target: '有效提升', actual, weight, ...(given === undefined ? {} : { score: given }) });
  const A = '达成年度指标';
  const P = '部分达成年度指标并具有一定效果';
  const N = '未达成年度指标且效果较差';
  it.each([
    [A, '10', '10.00'],
    [A, '8', '8.00'],
    [A, '9.5', '9.50'],
    [P, '6', '6.00'],
    [P, '7.99', '7.99'],
    [N, '0', '0.00'],
    [N, '5.99', '5.99'],
  ])('%s with %s → %s', (actual, given, expected) => {
    expect(rated(actual, given)).toBe(expected);
  });
  it.each([
    [A, '7.99', '8.00–10.00 分'],
    [A, '10.01', '8.00–10.00 分'],
    [P, '8', '6.00–8.00 分，不含 8.00'],
    [P, '5.99', '6.00–8.00 分，不含 8.00'],
    [N, '6', '0.00–6.00 分，不含 6.00'],
  ])('%s with %s is refused (band %s)', (actual, given, band) => {
    const r = scoreIndicator({ target: '有效提升', actual, weight: '10', score: given });
    expect(r.accepted).toBe(false);
    expect(!r.accepted && r.message).toBe(`得分 ${Number(given).toFixed(2)} 不在“${actual}”的得分范围内（${band}）`);
  });
  it('bands scale with 分值 (15: 达成 12–15)', () => {
    expect(rated(A, '12', '15')).toBe('12.00');
    expect(rated(A, '11.99', '15')).toContain('12.00–15.00 分');
    expect(rated(P, '11.99', '15')).toBe('11.99');
  });
  it('asks for a score, an answer it knows, and two decimals at most', () => {
    expect(rated(A, undefined)).toContain('请按“达成年度指标”给出得分');
    expect(rated('提升明显', '9')).toContain('定性指标');
    expect(rated(A, '9.125')).toContain('最多两位小数');
    expect(rated(A, '-1')).toContain('不小于 0');
  });
});

describe('deadlines', () => {
  const T = '12 月 20 日前完成';
  it('done by the deadline → full', () => {
    expect(points(T, '2024年12月18日完成')).toBe('10.00');
    expect(points(T, '12月20日')).toBe('10.00');
    expect(points(T, '已完成')).toBe('10.00');
    expect(points('2023年12月', '2023年12月31日完成')).toBe('10.00');
    expect(points('年底前完成', '按时完成')).toBe('10.00');
  });
  it('otherwise rated like a text target', () => {
    expect(points(T, '2024年12月28日完成')).toContain('未按期完成');
    expect(points(T, '未完成')).toContain('未按期完成');
    expect(score({ target: T, actual: '2024年12月28日完成', weight: '10', rating: '部分达成年度指标并具有一定效果', score: '7' })).toBe('7.00');
    expect(score({ target: T, actual: '2024年12月28日完成', weight: '10', rating: '部分达成年度指标并具有一定效果', score: '8' })).toContain('不含 8.00');
    expect(score({ target: T, actual: '部分达成年度指标并具有一定效果', weight: '10', score: '6.5' })).toBe('6.50');
  });
});

describe('empty input', () => {
  it('an empty actual is asked for, not scored', () => {
    expect(points('≥95%', '')).toBe('请填写实际完成值');
    expect(points('', '96%')).toBe('年度指标值为空');
  });
});

describe('total and grade', () => {
  it('adds the rounded row scores', () => {
    const t = scoreTable({ indicators: [{ target: '≥8 件', actual: '1', weight: '10.2' }, { target: '≥8 件', actual: '1', weight: '10.2' }] });
    expect(t.total && toFixed(t.total)).toBe('2.56'); // 1.28 + 1.28, not round(2.55)
  });
  it.each([
    ['100', '优'],
    ['90', '优'],
    ['89.99', '良'],
    ['80', '良'],
    ['79.99', '中'],
    ['60', '中'],
    ['59.99', '差'],
    ['0', '差'],
  ])('%s → %s', (total, grade) => {
    expect(gradeOf(parseDecimal(total)!)).toBe(grade);
  });
  it('takes grade thresholds from the profile (80/70/60)', () => {
    expect(gradeOf(parseDecimal('85')!, { excellent: 80, good: 70, pass: 60 })).toBe('优');
    expect(gradeOf(parseDecimal('75')!, { excellent: 80, good: 70, pass: 60 })).toBe('良');
  });
});
