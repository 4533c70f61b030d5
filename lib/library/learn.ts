/**
 * What one approved table teaches the library: its indicator rows grouped by entry key, with the
 * values, units, comparators, bases and descriptions they used. Pure, so the approval hook, the
 * rebuild and the tests share it.
 */
import { normaliseName } from '@/lib/domain/indicator-name';
import { parseTarget } from '@/lib/domain/target-value-parse';
import { renderTarget } from '@/lib/domain/target-value-render';

export const FACET_KINDS = ['value', 'unit', 'comparator', 'basis', 'description'] as const;
export type FacetKind = (typeof FACET_KINDS)[number];

export type LearnableRow = {
  level1: string;
  level2: string;
  name: string;
  description: string;
  value: string;
  comparator: string | null;
  unit: string | null;
  basis: string;
  isPlaceholder: boolean;
};

export type EntryKey = { level1: string; level2: string; nameKey: string };

/** One entry's share of a table: the name as written and how often each facet text occurs. */
export type Contribution = EntryKey & { name: string; facets: Map<string, number> };

export { normaliseName };

/** The search text: the same folding as names, so a query matches what the key holds. */
export const normaliseQuery = normaliseName;

/** `无经济效益指标` rows (flagged or not) and empty names are never entries. */
export function isPlaceholderRow(row: Pick<LearnableRow, 'name' | 'isPlaceholder'>): boolean {
  const name = normaliseName(row.name);
  return row.isPlaceholder || name === '' || /^无.*指标$/u.test(name) || name === '无';
}

/** The value as the published tables print it (`≥ 90 %` and `≥90%` count as one). */
export function valueText(value: string): string {
  const trimmed = value.trim();
  const printed = trimmed ? renderTarget(parseTarget(trimmed)) : null;
  return printed ?? trimmed;
}

export const facetId = (kind: FacetKind, text: string) => `${kind}\u0000${text}`;

export function splitFacetId(id: string): { kind: FacetKind; text: string } {
  const at = id.indexOf('\u0000');
  return { kind: id.slice(0, at) as FacetKind, text: id.slice(at + 1) };
}

export const entryKeyId = (k: EntryKey) => `${k.level1}\u0000${k.level2}\u0000${k.nameKey}`;

function add(facets: Map<string, number>, kind: FacetKind, text: string | null | undefined): void {
  const t = (text ?? '').trim();
  if (!t) return;
  const id = facetId(kind, t.slice(0, 500));
  facets.set(id, (facets.get(id) ?? 0) + 1);
}

/** The table's rows grouped by entry key (a name used twice in one table is one use with both values). */
export function contributionsOf(rows: readonly LearnableRow[]): Contribution[] {
  const byKey = new Map<string, Contribution>();
  for (const row of rows) {
    if (isPlaceholderRow(row)) continue;
    const key: EntryKey = { level1: row.level1.trim(), level2: row.level2.trim(), nameKey: normaliseName(row.name) };
    const id = entryKeyId(key);
    let c = byKey.get(id);
    if (!c) {
      c = { ...key, name: row.name.trim(), facets: new Map() };
      byKey.set(id, c);
    }
    add(c.facets, 'value', valueText(row.value));
    add(c.facets, 'unit', row.unit);
    add(c.facets, 'comparator', row.comparator);
    add(c.facets, 'basis', row.basis);
    add(c.facets, 'description', row.description);
  }
  return [...byKey.values()];
}
