/**
 * The scoring of the 项目支出绩效自评表 (issue #15, item 3): one implementation for the editor, the server
 * and `pt selfeval score`. Every figure is exact (rational arithmetic) until a row's score is rounded
 * half-up to two decimals; the total adds those rounded row scores, as the printed table does.
 */
import {
  dateKey,
  inTargetUnit,
  isNegative,
  meets,
  readCompletion,
  readMeasure,
  readRating,
  readWanyuan,
  RATING_LABELS,
  type DateMeasure,
  type Rating,
} from './measure';
import { add, cmp, div, fromNumber, int, min, mul, parseDecimal, ratio, roundHalfUp, sub, toFixed, ZERO, type Ratio } from './ratio';

export type Grade = '优' | '良' | '中' | '差';
/** Lowest total of each grade. Stored in the unit-year's rule profile (some provinces use 80/70/60). */
export type GradeThresholds = { excellent: number; good: number; pass: number };
export const DEFAULT_GRADE_THRESHOLDS: GradeThresholds = { excellent: 90, good: 80, pass: 60 };

export const LOW_TARGET_WARNING = '指标值设定偏低';

export type Scored = { accepted: true; score: Ratio; warning?: string } | { accepted: false; score: null; message: string };
export type FundsScored = ({ accepted: true; rate: Ratio; score: Ratio }) | { accepted: false; rate: null; score: null; message: string };

const refuse = (message: string): Scored => ({ accepted: false, score: null, message });

/** A 分值 or a given 得分: a number of at most two decimals, not negative. */
export function readPoints(text: string, label: string): { ok: true; value: Ratio } | { ok: false; message: string } {
  const s = text.trim().replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const value = /^\d+(?:\.\d{1,2})?$/.test(s) ? parseDecimal(s) : null;
  if (!value) return { ok: false, message: `${label}应为不小于 0、最多两位小数的数，而不是“${text.trim()}”` };
  return { ok: true, value };
}

export type FundsScoreInput = { annual: string; executed: string; weight: string };

/** 执行率 = 全年执行数 ÷ 全年预算数 × 100; 得分 = min(执行率 ÷ 100 × 分值, 分值), from the unrounded rate. */
export function scoreFunds(input: FundsScoreInput): FundsScored {
  const fail = (message: string): FundsScored => ({ accepted: false, rate: null, score: null, message });
  const weight = readPoints(input.weight, '分值');
  if (!weight.ok) return fail(weight.message);
  const annual = readWanyuan(input.annual);
  if (!annual.ok) return fail(`全年预算数：${annual.message}`);
  const executed = readWanyuan(input.executed);
  if (!executed.ok) return fail(`全年执行数：${executed.message}`);
  if (cmp(annual.value, ZERO) === 0) return fail('全年预算数为 0，无法计算执行率');
  const share = div(executed.value, annual.value);
  return { accepted: true, rate: roundHalfUp(mul(share, int(100))), score: roundHalfUp(min(mul(share, weight.value), weight.value)) };
}

export type IndicatorScoreInput = {
  target: string;
  actual: string;
  weight: string;
  /** The owner's score, for qualitative targets and deadlines not met. */
  score?: string;
  /** The owner's rating of a deadline not met (one of the three answers); the actual itself may be it. */
  rating?: string;
};

/** The band of each answer, as fractions of 分值: [from, to] and whether `to` itself is in. */
const BANDS: Record<Rating, { from: Ratio; to: Ratio; includesTo: boolean }> = {
  achieved: { from: ratio(8n, 10n), to: int(1), includesTo: true },
  partial: { from: ratio(6n, 10n), to: ratio(8n, 10n), includesTo: false },
  'not-achieved': { from: ZERO, to: ratio(6n, 10n), includesTo: false },
};

const RATING_HINT = `请选择“${RATING_LABELS.achieved}”“${RATING_LABELS.partial}”或“${RATING_LABELS['not-achieved']}”并给分`;

/** The owner's score for a rated row, accepted only inside the band of the chosen answer. */
export function scoreInBand(rating: Rating, weight: Ratio, given: string | undefined): Scored {
  if (given === undefined || given.trim() === '') return refuse(`请按“${RATING_LABELS[rating]}”给出得分（${bandText(rating, weight)}）`);
  const points = readPoints(given, '得分');
  if (!points.ok) return refuse(points.message);
  const band = BANDS[rating];
  const low = mul(band.from, weight);
  const high = mul(band.to, weight);
  const aboveHigh = band.includesTo ? cmp(points.value, high) > 0 : cmp(points.value, high) >= 0;
  if (cmp(points.value, low) < 0 || aboveHigh) {
    return refuse(`得分 ${toFixed(points.value)} 不在“${RATING_LABELS[rating]}”的得分范围内（${bandText(rating, weight)}）`);
  }
  return { accepted: true, score: roundHalfUp(points.value) };
}

function bandText(rating: Rating, weight: Ratio): string {
  const band = BANDS[rating];
  const to = toFixed(mul(band.to, weight));
  return `${toFixed(mul(band.from, weight))}–${to} 分${band.includesTo ? '' : `，不含 ${to}`}`;
}

export function scoreIndicator(input: IndicatorScoreInput): Scored {
  const weightRead = readPoints(input.weight, '分值');
  if (!weightRead.ok) return refuse(weightRead.message);
  const weight = weightRead.value;
  const target = readMeasure(input.target);
  if (target.kind === 'empty') return refuse('年度指标值为空');
  if (input.actual.trim() === '') return refuse('请填写实际完成值');
  if (target.kind === 'text') {
    const rating = readRating(input.rating ?? input.actual);
    return rating ? scoreInBand(rating, weight, input.score) : refuse(`定性指标：${RATING_HINT}`);
  }
  if (target.kind === 'deadline') return scoreDeadline(target, input, weight);
  const actual = readMeasure(input.actual);
  if (actual.kind !== 'quantity') return refuse(`实际完成值应为数值，而不是“${input.actual.trim()}”`);
  const converted = inTargetUnit(actual, target);
  if (!converted.ok) return refuse(converted.message);
  const value = converted.value;
  const t = target.value;
  if (meets(target.op, value, t)) {
    const isFarAbove = !isNegative(target.op) && cmp(t, ZERO) > 0 && cmp(value, mul(t, ratio(12n, 10n))) >= 0;
    return { accepted: true, score: roundHalfUp(weight), ...(isFarAbove ? { warning: LOW_TARGET_WARNING } : {}) };
  }
  // A target of zero or below cannot be shared out: not met scores nothing.
  if (cmp(t, ZERO) <= 0) return { accepted: true, score: ZERO };
  if (isNegative(target.op)) {
    if (cmp(value, mul(t, int(2))) >= 0) return { accepted: true, score: ZERO };
    return { accepted: true, score: roundHalfUp(mul(sub(int(1), div(sub(value, t), t)), weight)) };
  }
  const share = div(value, t);
  return { accepted: true, score: cmp(share, ZERO) <= 0 ? ZERO : roundHalfUp(mul(share, weight)) };
}

function scoreDeadline(deadline: DateMeasure, input: IndicatorScoreInput, weight: Ratio): Scored {
  const rated = readRating(input.rating ?? '') ?? readRating(input.actual);
  if (rated) return scoreInBand(rated, weight, input.score);
  const done = readCompletion(input.actual);
  if (!done) return refuse('请填写完成日期（如 2024年12月20日完成）、“已完成”或“未完成”');
  if (done.state === 'done') {
    const year = deadline.year ?? done.date?.year ?? null;
    if (done.date === null || dateKey(done.date, year) <= dateKey(deadline, year)) return { accepted: true, score: roundHalfUp(weight) };
  }
  return refuse(`未按期完成：${RATING_HINT}`);
}

export function gradeOf(total: Ratio, thresholds: GradeThresholds = DEFAULT_GRADE_THRESHOLDS): Grade {
  const at = (n: number) => cmp(total, fromNumber(n)) >= 0;
  return at(thresholds.excellent) ? '优' : at(thresholds.good) ? '良' : at(thresholds.pass) ? '中' : '差';
}

export type TableScoreInput = { funds?: FundsScoreInput; indicators: IndicatorScoreInput[] };
export type TableScored = { funds: FundsScored | null; indicators: Scored[]; total: Ratio | null; grade: Grade | null };

/** 自评得分 = funds score + Σ row scores; no total (and no grade) while any row is not accepted. */
export function scoreTable(input: TableScoreInput, thresholds: GradeThresholds = DEFAULT_GRADE_THRESHOLDS): TableScored {
  const funds = input.funds ? scoreFunds(input.funds) : null;
  const indicators = input.indicators.map(scoreIndicator);
  const parts = [...(funds ? [funds.score] : []), ...indicators.map((r) => r.score)];
  if (parts.some((p) => p === null)) return { funds, indicators, total: null, grade: null };
  const total = (parts as Ratio[]).reduce(add, ZERO);
  return { funds, indicators, total, grade: gradeOf(total, thresholds) };
}

/** Two decimals, as the 自评表 prints them. */
export type ScoreJson = {
  funds?: { rate: string | null; score: string | null; accepted?: false; message?: string };
  indicators: { score: string | null; accepted: boolean; message?: string; warning?: string }[];
  total: string | null;
  grade: Grade | null;
};

/** The shape `pt selfeval score` prints and the editor shows: figures as strings with two decimals. */
export function toScoreJson(t: TableScored): ScoreJson {
  const fixed = (r: Ratio | null) => (r === null ? null : toFixed(r));
  return {
    ...(t.funds
      ? { funds: t.funds.accepted ? { rate: fixed(t.funds.rate), score: fixed(t.funds.score) } : { rate: null, score: null, accepted: false, message: t.funds.message } }
      : {}),
    indicators: t.indicators.map((r) =>
      r.accepted ? { score: fixed(r.score), accepted: true, ...(r.warning ? { warning: r.warning } : {}) } : { score: null, accepted: false, message: r.message },
    ),
    total: fixed(t.total),
    grade: t.grade,
  };
}
