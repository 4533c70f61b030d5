/**
 * The one library search: the editor's suggestions, 挑选指标 and `pt library search` all call it.
 * What counts is scoped to what the caller may see: an administrator every unit, anyone else their units.
 */
import { entrySources, searchEntries, topFacets, type EntrySource, type FacetCount, type FacetKind } from '@/db/queries/library';
import { unitsWith, type Actor } from '@/lib/auth/permissions';
import { normaliseQuery } from './learn';

export type LibraryQuery = {
  q: string;
  /** The row's 二级: its entries come first. */
  preferLevel2?: string | undefined;
  level1?: string | undefined;
  level2?: string | undefined;
  /** Only uses in this unit (within what the caller may see). */
  unitId?: number | undefined;
  isStandardOnly?: boolean | undefined;
  limit?: number | undefined;
};

export type LibraryEntry = {
  id: number;
  level1: string;
  level2: string;
  name: string;
  uses: number;
  /** Most common first. */
  values: { value: string; count: number }[];
  units: string[];
  comparators: string[];
  bases: string[];
  descriptions: string[];
  standard: boolean;
  explanation: string | null;
  method: string | null;
  reference: string | null;
  frameworkCode: string | null;
};

export const MAX_LIMIT = 50;
const PER_KIND: Record<FacetKind, number> = { value: 6, unit: 3, comparator: 2, basis: 3, description: 2 };

/** null: every unit; otherwise the units whose tables the actor may view. */
export function libraryScope(actor: Actor): number[] | null {
  return unitsWith(actor, 'project.view');
}

function narrowed(scope: number[] | null, unitId: number | undefined): number[] | null {
  if (unitId === undefined) return scope;
  if (scope === null) return [unitId];
  return scope.includes(unitId) ? [unitId] : [];
}

export async function searchLibrary(scope: number[] | null, query: LibraryQuery): Promise<LibraryEntry[]> {
  const unitIds = narrowed(scope, query.unitId);
  const limit = Math.min(Math.max(1, Math.trunc(query.limit ?? 10)), MAX_LIMIT);
  if (unitIds !== null && unitIds.length === 0 && query.unitId !== undefined) return [];
  const hits = await searchEntries({
    q: normaliseQuery(query.q),
    unitIds,
    preferLevel2: query.preferLevel2,
    level1: query.level1,
    level2: query.level2,
    isStandardOnly: query.isStandardOnly,
    limit,
  });
  const facets = await topFacets(
    hits.map((h) => h.id),
    unitIds,
    PER_KIND,
  );
  const of = (id: number, kind: FacetKind): FacetCount[] => facets.filter((f) => f.entryId === id && f.kind === kind);
  return hits.map((h) => ({
    id: h.id,
    level1: h.level1,
    level2: h.level2,
    name: h.name,
    uses: h.uses,
    values: of(h.id, 'value').map((f) => ({ value: f.text, count: f.count })),
    units: of(h.id, 'unit').map((f) => f.text),
    comparators: of(h.id, 'comparator').map((f) => f.text),
    bases: of(h.id, 'basis').map((f) => f.text),
    descriptions: of(h.id, 'description').map((f) => f.text),
    standard: h.isStandard,
    explanation: h.explanation,
    method: h.method,
    reference: h.reference,
    frameworkCode: h.frameworkCode,
  }));
}

/** The approved tables an entry came from, within the caller's scope. */
export async function sourcesOf(scope: number[] | null, entryId: number, limit = 20): Promise<EntrySource[]> {
  return entrySources(entryId, scope, limit);
}

/** The JSON of `pt library search` (issue 16, item 9). */
export function cliJson(entries: readonly LibraryEntry[]): { entries: unknown[] } {
  return {
    entries: entries.map((e) => ({ level1: e.level1, level2: e.level2, name: e.name, uses: e.uses, values: e.values, units: e.units, bases: e.bases, standard: e.standard })),
  };
}
