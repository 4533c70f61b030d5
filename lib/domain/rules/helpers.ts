import { findCategory, type CategoryRole, type Framework } from '../framework';
import { parseWanyuan } from '../money';
import type { IndicatorRow } from '../table';

export function roleOf(framework: Framework, row: IndicatorRow): CategoryRole | null {
  return findCategory(framework, row.level2)?.category.role ?? null;
}

/** 分 (0.01 元) per unit of each money unit a cost target may be written in (a bare 万 or 亿 in a cost target is money too). */
const FEN_PER_UNIT: Readonly<Record<string, number>> = {
  元: 100,
  千元: 100_000,
  万: 1_000_000,
  万元: 1_000_000,
  亿: 10_000_000_000,
  百万元: 100_000_000,
  亿元: 10_000_000_000,
};

/** A cost quantity in whole 分 (exact, so 0.001 亿元 equals 10.00 万元), or null when its unit is not money. */
export function costInFen(row: IndicatorRow): number | null {
  const t = row.target;
  if (t.kind !== 'quantity') return null;
  const factor = FEN_PER_UNIT[t.unit];
  return factor === undefined ? null : Math.round(t.number * factor);
}

/** The budget total in whole 分, or null when it is not a valid amount. */
export function budgetFen(total: string): number | null {
  const r = parseWanyuan(total);
  return r.ok ? r.yuan * 100 : null;
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
