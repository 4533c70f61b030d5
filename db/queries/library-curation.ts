/**
 * Administrators' curation of the indicator library: the list they work from, retiring, merging and the
 * standard library's rows. Counting stays in db/queries/library.ts (a merge re-learns through it).
 */
import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { containsText, db, first, now } from '../client';
import { libraryEntries, libraryGrams, librarySources, type LibraryEntryRow } from '../schema';
import { gramsOf } from './library';

export type CurationRow = Pick<LibraryEntryRow, 'id' | 'level1' | 'level2' | 'name' | 'uses' | 'isStandard' | 'isRetired' | 'mergedInto'>;

export type CurationQuery = { q?: string; level2?: string; show: 'active' | 'retired' | 'standard'; page: number; pageSize: number };

/** Entries for the administration page: not merged ones, most used first. */
export async function listForCuration(query: CurationQuery): Promise<{ rows: CurationRow[]; total: number }> {
  const where: SQL[] = [sql`${libraryEntries.mergedInto} is null`];
  if (query.show === 'retired') where.push(eq(libraryEntries.isRetired, true));
  else where.push(eq(libraryEntries.isRetired, false));
  if (query.show === 'standard') where.push(eq(libraryEntries.isStandard, true));
  if (query.q) where.push(or(containsText(libraryEntries.name, query.q), containsText(libraryEntries.nameKey, query.q))!);
  if (query.level2) where.push(eq(libraryEntries.level2, query.level2));
  const condition = and(...where);
  const rows = await db()
    .select({
      id: libraryEntries.id,
      level1: libraryEntries.level1,
      level2: libraryEntries.level2,
      name: libraryEntries.name,
      uses: libraryEntries.uses,
      isStandard: libraryEntries.isStandard,
      isRetired: libraryEntries.isRetired,
      mergedInto: libraryEntries.mergedInto,
    })
    .from(libraryEntries)
    .where(condition)
    .orderBy(desc(libraryEntries.uses), asc(libraryEntries.level2), asc(libraryEntries.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  const total = (await first(db().select({ n: count() }).from(libraryEntries).where(condition)))?.n ?? 0;
  return { rows, total: Number(total) };
}

export async function getEntries(ids: readonly number[]): Promise<LibraryEntryRow[]> {
  if (ids.length === 0) return [];
  return db().select().from(libraryEntries).where(inArray(libraryEntries.id, [...ids]));
}

export async function setEntryRetired(id: number, isRetired: boolean): Promise<void> {
  await db().update(libraryEntries).set({ isRetired, updatedAt: now() }).where(eq(libraryEntries.id, id));
}

/** `from` (and any entry already merged into it) now counts towards `into`. */
export async function setMergedInto(fromId: number, intoId: number): Promise<void> {
  await db()
    .update(libraryEntries)
    .set({ mergedInto: intoId, updatedAt: now() })
    .where(or(eq(libraryEntries.id, fromId), eq(libraryEntries.mergedInto, fromId)));
}

/** The approved tables an entry was learned from. */
export async function projectsLearnedInto(entryId: number): Promise<number[]> {
  const rows = await db().select({ projectId: librarySources.projectId }).from(librarySources).where(eq(librarySources.entryId, entryId));
  return rows.map((r) => r.projectId);
}

export type StandardFields = Pick<LibraryEntryRow, 'name' | 'explanation' | 'method' | 'reference' | 'frameworkCode' | 'measureUnit' | 'basis'>;
export type StandardKey = { level1: string; level2: string; nameKey: string };

export async function findEntryByKey(k: StandardKey): Promise<LibraryEntryRow | undefined> {
  return first(
    db()
      .select()
      .from(libraryEntries)
      .where(and(eq(libraryEntries.level1, k.level1), eq(libraryEntries.level2, k.level2), eq(libraryEntries.nameKey, k.nameKey))),
  );
}

/** Creates a standard entry, or makes an existing (learned) one standard with these fields. */
export async function upsertStandardEntry(k: StandardKey, fields: StandardFields, existingId: number | null): Promise<number> {
  const at = now();
  if (existingId !== null) {
    await db().update(libraryEntries).set({ ...fields, isStandard: true, updatedAt: at }).where(eq(libraryEntries.id, existingId));
    return existingId;
  }
  const [created] = await db()
    .insert(libraryEntries)
    .values({ ...k, ...fields, isStandard: true, updatedAt: at })
    .returning({ id: libraryEntries.id });
  const grams = gramsOf(k.nameKey).map((gram) => ({ gram, entryId: created!.id }));
  if (grams.length > 0) await db().insert(libraryGrams).values(grams).onConflictDoNothing();
  return created!.id;
}

/** The standard library, for the XLSX export, in a stable order. */
export async function standardEntries(): Promise<LibraryEntryRow[]> {
  return db()
    .select()
    .from(libraryEntries)
    .where(and(eq(libraryEntries.isStandard, true), sql`${libraryEntries.mergedInto} is null`))
    .orderBy(asc(libraryEntries.frameworkCode), asc(libraryEntries.level1), asc(libraryEntries.level2), asc(libraryEntries.id));
}
