/** The public index of unit-years: searchable once it is longer than a person scans (issue 19 item 14). */
import { formatWanyuan, parseWanyuan } from '@/lib/domain/money';
import type { PublishedUnitYear } from './section';

/** Above this many unit-years the index offers a search. */
export const SEARCH_FROM = 20;

/** Unit-years whose code, name or year contains the query (case-insensitive, spaces ignored at the ends). */
export function searchUnitYears(years: readonly PublishedUnitYear[], query: string | undefined): PublishedUnitYear[] {
  const q = (query ?? '').trim().toLowerCase();
  if (!q) return [...years];
  return years.filter((y) => `${y.unitCode} ${y.unitName} ${y.year}`.toLowerCase().includes(q));
}

/** The 合计 row of a published section's contents: the sum of its tables' 预算数. */
export function sectionTotal(totals: readonly string[]): string {
  return formatWanyuan(totals.reduce((sum, t) => {
    const r = parseWanyuan(t);
    return sum + (r.ok ? r.yuan : 0);
  }, 0));
}
