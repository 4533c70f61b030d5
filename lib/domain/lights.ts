/**
 * The warning lights of 绩效运行监控 (issue #14, "The rules"): one for the funds, one per indicator row,
 * and the table's light as the worst of them.
 *
 * Progress is computed exactly (rational arithmetic, money converted to one unit), then rounded half-up
 * to two decimals; the light is decided on that rounded figure, so the number shown beside a row always
 * agrees with its colour (59.994 → 59.99 red; 59.995 → 60.00 yellow).
 */
import {
  dateKey,
  inTargetUnit,
  isCumulativeUnit,
  isNegative,
  meets,
  readCompletion,
  readMeasure,
  readRating,
  readWanyuan,
  type DateMeasure,
  type Rating,
} from './measure';
import { cmp, div, fromNumber, int, mul, ratio, roundHalfUp, toNumber, ZERO, type Ratio } from './ratio';

export type Light = 'red' | 'yellow' | 'green' | 'blue' | 'none';

/** Progress (%) from which a row is yellow, green and blue. Stored in the unit-year's rule profile. */
export type LightThresholds = { yellowFrom: number; greenFrom: number; blueFrom: number };
export const DEFAULT_LIGHT_THRESHOLDS: LightThresholds = { yellowFrom: 60, greenFrom: 80, blueFrom: 120 };

export type LightResult = { light: Light; progress: number | null; message?: string };

export const LIGHT_LABELS: Record<Light, string> = { red: '红', yellow: '黄', green: '绿', blue: '蓝', none: '无' };

const none = (message?: string): LightResult => ({ light: 'none', progress: null, ...(message ? { message } : {}) });

function checkMonth(month: number): string | null {
  return Number.isInteger(month) && month >= 1 && month <= 12 ? null : `月份应为 1–12 的整数，而不是“${month}”`;
}

/** Rounded progress and its light; `hasBlue` is false for funds, where spending ahead is no warning. */
function classify(exact: Ratio, t: LightThresholds, hasBlue: boolean): LightResult {
  const progress = roundHalfUp(exact, 2);
  const at = (n: number) => cmp(progress, fromNumber(n)) >= 0;
  const light: Light = hasBlue && at(t.blueFrom) ? 'blue' : at(t.greenFrom) ? 'green' : at(t.yellowFrom) ? 'yellow' : 'red';
  return { light, progress: toNumber(progress) };
}

export type FundsLightInput = { budget: string; executed: string; month: number };

/** progress = (executed ÷ budget) ÷ (month ÷ 12) × 100, amounts in 万元 with up to two decimals. */
export function fundsLight(input: FundsLightInput, thresholds: LightThresholds = DEFAULT_LIGHT_THRESHOLDS): LightResult {
  const bad = checkMonth(input.month);
  if (bad) return none(bad);
  if (input.executed.trim() === '') return none();
  const budget = readWanyuan(input.budget);
  if (!budget.ok) return none(`全年预算数：${budget.message}`);
  const executed = readWanyuan(input.executed);
  if (!executed.ok) return none(`执行数：${executed.message}`);
  if (cmp(budget.value, ZERO) === 0) return none('全年预算数为 0，无法计算执行进度');
  const exact = div(mul(executed.value, int(1200)), mul(budget.value, int(input.month)));
  return classify(exact, thresholds, false);
}

export type IndicatorLightInput = {
  target: string;
  actual: string;
  month: number;
  /** The row's own 累计/非累计 setting; by default from the unit (see `isCumulativeUnit`). */
  cumulative?: boolean;
  /** The budget year, for deadlines written with a year. */
  year?: number;
};

const RATING_LIGHT: Record<Rating, Light> = { achieved: 'green', partial: 'yellow', 'not-achieved': 'red' };
const QUALITATIVE_HINT = '请填写“达成年度指标”“部分达成年度指标并具有一定效果”或“未达成年度指标且效果较差”';

export function indicatorLight(input: IndicatorLightInput, thresholds: LightThresholds = DEFAULT_LIGHT_THRESHOLDS): LightResult {
  const bad = checkMonth(input.month);
  if (bad) return none(bad);
  const target = readMeasure(input.target);
  if (input.actual.trim() === '') return none();
  if (target.kind === 'empty') return none('年度指标值为空');
  if (target.kind === 'text') {
    const rating = readRating(input.actual);
    return rating ? { light: RATING_LIGHT[rating], progress: null } : none(QUALITATIVE_HINT);
  }
  if (target.kind === 'deadline') return deadlineLight(target, input);
  const actual = readMeasure(input.actual);
  if (actual.kind !== 'quantity') return none(`实际值应为数值（如 ${input.target.trim()} 的写法），而不是“${input.actual.trim()}”`);
  const converted = inTargetUnit(actual, target);
  if (!converted.ok) return none(converted.message);
  const value = converted.value;
  // ≤ and < are limits: met or not, never pro-rated.
  if (isNegative(target.op)) return { light: meets(target.op, value, target.value) ? 'green' : 'red', progress: null };
  const cumulative = input.cumulative ?? isCumulativeUnit(converted.unit);
  const expected = cumulative ? mul(target.value, ratio(BigInt(input.month), 12n)) : target.value;
  // A target of zero or below has no share to measure against: met or not.
  if (cmp(expected, ZERO) <= 0) return { light: meets(target.op, value, target.value) ? 'green' : 'red', progress: null };
  return classify(mul(div(value, expected), int(100)), thresholds, true);
}

function deadlineLight(deadline: DateMeasure, input: IndicatorLightInput): LightResult {
  const rating = readRating(input.actual);
  if (rating) return { light: RATING_LIGHT[rating], progress: null };
  const done = readCompletion(input.actual);
  if (!done) return none('请填写完成日期（如 2024年6月30日完成）、“已完成”或“未完成”');
  // Dates without a year are in the table's year: the one given, else the one the deadline or the answer names.
  const year = input.year ?? deadline.year ?? (done.state === 'done' ? done.date?.year : null) ?? null;
  const due = dateKey(deadline, year);
  if (done.state === 'done') {
    // Done with no date given means done in time; done on a date after the deadline is late.
    return { light: done.date === null || dateKey(done.date, year) <= due ? 'green' : 'red', progress: null };
  }
  if (done.state === 'late') return { light: 'red', progress: null };
  const periodEnd = dateKey({ year: null, month: input.month, day: null }, year);
  return { light: periodEnd > due ? 'red' : 'green', progress: null };
}

const SEVERITY: Record<Light, number> = { none: 0, blue: 1, green: 2, yellow: 3, red: 4 };

/** A table's light: the worst of its lights (red > yellow > green > blue); rows without a light do not count. */
export function worstLight(lights: readonly Light[]): Light {
  return lights.reduce<Light>((worst, l) => (SEVERITY[l] > SEVERITY[worst] ? l : worst), 'none');
}
