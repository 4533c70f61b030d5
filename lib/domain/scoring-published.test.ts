/**
 * A real published 自评表 re-scored: where the unit followed the standard rules, the product's scores are
 * the same to the cent; where it did not, the test says where and why.
 */
import { describe, expect, it } from 'vitest';
import published from './testing/selfeval-tangxi-2022.json';
import { readMeasure } from './measure';
import { toFixed } from './ratio';
import { scoreFunds, scoreIndicator } from './scoring';

const twoDecimals = (s: string) => Number(s).toFixed(2);

describe('棠溪镇 2022 委托业务项目 (published 自评表)', () => {
  it('re-scores every quantitative row to the published score, to the cent', () => {
    const quantitative = published.indicators.filter((r) => readMeasure(r.target).kind === 'quantity');
    expect(quantitative.map((r) => r.name)).toEqual(['基建工程委托业务项目数量', '委托业务报告合格率', '项目总成本']);
    for (const row of quantitative) {
      const r = scoreIndicator({ target: row.target, actual: row.actual, weight: row.weight });
      expect(r.accepted && toFixed(r.score), row.name).toBe(twoDecimals(row.score));
    }
  });

  it("accepts every qualitative row's published score inside the band of its answer (达成: 80–100%)", () => {
    for (const row of published.indicators.filter((r) => readMeasure(r.target).kind === 'text')) {
      const r = scoreIndicator({ target: row.target, actual: row.actual, weight: row.weight, score: row.score });
      expect(r.accepted && toFixed(r.score), row.name).toBe(twoDecimals(row.score));
    }
  });

  it('the 产出 and 效益 weights follow the standard 50 and 30', () => {
    const total = (level1: string) => published.indicators.filter((r) => r.level1 === level1).reduce((n, r) => n + Number(r.weight), 0);
    expect([total('产出指标'), total('效益指标')]).toEqual([50, 30]);
  });

  it('differs on the funds: the published 年度资金总额 row was left at 0, its sub-row holds the money', () => {
    const [totalRow, fiscal] = published.funds.rows;
    expect([totalRow!.rate, totalRow!.score]).toEqual(['0', '0']);
    // Scored from the amounts the table does carry (全年预算数 89.974, 执行数 89.974 万元, to the 元):
    const r = scoreFunds({ annual: fiscal!.annual, executed: fiscal!.executed, weight: totalRow!.weight ?? '' });
    expect(r.accepted && [toFixed(r.rate), toFixed(r.score)]).toEqual(['100.00', '10.00']);
  });
});
