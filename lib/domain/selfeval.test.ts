import { describe, expect, it } from 'vitest';
import { centsOf, centsText, evaluateSelfEval, gradeOfCents, selfEvalEntriesFor, type SelfEvalData, type SelfEvalTargetRow } from './selfeval';

const row = (key: string, value: string, isPlaceholder = false): SelfEvalTargetRow => ({ key, level1: '产出指标', level2: '数量指标', name: key, value, isPlaceholder });
const rows = [row('a', '≥95%'), row('b', '有效提升'), row('p', '无生态效益指标', true), row('c', '2024年12月')];

function data(over: Partial<Record<'a' | 'b' | 'c', Partial<SelfEvalData['entries'][number]>>> = {}): SelfEvalData {
  const base = { score: '', rating: null, deviation: '' };
  return {
    funds: { initial: '100.00', annual: '100.00', executed: '95.00', weight: '10' },
    goalActual: '',
    entries: [
      { rowKey: 'a', actual: '98%', weight: '40', ...base, ...over.a },
      { rowKey: 'b', actual: '服务质量明显提升', weight: '25', ...base, rating: 'achieved', score: '25', ...over.b },
      { rowKey: 'c', actual: '2024年12月20日完成', weight: '25', ...base, ...over.c },
    ],
  };
}

describe('evaluating a 自评表', () => {
  it('adds funds and rows into the total and grade, with nothing to fix', () => {
    const e = evaluateSelfEval(data(), rows);
    expect(e.funds).toEqual({ rate: '95.00', score: '9.50' });
    expect(e.rows['a']).toMatchObject({ score: '40.00', isBelowFull: false, isRated: false });
    expect(e.rows['b']).toMatchObject({ score: '25.00', isRated: true });
    expect(e).toMatchObject({ total: '99.50', grade: '优', problems: [] });
    expect(e.rows['p']).toBeUndefined();
  });

  it('asks the band and a score inside it for a text target, beside the 得分 cell', () => {
    const none = evaluateSelfEval(data({ b: { rating: null, score: '' } }), rows);
    expect(none.total).toBeNull();
    expect(none.problems[0]).toMatchObject({ path: 'entries.1.actual' });
    const outside = evaluateSelfEval(data({ b: { rating: 'partial', score: '20', deviation: '' } }), rows);
    expect(outside.problems[0]).toEqual({ path: 'entries.1.score', message: '得分 20.00 不在“部分达成年度指标并具有一定效果”的得分范围内（15.00–20.00 分，不含 20.00）' });
    const inside = evaluateSelfEval(data({ b: { rating: 'partial', score: '19.99' } }), rows);
    expect(inside.problems).toEqual([{ path: 'entries.1.deviation', message: '得分低于分值，请填写偏差原因分析及改进措施' }]);
  });

  it('rates a late deadline like a text target', () => {
    const late = evaluateSelfEval(data({ c: { actual: '2025年2月完成' } }), rows);
    expect(late.rows['c']).toMatchObject({ score: null, isRated: true });
    const rated = evaluateSelfEval(data({ c: { actual: '2025年2月完成', rating: 'partial', score: '16', deviation: '采购延误' } }), rows);
    expect(rated.rows['c']).toMatchObject({ score: '16.00', isBelowFull: true });
    expect(rated.problems).toEqual([]);
  });

  it('flags a target set too low and says when the 分值 do not add up to 100', () => {
    const e = evaluateSelfEval(data({ a: { actual: '120%', weight: '45' } }), rows);
    expect(e.rows['a']!.warning).toBe('指标值设定偏低');
    expect(e.weights).toEqual({ total: '105.00', isHundred: false, message: '分值合计为 105.00，应为 100：请调整各项分值' });
    expect(e.problems.map((p) => p.path)).toEqual(['weights']);
  });

  it('keeps one entry per real row, in the order of the table', () => {
    expect(selfEvalEntriesFor(rows, data().entries.slice().reverse()).map((e) => e.rowKey)).toEqual(['a', 'b', 'c']);
  });

  it('counts in cents and grades at the thresholds', () => {
    expect(centsOf('89.99')).toBe(8999);
    expect(centsText(8005)).toBe('80.05');
    expect([9000, 8999, 8000, 6000, 5999].map((c) => gradeOfCents(c))).toEqual(['优', '良', '良', '中', '差']);
  });
});
