/**
 * Reading a printed 指标值 into a typed value: a quantity (comparator, number, unit), a deadline
 * (year if given, month, day if given, and what follows the date) or text. Conservative: anything that
 * is not clearly one of the first two is text.
 */
import type { Comparator, TargetValue } from './target-value';
import { toHalfWidth } from '@/lib/format/half-width';

const SYMBOLS: Record<string, Comparator> = { '≥': '>=', '≤': '<=', '=': '=', '>': '>', '<': '<' };

/** Words before the number, longest first so `不低于` is not read as `低于`. */
const PREFIX_WORDS: [string, Comparator][] = [
  ['大于或等于', '>='],
  ['大于等于', '>='],
  ['高于或等于', '>='],
  ['高于等于', '>='],
  ['小于或等于', '<='],
  ['小于等于', '<='],
  ['低于或等于', '<='],
  ['低于等于', '<='],
  ['不低于', '>='],
  ['不少于', '>='],
  ['不小于', '>='],
  ['不高于', '<='],
  ['不超过', '<='],
  ['不多于', '<='],
  ['不大于', '<='],
  ['至少', '>='],
  ['最少', '>='],
  ['最多', '<='],
  ['大于', '>'],
  ['高于', '>'],
  ['多于', '>'],
  ['超过', '>'],
  ['小于', '<'],
  ['低于', '<'],
  ['少于', '<'],
  ['等于', '='],
];

/** Words after the unit. */
const SUFFIX_WORDS: [string, Comparator][] = [
  ['及以上', '>='],
  ['以上', '>='],
  ['及以下', '<='],
  ['以下', '<='],
];

/**
 * A limit written as a span: `3个工作日内`, `3 个工作日内完成`, `30 天以内办结` read as ≤3 个工作日. The
 * row keeps its printed value (printing a typed value never replaces a form that still reads the same).
 */
const WITHIN = /(?:以内|之内|内)(?:完成|办结|完工|办理完毕|办理)?$/;

/** Full-width forms, ASCII pairs and look-alikes folded to one spelling; whitespace dropped. */
export function normaliseValueText(input: string): string {
  return toHalfWidth(input.slice(0, 500))
    .replace(/\s+/g, '')
    .replace(/>=|≧|⩾/g, '≥')
    .replace(/<=|≦|⩽/g, '≤')
    .replace(/[═﹦]/g, '=')
    .replace(/﹥/g, '>')
    .replace(/﹤/g, '<')
    .replace(/[−–]/g, '-')
    .replace(/°C/g, '℃')
    .replace(/，/g, ',');
}

const NUMBER = /^(-?(?:\d{1,15}(?:,\d{3})*(?:\.\d+)?|\.\d+))/;
/** A unit is short (`%`, `件`, `万平方米`, `T`, `人次/年`); longer words or action words make it text. */
const UNIT = /^[%‰℃A-Za-z\u4e00-\u9fa5²³/·]{0,5}$/;
const CJK = /[\u4e00-\u9fa5]/g;
const NOT_A_UNIT = /[完成提升前后内达之的为和或及项目]{2,}|完成|提升|之前|以前|左右|达到|确保|不断|有效|保障/;

function readQuantity(s: string): TargetValue | null {
  let rest = s;
  let op: Comparator | null = null;
  const symbol = SYMBOLS[rest[0] ?? ''];
  if (symbol) {
    op = symbol;
    rest = rest.slice(1);
  } else {
    const word = PREFIX_WORDS.find(([w]) => rest.startsWith(w));
    if (word) {
      op = word[1];
      rest = rest.slice(word[0].length);
    }
  }
  const m = NUMBER.exec(rest);
  if (!m) return null;
  const number = Number(m[1]!.replace(/,/g, ''));
  if (!Number.isFinite(number)) return null;
  rest = rest.slice(m[0].length);
  const suffix = SUFFIX_WORDS.find(([w]) => rest.endsWith(w));
  const within = suffix ? null : WITHIN.exec(rest);
  if (suffix) {
    rest = rest.slice(0, -suffix[0].length);
    op ??= suffix[1];
  } else if (within) {
    rest = rest.slice(0, within.index);
    op ??= '<=';
  }
  if (!UNIT.test(rest) || NOT_A_UNIT.test(rest) || (rest.match(CJK)?.length ?? 0) > 4) return null;
  return { kind: 'quantity', op: op ?? '=', number, unit: rest };
}

const DEADLINE = /^(?:(\d{4})年)?(\d{1,2})月(?:(\d{1,2})[日号])?(.*)$/;
/** What may follow a date in a deadline: 前/之前/以前/底/末/内, 完成…, 止, 截止… */
const DEADLINE_TAIL = /^(?:(?:之|以)?前|底|末|内|止|截止|完成|完工|全部完成|结束|$)/;

/** 2 月 31 日 is no date; 2 月 29 日 is one unless the year is given and not a leap year. */
function isDayOfMonth(year: number | null, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year ?? 2000, month - 1, day));
  return day >= 1 && d.getUTCMonth() === month - 1;
}

function readDeadline(s: string): TargetValue | null {
  const m = DEADLINE.exec(s);
  if (!m) return null;
  const year = m[1] ? Number(m[1]) : null;
  const month = Number(m[2]);
  const day = m[3] ? Number(m[3]) : null;
  const tail = m[4] ?? '';
  if (month < 1 || month > 12 || (day !== null && !isDayOfMonth(year, month, day))) return null;
  if (!DEADLINE_TAIL.test(tail) || tail.length > 20) return null;
  return { kind: 'deadline', year, month, day, ...(tail ? { suffix: tail } : {}) };
}

export function parseTarget(value: string): TargetValue {
  const s = normaliseValueText(value);
  if (s === '') return { kind: 'text' };
  return readDeadline(s) ?? readQuantity(s) ?? { kind: 'text' };
}
