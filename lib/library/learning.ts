/**
 * Keeping the library's aggregate in step with approvals: a table's rows count while it is approved and
 * stop counting when it is reopened. Both run inside the transition's transaction.
 */
import {
  ALL_UNITS,
  applyLibraryDelta,
  deleteSourcesOf,
  isProjectInLibrary,
  learnableProject,
  resolveEntries,
  type LibraryDelta,
} from '@/db/queries/library';
import { contributionsOf, entryKeyId, splitFacetId, type Contribution } from './learn';

export type TableContribution = { projectId: number; unitId: number; contributions: readonly Contribution[] };

/**
 * The signed delta of some tables' contributions once each key is resolved to its entry (a merged key
 * counts towards the entry it was merged into), added up per row of the aggregate.
 */
export async function deltaOf(tables: readonly TableContribution[], sign: 1 | -1): Promise<LibraryDelta> {
  const ids = await resolveEntries(tables.flatMap((t) => t.contributions));
  const delta: LibraryDelta = { sources: [], entryUses: new Map(), unitUses: [], facets: [] };
  const unitUses = new Map<string, LibraryDelta['unitUses'][number]>();
  const facets = new Map<string, LibraryDelta['facets'][number]>();
  const addFacet = (entryId: number, unitId: number, id: string, count: number) => {
    const k = `${entryId}\u0000${unitId}\u0000${id}`;
    const prev = facets.get(k);
    if (prev) prev.count += count;
    else facets.set(k, { entryId, unitId, ...splitFacetId(id), count });
  };
  for (const t of tables) {
    const entries = new Set<number>();
    for (const c of t.contributions) {
      const entryId = ids.get(entryKeyId(c));
      if (entryId === undefined) continue;
      entries.add(entryId);
      for (const [id, count] of c.facets) {
        addFacet(entryId, t.unitId, id, sign * count);
        addFacet(entryId, ALL_UNITS, id, sign * count);
      }
    }
    // A table counts once per entry, even when two of its names fall into one entry.
    for (const entryId of entries) {
      delta.sources.push({ entryId, projectId: t.projectId, unitId: t.unitId });
      delta.entryUses.set(entryId, (delta.entryUses.get(entryId) ?? 0) + sign);
      const k = `${entryId}:${t.unitId}`;
      const prev = unitUses.get(k);
      if (prev) prev.uses += sign;
      else unitUses.set(k, { entryId, unitId: t.unitId, uses: sign });
    }
  }
  delta.unitUses = [...unitUses.values()];
  delta.facets = [...facets.values()];
  if (sign === -1) delta.sources = [];
  return delta;
}

/** Counts an approved table in the library (once: a second call finds it there and does nothing). */
export async function learnProject(projectId: number): Promise<void> {
  if (await isProjectInLibrary(projectId)) return;
  const loaded = await learnableProject(projectId);
  if (!loaded) return;
  await applyLibraryDelta(await deltaOf([{ projectId, unitId: loaded.unitId, contributions: contributionsOf(loaded.rows) }], 1));
}

/** Stops counting a table that leaves the approved state (its rows are still those that were approved). */
export async function forgetProject(projectId: number): Promise<void> {
  if (!(await isProjectInLibrary(projectId))) return;
  const loaded = await learnableProject(projectId);
  if (!loaded) return;
  await applyLibraryDelta(await deltaOf([{ projectId, unitId: loaded.unitId, contributions: contributionsOf(loaded.rows) }], -1));
  await deleteSourcesOf(projectId);
}
