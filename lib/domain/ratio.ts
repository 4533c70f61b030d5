/**
 * Exact rational numbers (BigInt numerator over a positive BigInt denominator) for the arithmetic of
 * lights and scores: 95000 元 ÷ 10 万元, actual ÷ (target × 7 ÷ 12) and a score rounded half-up at
 * x.xx5 are all exact, so a boundary (progress exactly 60, a score of exactly 2.675) is never missed
 * by binary floating point.
 */
export type Ratio = { readonly num: bigint; readonly den: bigint };

const abs = (n: bigint) => (n < 0n ? -n : n);
function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export function ratio(num: bigint, den: bigint = 1n): Ratio {
  if (den === 0n) throw new RangeError('除数为零');
  if (den < 0n) [num, den] = [-num, -den];
  const g = gcd(num, den);
  return g > 1n ? { num: num / g, den: den / g } : { num, den };
}

export const ZERO = ratio(0n);
export const int = (n: number | bigint): Ratio => ratio(BigInt(n));

const DECIMAL = /^([+-])?(\d*)(?:\.(\d*))?(?:e([+-]?\d+))?$/i;

/**
 * A decimal text (`"472.11"`, `"-3.5"`, `"1e-7"`, `"1,200"`) read exactly, or null. The target parser
 * holds its number as a JS number; `String(n)` is the shortest text that reads back as that number, so
 * `fromNumber` recovers what was written for any value of up to 15 significant digits.
 */
export function parseDecimal(text: string): Ratio | null {
  const m = DECIMAL.exec(text.trim().replace(/,/g, ''));
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return null;
  const frac = m[3] ?? '';
  const exp = Number(m[4] ?? 0) - frac.length;
  if (Math.abs(exp) > 400) return null;
  let num = BigInt(`${m[2] || '0'}${frac}`);
  if (m[1] === '-') num = -num;
  return exp >= 0 ? ratio(num * 10n ** BigInt(exp)) : ratio(num, 10n ** BigInt(-exp));
}

export function fromNumber(n: number): Ratio {
  const r = parseDecimal(String(n));
  if (!r) throw new RangeError(`不是有限数：${n}`);
  return r;
}

export const add = (a: Ratio, b: Ratio): Ratio => ratio(a.num * b.den + b.num * a.den, a.den * b.den);
export const sub = (a: Ratio, b: Ratio): Ratio => ratio(a.num * b.den - b.num * a.den, a.den * b.den);
export const mul = (a: Ratio, b: Ratio): Ratio => ratio(a.num * b.num, a.den * b.den);
export const div = (a: Ratio, b: Ratio): Ratio => ratio(a.num * b.den, a.den * b.num);
export const cmp = (a: Ratio, b: Ratio): number => {
  const d = a.num * b.den - b.num * a.den;
  return d < 0n ? -1 : d > 0n ? 1 : 0;
};
export const min = (a: Ratio, b: Ratio): Ratio => (cmp(a, b) <= 0 ? a : b);
export const sum = (values: readonly Ratio[]): Ratio => values.reduce(add, ZERO);

/** Rounded half away from zero (Excel's ROUND, what 四舍五入 means) to `places` decimals, as a scaled integer. */
function roundScaled(r: Ratio, places: number): bigint {
  const scale = 10n ** BigInt(places);
  const n = abs(r.num) * scale;
  let q = n / r.den;
  if ((n % r.den) * 2n >= r.den) q += 1n;
  return r.num < 0n ? -q : q;
}

/** Rounded half-up (四舍五入) to `places` decimals, as an exact value. */
export function roundHalfUp(r: Ratio, places = 2): Ratio {
  return ratio(roundScaled(r, places), 10n ** BigInt(places));
}

/** `"9.50"`: rounded half-up and printed with exactly `places` decimals. */
export function toFixed(r: Ratio, places = 2): string {
  const q = roundScaled(r, places);
  const digits = abs(q).toString().padStart(places + 1, '0');
  const sign = q < 0n ? '-' : '';
  return places === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -places)}.${digits.slice(-places)}`;
}

/** For reporting only (JSON `progress`); never compare with this. */
export const toNumber = (r: Ratio): number => Number(toFixed(r, 12));
