import { findCategory, type CategoryRole, type Framework } from '../framework';
import { parseWanyuan } from '../money';
import type { IndicatorRow } from '../table';

export function roleOf(framework: Framework, row: IndicatorRow): CategoryRole | null {
  return findCategory(framework, row.level2)?.category.role ?? null;
}

/** A cost quantity in 万元 (元 converted), or null when its unit is not money. */
export function costInWanyuan(row: IndicatorRow): number | null {
  const t = row.target;
  if (t.kind !== 'quantity') return null;
  if (t.unit === '万元') return t.number;
  if (t.unit === '元') return t.number / 10_000;
  return null;
}

export function budgetWanyuan(total: string): number | null {
  const r = parseWanyuan(total);
  return r.ok ? r.yuan / 10_000 : null;
}

export const TIME_UNITS = new Set(['天', '日', '工作日', '小时', '分钟', '秒', '个月', '月', '年', '周', '个工作日', '季度']);

export function rowPath(i: number, field: string): string {
  return `indicators.${i}.${field}`;
}

export function groupPath(level1: string, level2: string): string {
  return `group:${level1}/${level2}`;
}

/** Two-character shingles, for comparing names that differ by a word or a typo. */
export function similarity(a: string, b: string): number {
  const grams = (s: string) => {
    const out = new Map<string, number>();
    for (let i = 0; i < s.length - 1; i++) out.set(s.slice(i, i + 2), (out.get(s.slice(i, i + 2)) ?? 0) + 1);
    return out;
  };
  const ga = grams(a);
  const gb = grams(b);
  let shared = 0;
  for (const [g, n] of ga) shared += Math.min(n, gb.get(g) ?? 0);
  const total = Math.max(1, a.length - 1 + b.length - 1);
  return (2 * shared) / total;
}
