/**
 * A 年度指标值 or an actual (1–X月执行情况, 实际完成值) read the way monitoring and self-evaluation need
 * it: the number exact, the unit comparable, a date comparable. Built on `parseTarget` (the one reader of
 * 指标值); this file only adds what actuals and older tables write around it — a 正向/反向 or 达到 prefix,
 * 年底前 — and the arithmetic of units.
 */
import { toHalfWidth } from '@/lib/format/half-width';
import { parseWanyuan } from './money';
import type { Comparator } from './target-value';
import { parseTarget } from './target-value-parse';
import { cmp, fromNumber, int, mul, div, parseDecimal, ratio, ZERO, type Ratio } from './ratio';

export type QuantityMeasure = { kind: 'quantity'; op: Comparator; value: Ratio; unit: string };
export type DateMeasure = { kind: 'deadline'; year: number | null; month: number; day: number | null };
export type Measure = { kind: 'empty' } | QuantityMeasure | DateMeasure | { kind: 'text'; text: string };

const DIRECTION = /^(正向|反向)(?:指标)?[:：]?/;
const REACH = /^(?:达到|达)/;
/** Year-end and half-year deadlines written without a month. */
const YEAR_WORDS: [RegExp, number][] = [
  [/^(?:\d{4}年)?(?:年底|年末|年内|本年度?内?|当年内?|年度内)(?:之|以)?前?(?:完成|完工|全部完成|办结)?$/, 12],
  [/^(?:\d{4}年)?上半年(?:之|以)?前?(?:内)?(?:完成|完工|全部完成)?$/, 6],
];

/** Reads a target or an actual. Empty (or only spaces) is `empty`; what is neither a quantity nor a date is `text`. */
export function readMeasure(input: string): Measure {
  const text = input.replace(/\s+/g, '');
  if (text === '') return { kind: 'empty' };
  let rest = text;
  const direction = DIRECTION.exec(rest);
  if (direction) rest = rest.slice(direction[0].length);
  const reach = REACH.exec(rest);
  if (reach) rest = rest.slice(reach[0].length);
  for (const [re, month] of YEAR_WORDS) {
    if (re.test(rest)) {
      const year = /^(\d{4})年/.exec(rest);
      return { kind: 'deadline', year: year ? Number(year[1]) : null, month, day: null };
    }
  }
  const t = parseTarget(rest);
  if (t.kind === 'deadline') return { kind: 'deadline', year: t.year, month: t.month, day: t.day };
  if (t.kind === 'text') return { kind: 'text', text: input.trim() };
  // A bare number takes its direction from the prefix: 达到/正向 read as ≥, 反向 as ≤.
  let op = t.op;
  if (op === '=' && (reach || direction?.[1] === '正向')) op = '>=';
  if (op === '=' && direction?.[1] === '反向') op = '<=';
  return { kind: 'quantity', op, value: fromNumber(t.number), unit: t.unit };
}

// ---- units ----

/** Spellings of one unit. */
const ALIASES: Readonly<Record<string, string>> = {
  日: '天',
  个月: '月',
  个工作日: '工作日',
  平米: '平方米',
  '㎡': '平方米',
  'm²': '平方米',
  百分比: '%',
};

/** Money units and their worth in 元. */
const MONEY: Readonly<Record<string, bigint>> = { 元: 1n, 千元: 1000n, 万元: 10_000n, 百万元: 1_000_000n, 亿元: 100_000_000n };

/** Units that are a rate, score or duration: compared with the target itself, never pro-rated. */
const NON_CUMULATIVE = new Set(['%', '‰', '百分点', '分', '天', '小时', '工作日', '月', '分钟', '秒', '周', '年', '季度', '℃', '倍']);

/** A unit as a base and how many of the base one of it is: 万元 = 10000 元, 万人 = 10000 人, ‰ = 0.1 %. */
export function unitParts(unit: string): { base: string; scale: Ratio } {
  const u = ALIASES[unit] ?? unit;
  const money = MONEY[u];
  if (money !== undefined) return { base: '元', scale: ratio(money) };
  if (u === '‰') return { base: '%', scale: ratio(1n, 10n) };
  const big = /^(万|亿)(.+)$/.exec(u);
  if (big && !NON_CUMULATIVE.has(ALIASES[big[2]!] ?? big[2]!)) {
    const inner = unitParts(big[2]!);
    return { base: inner.base, scale: mul(inner.scale, int(big[1] === '万' ? 10_000 : 100_000_000)) };
  }
  return { base: u, scale: int(1) };
}

/** Counts and money add up over the year; rates, scores and durations do not. A bare number counts. */
export function isCumulativeUnit(unit: string): boolean {
  return !NON_CUMULATIVE.has(unitParts(unit).base);
}

export type Converted = { ok: true; value: Ratio; unit: string } | { ok: false; message: string };

/**
 * The actual in the target's unit. An actual written without a unit takes the target's; a target
 * written without one takes the actual's; otherwise the units must share a base (元/万元/亿元, 人/万人).
 */
export function inTargetUnit(actual: QuantityMeasure, target: QuantityMeasure): Converted {
  if (actual.unit === '' || target.unit === '') return { ok: true, value: actual.value, unit: target.unit || actual.unit };
  const t = unitParts(target.unit);
  // Against a money target a bare 万 or 亿 is money too (12万 beside ≤10万元), as the cost rules read it.
  const a = unitParts(t.base === '元' && /^(?:千|万|百万|亿)$/.test(actual.unit) ? `${actual.unit}元` : actual.unit);
  if (a.base !== t.base) {
    return { ok: false, message: `实际值的单位“${actual.unit}”与指标值的单位“${target.unit}”不能比较，请按“${target.unit}”填写` };
  }
  return { ok: true, value: div(mul(actual.value, a.scale), t.scale), unit: target.unit };
}

/**
 * Whether `actual` satisfies the comparison. `=` is a target to reach (at least it), except `=0`, which
 * (0 起 accidents, 0 件 complaints) is met only at zero or below.
 */
export function meets(op: Comparator, actual: Ratio, target: Ratio): boolean {
  const c = cmp(actual, target);
  switch (op) {
    case '>=':
      return c >= 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    case '<':
      return c < 0;
    case '=':
      return cmp(target, ZERO) === 0 ? c <= 0 : c >= 0;
  }
}

export const isNegative = (op: Comparator): boolean => op === '<=' || op === '<';

// ---- dates and qualitative answers ----

function daysInMonth(year: number | null, month: number): number {
  return new Date(Date.UTC(year ?? 2001, month, 0)).getUTCDate();
}

/** A date without a day means the month's end; without a year, the year of the table. */
export function dateKey(d: { year: number | null; month: number; day: number | null }, year: number | null): number {
  const y = d.year ?? year ?? 0;
  return y * 10_000 + d.month * 100 + (d.day ?? daysInMonth(d.year ?? year, d.month));
}

export type Completion = { state: 'done'; date: DateMeasure | null } | { state: 'late' } | { state: 'not-done' };

const NOT_DONE = /未完成|尚未|没有完成|未能完成|未按期|未按时|进行中|推进中|正在|未开始|未启动/;
const LATE = /逾期|延期|超期|延迟|滞后/;
const DONE = /完成|办结|完工|竣工|达成|发放到位|已发放|到位/;

/** How an actual answers a deadline: done (on a date, or by the deadline when none is given), late, or not done. */
export function readCompletion(actual: string): Completion | null {
  const text = actual.replace(/\s+/g, '');
  if (NOT_DONE.test(text) || /^未达成/.test(text)) return { state: 'not-done' };
  if (LATE.test(text)) return { state: 'late' };
  const m = readMeasure(text.replace(/(已|均|全部|按时|按期|如期|提前)/g, ''));
  if (m.kind === 'deadline') return { state: 'done', date: m };
  const date = /(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})[日号])?/.exec(text);
  if (date && DONE.test(text)) {
    const d = readMeasure(date[0]);
    if (d.kind === 'deadline') return { state: 'done', date: d };
  }
  if (DONE.test(text) || /^(?:是|已)$/.test(text)) return { state: 'done', date: null };
  return null;
}

export type Rating = 'achieved' | 'partial' | 'not-achieved';

export const RATING_LABELS: Record<Rating, string> = {
  achieved: '达成年度指标',
  'partial': '部分达成年度指标并具有一定效果',
  'not-achieved': '未达成年度指标且效果较差',
};

/** One of the three answers to a qualitative target; the short forms (部分达成, 未达成, 达成) are read too. */
export function readRating(actual: string): Rating | null {
  const text = actual.replace(/\s+/g, '');
  if (/^未达成/.test(text)) return 'not-achieved';
  if (/^部分达成/.test(text)) return 'partial';
  if (/^(?:已)?达成/.test(text)) return 'achieved';
  return null;
}

// ---- amounts ----

/**
 * An amount in 万元 as an exact value. Budgets are printed with two decimals (parseWanyuan's rule);
 * final accounts often carry the 元 (89.974 万元), so up to six decimals are read exactly as well.
 */
export function readWanyuan(text: string): { ok: true; value: Ratio } | { ok: false; message: string } {
  const r = parseWanyuan(text);
  if (r.ok) return { ok: true, value: ratio(BigInt(r.yuan), 10_000n) };
  const s = toHalfWidth(text.trim()).replace(/,/g, '');
  const exact = /^\d{1,12}\.\d{3,6}$/.test(s) ? parseDecimal(s) : null;
  return exact ? { ok: true, value: exact } : r;
}
