/**
 * A read 自评表 as the scorer's input (`pt selfeval score`): the funds of 年度资金总额 and every row's
 * 指标值, 实际值, 分值 and the published 得分 (the scorer checks a qualitative row's score against its
 * band and computes the others itself), so a published table can be re-scored and compared.
 */
import type { IndicatorScoreInput, TableScoreInput } from '@/lib/domain/scoring';
import type { SelfEvalSheet } from '@/lib/domain/selfeval-sheet';

export function scoreInputOf(sheet: SelfEvalSheet): TableScoreInput {
  const total = sheet.funds.find((f) => f.label === '年度资金总额');
  const funds = total && total.weight !== '' ? { annual: total.annual, executed: total.executed, weight: total.weight } : undefined;
  const indicators = sheet.indicators.map((r): IndicatorScoreInput => ({ target: r.target, actual: r.actual, weight: r.weight, ...(r.score === '' ? {} : { score: r.score }) }));
  return { ...(funds ? { funds } : {}), indicators };
}
