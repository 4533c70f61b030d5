/**
 * Exact amounts. Published tables print 万元 with two decimals; we hold them as integer 元
 * (1 万元 = 10000 元), so sums and comparisons never touch binary floating point.
 */
import { toHalfWidth } from '@/lib/format/half-width';

export type AmountResult = { ok: true; yuan: number } | { ok: false; message: string };

const AMOUNT = /^(\d{1,12})(?:\.(\d*))?$/;
const FULL_WIDTH_DIGITS = /[０-９．，]/g;
/** Commas only between groups of three digits of the whole part: `1,234.56`, never `35,5` or `1,2,3,4`. */
const GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

/** Reads an amount in 万元 (`"472.11"`, `"10"`, `"1,697.97"`) into integer 元. */
export function parseWanyuan(input: string): AmountResult {
  const typed = toHalfWidth(input.trim(), FULL_WIDTH_DIGITS);
  if (typed.includes(',') && !GROUPED.test(typed.replace(/^-/, ''))) {
    return { ok: false, message: `金额中的逗号只能作千位分隔符（每三位一组，如 1,234.56）：“${input.trim()}”` };
  }
  const s = typed.replace(/,/g, '');
  if (s === '') return { ok: false, message: '金额不能为空' };
  if (s.startsWith('-')) return { ok: false, message: `金额不能为负数：${input.trim()}` };
  const m = AMOUNT.exec(s);
  if (!m) return { ok: false, message: `金额格式不正确：“${input.trim()}”，应为以万元计的数字，如 10.00` };
  const frac = m[2] ?? '';
  if (frac.length > 2) {
    return { ok: false, message: `金额最多保留两位小数（万元）：${input.trim()}` };
  }
  const cents = Number(m[1]) * 100 + Number(frac.padEnd(2, '0') || '0');
  if (!Number.isSafeInteger(cents * 100)) return { ok: false, message: `金额过大：${input.trim()}` };
  return { ok: true, yuan: cents * 100 };
}

/** Like parseWanyuan but throws; for values already validated. */
export function wanyuanToYuan(input: string): number {
  const r = parseWanyuan(input);
  if (!r.ok) throw new Error(r.message);
  return r.yuan;
}

/** Integer 元 → `"10.00"` (万元, two decimals). Rounds half up to the nearest 0.01 万元. */
export function formatWanyuan(yuan: number): string {
  const negative = yuan < 0;
  const cents = Math.round(Math.abs(yuan) / 100);
  const whole = Math.floor(cents / 100);
  const frac = String(cents % 100).padStart(2, '0');
  return `${negative ? '-' : ''}${whole}.${frac}`;
}

/** Normalises a valid 万元 string to two places (`"10"` → `"10.00"`), or returns null. */
export function normaliseWanyuan(input: string): string | null {
  const r = parseWanyuan(input);
  return r.ok ? formatWanyuan(r.yuan) : null;
}

export function sumYuan(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
