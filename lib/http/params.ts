/**
 * Numbers and words read from URLs (route segments and query strings), one reader each, so that no
 * page does its own `Number(…)`: `Number('0x1')` is 1, `Number('1e308')` a page no database can
 * skip to, `Number(' 1 ')` 1 again.
 */
import { z } from 'zod';

/** Pages past this are the last page of any list we have. */
export const MAX_PAGE = 100_000;
/** The longest search the lists accept (a unit name is at most 100 characters). */
export const SEARCH_MAX = 100;

const first = (raw: unknown): unknown => (Array.isArray(raw) ? raw[0] : raw);

/** A record id: decimal digits without sign, leading zero or anything else; null when it is not one. */
export function parseId(raw: unknown): number | null {
  const s = first(raw);
  if (typeof s !== 'string' || !/^[1-9]\d{0,14}$/.test(s)) return null;
  return Number(s);
}

/** For zod query schemas: the id, or undefined when the query has none or it is not an id. */
export const idParam = z
  .unknown()
  .transform((raw) => parseId(raw) ?? undefined)
  .optional();

/** A page number: decimal digits, 1 to MAX_PAGE (larger ones are MAX_PAGE); anything else is page 1. */
export function parsePage(raw: unknown): number {
  const s = first(raw);
  if (typeof s !== 'string' || !/^\d+$/.test(s)) return 1;
  const digits = s.replace(/^0+/, '');
  if (digits === '') return 1;
  return digits.length > String(MAX_PAGE).length ? MAX_PAGE : Math.min(MAX_PAGE, Number(digits));
}

/** For zod query schemas: the page number, or undefined when the query has none. */
export const pageParam = z
  .unknown()
  .transform((raw) => (first(raw) === undefined ? undefined : parsePage(raw)))
  .optional();

/** A four-digit year from a route segment, or null. */
export function parseYear(raw: unknown): number | null {
  const s = first(raw);
  return typeof s === 'string' && /^\d{4}$/.test(s) ? Number(s) : null;
}

/** A search term as typed (trimmed); its length is judged by `searchProblem`, so a long one is refused, not dropped. */
export const searchParam = z.string().trim().optional().catch(undefined);

/** Why a search cannot be run (too long), or null. A refused search shows this instead of the whole list. */
export function searchProblem(q: string | undefined): string | null {
  return q !== undefined && q.length > SEARCH_MAX ? `搜索词不能超过 ${SEARCH_MAX} 个字（现在 ${q.length} 个），请缩短后再搜索` : null;
}
