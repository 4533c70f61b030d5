/**
 * The indicator library's reads and writes. Counts live in aggregate tables (library_entries.uses,
 * library_entry_units, library_facets) that approving or reopening a table adjusts, so a search reads
 * a few hundred rows whatever the number of indicator rows.
 */
import { and, asc, desc, eq, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { currentEngine, db, now, rawAll } from '../client';
import {
  indicators,
  libraryEntries,
  libraryGrams,
  libraryEntryUnits,
  libraryFacets,
  librarySources,
  projects,
  unitYears,
  units,
  type LibraryEntryRow,
} from '../schema';

export type FacetKind = 'value' | 'unit' | 'comparator' | 'basis' | 'description';
export type EntryKeyInput = { level1: string; level2: string; nameKey: string; name: string };

/** Unit id of the facet rows that count all units together. */
export const ALL_UNITS = 0;
/** Rows per statement: below SQLite's bound-parameter limit and PostgreSQL's. */
const CHUNK = 400;

function chunks<T>(xs: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

const keyOf = (k: { level1: string; level2: string; nameKey: string }) => `${k.level1}\u0000${k.level2}\u0000${k.nameKey}`;

/**
 * The entry id each key counts towards, creating missing entries; a merged entry's key resolves to the
 * entry it was merged into.
 */
export async function resolveEntries(keys: readonly EntryKeyInput[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  const at = now();
  // The first spelling seen names a new entry, as it would have when the tables were approved one by one.
  const firsts = new Map<string, EntryKeyInput>();
  for (const k of keys) if (!firsts.has(keyOf(k))) firsts.set(keyOf(k), k);
  const unique = [...firsts.values()];
  for (const part of chunks(unique)) {
    const created = await db()
      .insert(libraryEntries)
      .values(part.map((k) => ({ level1: k.level1, level2: k.level2, nameKey: k.nameKey, name: k.name, updatedAt: at })))
      .onConflictDoNothing({ target: [libraryEntries.level1, libraryEntries.level2, libraryEntries.nameKey] })
      .returning({ id: libraryEntries.id, nameKey: libraryEntries.nameKey });
    // A new entry's grams; an entry's key never changes, so they are written once.
    const grams = created.flatMap((e) => gramsOf(e.nameKey).map((gram) => ({ gram, entryId: e.id })));
    for (const g of chunks(grams, 800)) await db().insert(libraryGrams).values(g).onConflictDoNothing();
    const wanted = new Set(part.map(keyOf));
    const rows = await db()
      .select({ id: libraryEntries.id, level1: libraryEntries.level1, level2: libraryEntries.level2, nameKey: libraryEntries.nameKey, mergedInto: libraryEntries.mergedInto })
      .from(libraryEntries)
      .where(inArray(libraryEntries.nameKey, [...new Set(part.map((k) => k.nameKey))]));
    for (const r of rows) if (wanted.has(keyOf(r))) out.set(keyOf(r), r.mergedInto ?? r.id);
  }
  return out;
}

/** The single characters and adjacent pairs of a name, as the gram index holds them. */
export function gramsOf(nameKey: string): string[] {
  const chars = [...nameKey];
  const out = new Set<string>(chars);
  for (let i = 0; i + 1 < chars.length; i++) out.add(chars[i]! + chars[i + 1]!);
  return [...out];
}

/** The query's grams to look up: its pairs, or the character itself for a one-character query. */
function queryGrams(q: string): string[] {
  const chars = [...q];
  if (chars.length === 1) return chars;
  const pairs = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) pairs.add(chars[i]! + chars[i + 1]!);
  return [...pairs];
}

export async function isProjectInLibrary(projectId: number): Promise<boolean> {
  const rows = await db().select({ id: librarySources.entryId }).from(librarySources).where(eq(librarySources.projectId, projectId)).limit(1);
  return rows.length > 0;
}

/** Signed changes to the aggregate: what one table (or a batch of tables in a rebuild) adds or takes away. */
export type LibraryDelta = {
  sources: { entryId: number; projectId: number; unitId: number }[];
  /** entry id → change of its uses (all units) */
  entryUses: Map<number, number>;
  unitUses: { entryId: number; unitId: number; uses: number }[];
  /** Facet rows per unit and for all units (unit id 0), already added up per key. */
  facets: { entryId: number; unitId: number; kind: FacetKind; text: string; count: number }[];
};

/**
 * Applies a delta. Upserts with a signed count serve both directions; rows that reach zero go. Sources
 * are added here and removed by `deleteSourcesOf`.
 */
export async function applyLibraryDelta(d: LibraryDelta): Promise<void> {
  for (const part of chunks(d.sources)) await db().insert(librarySources).values(part).onConflictDoNothing();
  const byAmount = new Map<number, number[]>();
  for (const [id, n] of d.entryUses) if (n !== 0) byAmount.set(n, [...(byAmount.get(n) ?? []), id]);
  for (const [n, ids] of byAmount) {
    for (const part of chunks(ids)) {
      await db().update(libraryEntries).set({ uses: sql`${libraryEntries.uses} + ${n}` }).where(inArray(libraryEntries.id, part));
    }
  }
  for (const part of chunks(d.unitUses)) {
    await db()
      .insert(libraryEntryUnits)
      .values(part)
      .onConflictDoUpdate({ target: [libraryEntryUnits.entryId, libraryEntryUnits.unitId], set: { uses: sql`${libraryEntryUnits.uses} + excluded.uses` } });
  }
  for (const part of chunks(d.facets)) {
    await db()
      .insert(libraryFacets)
      .values(part)
      .onConflictDoUpdate({
        target: [libraryFacets.entryId, libraryFacets.unitId, libraryFacets.kind, libraryFacets.text],
        set: { count: sql`${libraryFacets.count} + excluded.count` },
      });
  }
  const lowered = [...new Set([...d.unitUses.filter((u) => u.uses < 0).map((u) => u.entryId), ...d.facets.filter((f) => f.count < 0).map((f) => f.entryId)])];
  for (const part of chunks(lowered)) {
    await db().delete(libraryEntryUnits).where(and(inArray(libraryEntryUnits.entryId, part), lte(libraryEntryUnits.uses, 0)));
    await db().delete(libraryFacets).where(and(inArray(libraryFacets.entryId, part), lte(libraryFacets.count, 0)));
  }
}

export async function deleteSourcesOf(projectId: number): Promise<void> {
  await db().delete(librarySources).where(eq(librarySources.projectId, projectId));
}

export type LearnableDbRow = {
  projectId: number;
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

const learnableColumns = {
  projectId: indicators.projectId,
  level1: indicators.level1,
  level2: indicators.level2,
  name: indicators.name,
  description: indicators.description,
  value: indicators.value,
  comparator: indicators.comparator,
  unit: indicators.unit,
  basis: indicators.basis,
  isPlaceholder: indicators.isPlaceholder,
};

/** The table's unit and rows as the library reads them. */
export async function learnableProject(projectId: number): Promise<{ unitId: number; rows: LearnableDbRow[] } | null> {
  const [p] = await db()
    .select({ unitId: unitYears.unitId })
    .from(projects)
    .innerJoin(unitYears, eq(unitYears.id, projects.unitYearId))
    .where(eq(projects.id, projectId));
  if (!p) return null;
  const rows = await db().select(learnableColumns).from(indicators).where(eq(indicators.projectId, projectId)).orderBy(asc(indicators.position));
  return { unitId: p.unitId, rows };
}

/** Approved tables after `afterId` in id order, with their unit: the rebuild walks them a batch at a time. */
export async function approvedProjectsAfter(afterId: number, limit: number): Promise<{ id: number; unitId: number }[]> {
  return db()
    .select({ id: projects.id, unitId: unitYears.unitId })
    .from(projects)
    .innerJoin(unitYears, eq(unitYears.id, projects.unitYearId))
    .where(and(eq(projects.status, 'approved'), sql`${projects.id} > ${afterId}`))
    .orderBy(asc(projects.id))
    .limit(limit);
}

export async function learnableRowsOf(projectIds: readonly number[]): Promise<LearnableDbRow[]> {
  if (projectIds.length === 0) return [];
  return db().select(learnableColumns).from(indicators).where(inArray(indicators.projectId, [...projectIds])).orderBy(asc(indicators.projectId), asc(indicators.position));
}

/** Empties what was learned; curated entries (standard, merged, merged into, retired) keep their rows. */
export async function clearLearned(): Promise<void> {
  await db().delete(librarySources);
  await db().delete(libraryFacets);
  await db().delete(libraryEntryUnits);
  await db().update(libraryEntries).set({ uses: 0 });
  await db()
    .delete(libraryEntries)
    .where(
      and(
        eq(libraryEntries.isStandard, false),
        eq(libraryEntries.isRetired, false),
        sql`${libraryEntries.mergedInto} is null`,
        // An entry others were merged into keeps its id, which their keys resolve to.
        sql`not exists (select 1 from library_entries m where m.merged_into = ${libraryEntries.id})`,
      ),
    );
}

/** Whether approved tables exist that the library has not learned (a database from before the library). */
export async function libraryNeedsBuilding(): Promise<boolean> {
  const rows = await rawAll<{ n: number }>(
    sql`select 1 as n where exists (select 1 from projects where status = 'approved') and not exists (select 1 from library_sources)`,
  );
  return rows.length > 0;
}

export type LibrarySearch = {
  /** Normalised query text; empty lists by uses. */
  q: string;
  /** null: every unit (an administrator); otherwise only uses in these units count. */
  unitIds: readonly number[] | null;
  /** Entries under this 二级 come first. */
  preferLevel2?: string | undefined;
  level1?: string | undefined;
  level2?: string | undefined;
  isStandardOnly?: boolean | undefined;
  limit: number;
};

export type EntryHit = Pick<LibraryEntryRow, 'id' | 'level1' | 'level2' | 'name' | 'isStandard' | 'explanation' | 'method' | 'reference' | 'frameworkCode'> & {
  uses: number;
};

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

type Candidate = EntryHit & { nameKey: string };

const CANDIDATE_COLUMNS = sql.raw(
  `e.id, e.level1, e.level2, e.name, e.name_key as "nameKey", e.is_standard as "isStandard", e.explanation, e.method, e.reference, e.framework_code as "frameworkCode"`,
);

/** How closely a name matches: 0 the whole name, 1 its start, 2 inside it. */
function relevance(nameKey: string, q: string): number {
  return nameKey === q ? 0 : nameKey.startsWith(q) ? 1 : 2;
}

async function candidates(query: SQL): Promise<Candidate[]> {
  const rows = await rawAll<Omit<Candidate, 'uses' | 'isStandard'> & { uses: number | string; isStandard: boolean | number }>(query);
  return rows.map((r) => ({ ...r, uses: Number(r.uses), isStandard: r.isStandard === true || r.isStandard === 1 }));
}

/** Names starting with `q`, through the name index (PostgreSQL's is text_pattern_ops, so any collation). */
function startsWith(q: string): SQL {
  return currentEngine() === 'postgres'
    ? sql`e.name_key like ${`${escapeLike(q)}%`} escape '\\'`
    : sql`e.name_key >= ${q} and e.name_key < ${`${q}\u{10FFFF}`}`;
}

/**
 * Matching entries, best first: the preferred 二级, then exact name, prefix, substring, then uses. Uses
 * count only the caller's units; an entry nobody in them used shows only when it is standard.
 *
 * No query groups or sorts every match. For all units: the N most used entries holding the query's
 * rarest character pair (n-gram index), the exact name, the prefix matches (name index), each also within
 * the preferred 二级; a gram or prefix held by many entries is read down the uses index instead, which
 * meets N matches soon. For some units: the entries of those units (their rows of library_entry_units)
 * and the standard entries. The final order is made in memory from these few candidates.
 */
export async function searchEntries(s: LibrarySearch): Promise<EntryHit[]> {
  // Literals rather than parameters, so the planner can use the indexes on these columns.
  const TRUE = sql.raw(currentEngine() === 'postgres' ? 'true' : '1');
  const FALSE = sql.raw(currentEngine() === 'postgres' ? 'false' : '0');
  const base: SQL[] = [sql`e.is_retired = ${FALSE}`, sql`e.merged_into is null`];
  if (s.q) base.push(sql`e.name_key like ${`%${escapeLike(s.q)}%`} escape '\\'`);
  if (s.level1) base.push(sql`e.level1 = ${s.level1}`);
  if (s.level2) base.push(sql`e.level2 = ${s.level2}`);
  if (s.isStandardOnly) base.push(sql`e.is_standard = ${TRUE}`);
  const where = (...more: SQL[]) => sql.join([...base, ...more], sql` and `);
  const found = new Map<number, Candidate>();
  const add = (rows: Candidate[]) => {
    for (const r of rows) if (!found.has(r.id)) found.set(r.id, r);
  };
  const wide = Math.max(s.limit, 200);
  if (s.unitIds === null) {
    const used = sql`(e.uses > 0 or e.is_standard = ${TRUE})`;
    const rare = s.q ? await rarestGram(s.q) : null;
    const prefixCount = s.q ? await boundedCount(sql`select 1 from library_entries e where ${startsWith(s.q)}`) : 0;
    // Only the N most used of each kind of match can reach the first N (exact, then prefix, then the
    // rest, each by uses), so each read stops at N. A rare gram or prefix: the few entries holding it,
    // sorted; a common one: down the uses index, which meets N matches soon.
    const walk = (limit: number, more: SQL[]) =>
      candidates(sql`select ${CANDIDATE_COLUMNS}, e.uses from library_entries e where ${where(used, ...more)} order by e.uses desc, e.id desc limit ${limit}`);
    const substring = (limit: number, ...more: SQL[]) =>
      rare && rare.count < COMMON
        ? candidates(sql`select ${CANDIDATE_COLUMNS}, e.uses from library_grams g join library_entries e on e.id = g.entry_id
            where g.gram = ${rare.gram} and ${where(used, ...more)} order by ${BY_USES_SORTED} limit ${limit}`)
        : walk(limit, more);
    // Written so no index serves it: the walk must go down the uses index, not the name index.
    const prefix = (limit: number, ...more: SQL[]) => walk(limit, [sql`substr(e.name_key, 1, ${[...s.q].length}) = ${s.q}`, ...more]);
    add(await substring(s.limit));
    if (s.preferLevel2) add(await substring(s.limit, sql`e.level2 = ${s.preferLevel2}`));
    if (s.q) {
      add(await candidates(sql`select ${CANDIDATE_COLUMNS}, e.uses from library_entries e where ${where(used, sql`e.name_key = ${s.q}`)}`));
      // With few prefix matches the walk would go far: they are read through the name index instead.
      if (prefixCount < COMMON) {
        add(await candidates(sql`select ${CANDIDATE_COLUMNS}, e.uses from library_entries e where ${where(used, startsWith(s.q))} order by ${BY_USES_SORTED} limit ${s.limit}`));
        if (s.preferLevel2) add(await candidates(sql`select ${CANDIDATE_COLUMNS}, e.uses from library_entries e where ${where(used, startsWith(s.q), sql`e.level2 = ${s.preferLevel2}`)} order by ${BY_USES_SORTED} limit ${s.limit}`));
      } else {
        add(await prefix(s.limit));
        if (s.preferLevel2) add(await prefix(s.limit, sql`e.level2 = ${s.preferLevel2}`));
      }
    }
  } else {
    const units = s.unitIds.length ? s.unitIds : [-1];
    add(
      await candidates(sql`select ${CANDIDATE_COLUMNS}, sum(u.uses) as uses
        from library_entry_units u join library_entries e on e.id = u.entry_id
        where u.unit_id in (${sql.join(units.map((id) => sql`${id}`), sql`, `)}) and ${where()}
        group by e.id, e.level1, e.level2, e.name, e.name_key, e.is_standard, e.explanation, e.method, e.reference, e.framework_code`),
    );
    add(await candidates(sql`select ${CANDIDATE_COLUMNS}, 0 as uses from library_entries e where ${where(sql`e.is_standard = ${TRUE}`)} limit ${wide}`));
  }
  const q = s.q;
  const prefer = (c: Candidate) => (s.preferLevel2 && c.level2 !== s.preferLevel2 ? 1 : 0);
  return [...found.values()]
    .filter((c) => c.uses > 0 || c.isStandard)
    .sort((a, b) => prefer(a) - prefer(b) || (q ? relevance(a.nameKey, q) - relevance(b.nameKey, q) : 0) || b.uses - a.uses || (a.nameKey < b.nameKey ? -1 : a.nameKey > b.nameKey ? 1 : 0) || a.id - b.id)
    .slice(0, s.limit)
    .map(({ nameKey: _k, ...hit }) => hit);
}

/**
 * Most used first, as an expression no index gives: for a rare gram or prefix the few rows it names are
 * read and sorted, rather than the whole uses index walked in search of them.
 */
const BY_USES_SORTED = sql.raw('(e.uses + 0) desc, e.id desc');

/** Above this many entries a gram or a prefix is common: walking the uses index finds matches sooner. */
const COMMON = 1000;

/** How many rows a query gives, counted up to COMMON (an indexed, bounded count). */
async function boundedCount(query: SQL): Promise<number> {
  const [row] = await rawAll<{ n: number | string }>(sql`select count(*) as n from (${query} limit ${COMMON}) t`);
  return Number(row?.n ?? 0);
}

/** The query's gram held by the fewest entries, counted up to COMMON (an indexed, bounded count). */
async function rarestGram(q: string): Promise<{ gram: string; count: number }> {
  const grams = queryGrams(q).slice(0, 12);
  const parts = grams.map((g) => sql`select ${g} as gram, count(*) as n from (select 1 from library_grams where gram = ${g} limit ${COMMON}) t`);
  const rows = await rawAll<{ gram: string; n: number | string }>(sql.join(parts, sql` union all `));
  let best = { gram: grams[0]!, count: Infinity };
  for (const r of rows) if (Number(r.n) < best.count) best = { gram: r.gram, count: Number(r.n) };
  return best;
}

export type FacetCount = { entryId: number; kind: FacetKind; text: string; count: number };

/**
 * The most used facet texts of each entry, `perKind` of each kind. For all units one indexed, limited
 * read per entry and kind (an entry such as 总成本控制 may hold a different value for every table);
 * for some units, their rows summed.
 */
export async function topFacets(entryIds: readonly number[], unitIds: readonly number[] | null, perKind: Readonly<Record<FacetKind, number>>): Promise<FacetCount[]> {
  if (entryIds.length === 0) return [];
  const kinds = Object.entries(perKind).filter(([, n]) => n > 0) as [FacetKind, number][];
  if (unitIds === null) {
    const parts = entryIds.flatMap((id) =>
      kinds.map(
        ([kind, n]) =>
          sql`select * from (select entry_id as "entryId", kind, text, count from library_facets where entry_id = ${id} and unit_id = ${ALL_UNITS} and kind = ${kind} order by count desc limit ${n}) t`,
      ),
    );
    // Ordered by count alone, so each part reads its first rows of the index and stops (an entry such as
    // 总成本控制 holds a different value for nearly every table); ties are then put in text order here.
    const rows = await rawAll<FacetCount & { count: number | string }>(sql.join(parts, sql` union all `));
    return rows.map((r) => ({ ...r, count: Number(r.count) })).sort((a, b) => a.entryId - b.entryId || a.kind.localeCompare(b.kind) || b.count - a.count || a.text.localeCompare(b.text));
  }
  if (unitIds.length === 0) return [];
  const rows = await db()
    .select({ entryId: libraryFacets.entryId, kind: libraryFacets.kind, text: libraryFacets.text, count: sql<number | string>`sum(${libraryFacets.count})` })
    .from(libraryFacets)
    .where(and(inArray(libraryFacets.entryId, [...entryIds]), inArray(libraryFacets.unitId, [...unitIds])))
    .groupBy(libraryFacets.entryId, libraryFacets.kind, libraryFacets.text);
  const out: FacetCount[] = [];
  const sorted = rows.map((r) => ({ ...r, count: Number(r.count) })).sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
  const taken = new Map<string, number>();
  for (const r of sorted) {
    const k = `${r.entryId}:${r.kind}`;
    const n = taken.get(k) ?? 0;
    if (n >= (perKind[r.kind] ?? 0)) continue;
    taken.set(k, n + 1);
    out.push(r);
  }
  return out;
}

export type EntrySource = { unitCode: string; unitName: string; year: number; projectId: number; projectCode: string; projectName: string };

/** The approved tables an entry was learned from, newest year first. */
export async function entrySources(entryId: number, unitIds: readonly number[] | null, limit: number): Promise<EntrySource[]> {
  const scope = unitIds === null ? undefined : inArray(librarySources.unitId, unitIds.length ? [...unitIds] : [-1]);
  return db()
    .select({
      unitCode: units.code,
      unitName: units.name,
      year: unitYears.year,
      projectId: projects.id,
      projectCode: projects.code,
      projectName: projects.name,
    })
    .from(librarySources)
    .innerJoin(projects, eq(projects.id, librarySources.projectId))
    .innerJoin(unitYears, eq(unitYears.id, projects.unitYearId))
    .innerJoin(units, eq(units.id, unitYears.unitId))
    .where(and(eq(librarySources.entryId, entryId), scope))
    .orderBy(desc(unitYears.year), asc(units.code), asc(projects.position))
    .limit(limit);
}

export async function getEntry(id: number): Promise<LibraryEntryRow | undefined> {
  const [row] = await db().select().from(libraryEntries).where(eq(libraryEntries.id, id));
  return row;
}

/** The highest table id so far (0 when there is none). */
export async function maxProjectId(): Promise<number> {
  const [row] = await rawAll<{ m: number | string | null }>(sql`select max(id) as m from projects`);
  return Number(row?.m ?? 0);
}

/**
 * Every value used under the given 二级 with how many rows used it, all units counted together (the facet
 * rows of unit id 0), for the editor's learned starting values (lib/library/defaults.ts). Retired and
 * merged-away entries still count: their rows were written all the same.
 */
export async function valueCountsByLevel2(level2Names: readonly string[]): Promise<{ level2: string; text: string; count: number }[]> {
  if (level2Names.length === 0) return [];
  const rows = await db()
    .select({ level2: libraryEntries.level2, text: libraryFacets.text, count: sql<number | string>`sum(${libraryFacets.count})` })
    .from(libraryFacets)
    .innerJoin(libraryEntries, eq(libraryEntries.id, libraryFacets.entryId))
    .where(and(eq(libraryFacets.unitId, ALL_UNITS), eq(libraryFacets.kind, 'value'), inArray(libraryEntries.level2, [...new Set(level2Names)])))
    .groupBy(libraryEntries.level2, libraryFacets.text);
  return rows.map((r) => ({ ...r, count: Number(r.count) }));
}
