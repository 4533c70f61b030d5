/**
 * A 自评表 (项目支出绩效自评表) evaluated: each row's 得分 by lib/domain/scoring, the total and grade, the
 * check that the 分值 add up to 100, and what must be filled before it can be submitted. Pure, so the
 * editor shows while typing exactly what the server computes and stores on every save.
 */
import { RATING_LABELS, type Rating } from './measure';
import { cmp, parseDecimal, toFixed } from './ratio';
import { checkWeights, type WeightCheck } from './score-weights';
import { DEFAULT_GRADE_THRESHOLDS, readPoints, scoreFunds, scoreIndicator, toScoreJson, type Grade, type GradeThresholds, type Scored } from './scoring';

export const RATINGS = ['achieved', 'partial', 'not-achieved'] as const satisfies readonly Rating[];
export { RATING_LABELS };
export type { Rating };

/** What the owner fills for one indicator row; 分值 and 得分 as typed (two decimals). */
export type SelfEvalEntry = {
  rowKey: string;
  /** 实际完成值. */
  actual: string;
  /** 分值. */
  weight: string;
  /** The owner's 得分 for a text target or a deadline not met; ignored where the score is computed. */
  score: string;
  /** The band picked for a text target or a late deadline; null: none picked. */
  rating: Rating | null;
  /** 偏差原因分析及改进措施. */
  deviation: string;
};

/** Amounts are 万元 text, as in the table editor. */
export type SelfEvalData = {
  funds: { initial: string; annual: string; executed: string; weight: string };
  /** 年度总体目标 实际完成情况. */
  goalActual: string;
  entries: SelfEvalEntry[];
};

/** A row of the table being evaluated: its key and its 年度指标值 in force (approved, or adjusted). */
export type SelfEvalTargetRow = { key: string; level1: string; level2: string; name: string; value: string; isPlaceholder: boolean };

export type SelfEvalProblem = { path: string; message: string };

export type RowResult = {
  /** 得分 with two decimals, null when it cannot be computed yet. */
  score: string | null;
  /** Why it cannot be scored (shown beside the cell). */
  message?: string;
  warning?: string;
  /** Whether the row asks for a band and a given score (text target, late deadline). */
  isRated: boolean;
  /** Scored and below its 分值: 偏差原因分析及改进措施 is required. */
  isBelowFull: boolean;
};

export type SelfEvalEvaluation = {
  funds: { rate: string | null; score: string | null; message?: string };
  rows: Record<string, RowResult>;
  /** 自评得分 with two decimals; null while any row cannot be scored. */
  total: string | null;
  grade: Grade | null;
  weights: WeightCheck;
  /** Errors that block submission (saving is always allowed). */
  problems: SelfEvalProblem[];
};

export function emptySelfEvalEntry(rowKey: string, weight = ''): SelfEvalEntry {
  return { rowKey, actual: '', weight, score: '', rating: null, deviation: '' };
}

/** The entries in the order of the table's rows, one for each row that is not a placeholder. */
export function selfEvalEntriesFor(rows: readonly SelfEvalTargetRow[], saved: readonly SelfEvalEntry[]): SelfEvalEntry[] {
  const byKey = new Map(saved.map((e) => [e.rowKey, e]));
  return rows.filter((r) => !r.isPlaceholder).map((r) => byKey.get(r.key) ?? emptySelfEvalEntry(r.key));
}

function scoreRow(row: SelfEvalTargetRow, e: SelfEvalEntry): Scored {
  return scoreIndicator({
    target: row.value,
    actual: e.actual,
    weight: e.weight,
    ...(e.score.trim() === '' ? {} : { score: e.score }),
    ...(e.rating ? { rating: RATING_LABELS[e.rating] } : {}),
  });
}

/** Whether a row's score comes from the owner's band (a text target, or a deadline the actual does not meet). */
function needsRating(scored: Scored, e: SelfEvalEntry): boolean {
  if (e.rating) return true;
  return !scored.accepted && /请选择“|请按“|不在“/.test(scored.message);
}

const below = (score: string, weight: string): boolean => {
  const w = readPoints(weight, '分值');
  const s = parseDecimal(score);
  return w.ok && s !== null && cmp(s, w.value) < 0;
};

export function evaluateSelfEval(data: SelfEvalData, rows: readonly SelfEvalTargetRow[], thresholds: GradeThresholds = DEFAULT_GRADE_THRESHOLDS): SelfEvalEvaluation {
  const problems: SelfEvalProblem[] = [];
  const fundsScored = toScoreJson({ funds: scoreFunds(data.funds), indicators: [], total: null, grade: null }).funds!;
  const funds = { rate: fundsScored.rate, score: fundsScored.score, ...(fundsScored.message ? { message: fundsScored.message } : {}) };
  if (funds.message) problems.push({ path: 'funds.executed', message: funds.message });
  const target = new Map(rows.map((r) => [r.key, r]));
  const result: Record<string, RowResult> = {};
  const scores: string[] = funds.score === null ? [] : [funds.score];
  let isComplete = funds.score !== null;
  data.entries.forEach((e, i) => {
    const row = target.get(e.rowKey);
    if (!row || row.isPlaceholder) return;
    const scored = scoreRow(row, e);
    const isRated = needsRating(scored, e);
    if (!scored.accepted) {
      isComplete = false;
      result[e.rowKey] = { score: null, message: scored.message, isRated, isBelowFull: false };
      const field = /分值/.test(scored.message) && !/得分/.test(scored.message) ? 'weight' : isRated && e.rating ? 'score' : 'actual';
      problems.push({ path: `entries.${i}.${field}`, message: scored.message });
      return;
    }
    const score = toFixed(scored.score);
    scores.push(score);
    const isBelowFull = below(score, e.weight);
    result[e.rowKey] = { score, isRated, isBelowFull, ...(scored.warning ? { warning: scored.warning } : {}) };
    if (isBelowFull && e.deviation.trim() === '') {
      problems.push({ path: `entries.${i}.deviation`, message: '得分低于分值，请填写偏差原因分析及改进措施' });
    }
  });
  const weights = checkWeights(data.funds.weight, data.entries.filter((e) => target.get(e.rowKey)?.isPlaceholder === false).map((e) => e.weight));
  if (!weights.isHundred) problems.push({ path: 'weights', message: weights.message ?? '分值合计应为 100' });
  if (!isComplete) return { funds, rows: result, total: null, grade: null, weights, problems };
  const cents = scores.reduce((sum, s) => sum + centsOf(s), 0);
  const total = centsText(cents);
  return { funds, rows: result, total, grade: gradeOfCents(cents, thresholds), weights, problems };
}

/** "12.34" → 1234 (scores are non-negative with two decimals). */
export function centsOf(score: string): number {
  const [whole, frac = ''] = score.split('.');
  return Number(whole) * 100 + Number(frac.padEnd(2, '0').slice(0, 2));
}

export function centsText(cents: number): string {
  return `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;
}

export function gradeOfCents(cents: number, t: GradeThresholds = DEFAULT_GRADE_THRESHOLDS): Grade {
  return cents >= t.excellent * 100 ? '优' : cents >= t.good * 100 ? '良' : cents >= t.pass * 100 ? '中' : '差';
}

export const GRADES: readonly Grade[] = ['优', '良', '中', '差'];
