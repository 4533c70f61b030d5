/** Amounts as printed (`854万(…)`, `232200`, `153.5184`) → 万元 with two places, and what was unsure about them. */
import { formatWanyuan } from '@/lib/domain/money';
import { toHalfWidth } from '@/lib/format/half-width';

export type AmountUnit = '元' | '万元';

export type Amount = { wanyuan: string; unsure: string | null };

/**
 * The first number of the cell, in the unit the cell names (`50万`, `3元`) or else `unit`. Rounded to
 * 0.01 万元 (100 元) as the tables print; a rounding that drops digits is reported.
 */
export function readAmount(printed: string, unit: AmountUnit): Amount | null {
  const s = toHalfWidth(printed);
  const m = /(\d[\d,]*(?:\.\d+)?)\s*(万元|万|元)?/.exec(s);
  if (!m) return null;
  const n = Number(m[1]!.replace(/,/g, ''));
  if (!Number.isFinite(n)) return null;
  const own: AmountUnit = m[2] === '元' ? '元' : m[2] ? '万元' : unit;
  const yuan = Math.round(own === '元' ? n : n * 10_000);
  if (!Number.isSafeInteger(yuan * 100)) return null;
  const wanyuan = formatWanyuan(yuan);
  const notes: string[] = [];
  if (yuan % 100 !== 0) notes.push(`${printed.trim()} 四舍五入为 ${wanyuan} 万元`);
  if (s.replace(m[0], '').trim() !== '') notes.push(`单元格“${printed.trim()}”除金额外还有文字，只取了 ${m[1]}`);
  return { wanyuan, unsure: notes.length > 0 ? notes.join('；') : null };
}
