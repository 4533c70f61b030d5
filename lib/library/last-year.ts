/**
 * Last year beside this year (issue 16, item 4): finds the unit's previous-year table a table continues
 * (same project code, else the same name) and its rows, for the rules (指标值偏低), the editor and the
 * preview. Reads only; the pairing itself is pure (lib/domain/last-year.ts).
 */
import { approvedSelfEvalDataOf, indicatorRowsOf, tablesOfUnitYear, type PreviousTable } from '@/db/queries/last-year';
import { lastYearNote, matchLastYear, type LastYearNote, type LastYearRow } from '@/lib/domain/last-year';
import { z } from 'zod';
import { previousTableOf, type TableIdentity } from '@/lib/domain/last-year-table';
import type { TargetTable } from '@/lib/domain/table';

export type { LastYearNote, LastYearRow };
type UnitYearRef = { unitId: number; year: number };

/**
 * 上年实际完成值 of last year's table: the 实际完成值 of its approved self-evaluation, by row key;
 * empty when it has none (not evaluated yet, or not approved).
 */
/** Only what this needs of a stored self-evaluation, so that a change elsewhere in its shape does not hide the actuals. */
const storedActuals = z.object({ entries: z.array(z.object({ rowKey: z.string(), actual: z.string() })) });

export async function lastYearActuals(projectId: number): Promise<ReadonlyMap<string, string>> {
  const stored = await approvedSelfEvalDataOf(projectId);
  const out = new Map<string, string>();
  if (!stored) return out;
  const parsed = storedActuals.safeParse(JSON.parse(stored));
  if (!parsed.success) return out;
  for (const e of parsed.data.entries) if (e.actual.trim() !== '') out.set(e.rowKey, e.actual);
  return out;
}

async function rowsByTable(ids: readonly number[]): Promise<Map<number, LastYearRow[]>> {
  const out = new Map<number, LastYearRow[]>();
  for (const id of ids) out.set(id, []);
  const keys = new Map<number, string[]>(ids.map((id) => [id, []]));
  for (const r of await indicatorRowsOf(ids)) {
    out.get(r.projectId)!.push({ level2: r.level2, name: r.name, value: r.value, isPlaceholder: r.isPlaceholder });
    keys.get(r.projectId)!.push(r.rowKey);
  }
  for (const id of ids) {
    const actuals = await lastYearActuals(id);
    if (actuals.size > 0) out.set(id, out.get(id)!.map((r, i) => ({ ...r, actual: actuals.get(keys.get(id)![i]!) ?? null })));
  }
  return out;
}

export type LastYearTable = { table: PreviousTable; year: number; rows: LastYearRow[] };

/** Last year's table that `table` continues, with its rows; null when there is none. */
export async function lastYearTableOf(unitYear: UnitYearRef, table: TableIdentity): Promise<LastYearTable | null> {
  const previous = previousTableOf(table, await tablesOfUnitYear(unitYear.unitId, unitYear.year - 1));
  if (!previous) return null;
  return { table: previous, year: unitYear.year - 1, rows: (await rowsByTable([previous.id])).get(previous.id)! };
}

/**
 * The rule context's `lastYear` for the tables of one unit-year, read in a constant number of queries:
 * every table of the previous year that one of `tables` continues (all of them when `tables` is absent).
 * `previousTables`: the previous year's tables when the caller read them already (a save reads them
 * with its table).
 */
export async function lastYearLookup(
  unitYear: UnitYearRef,
  tables?: readonly TableIdentity[],
  previousTables?: readonly PreviousTable[],
): Promise<(table: TableIdentity) => LastYearRow[] | null> {
  const candidates = previousTables ?? (await tablesOfUnitYear(unitYear.unitId, unitYear.year - 1));
  if (candidates.length === 0) return () => null;
  const wanted = tables ? [...new Set(tables.map((t) => previousTableOf(t, candidates)?.id).filter((id): id is number => id !== undefined))] : candidates.map((c) => c.id);
  const rows = await rowsByTable(wanted);
  return (table) => {
    const previous = previousTableOf(table, candidates);
    return previous ? (rows.get(previous.id) ?? null) : null;
  };
}

/** Per row of `table` (by index): last year's value, actual and warning, or null when the row is new. */
export function lastYearNotes(table: Pick<TargetTable, 'indicators'>, previous: readonly LastYearRow[]): (LastYearNote | null)[] {
  const rows = table.indicators.map((r) => ({ level2: r.level2, name: r.name, value: r.value, isPlaceholder: r.isPlaceholder || !r.name.trim() }));
  return matchLastYear(rows, previous).map((p, i) => (p ? lastYearNote(rows[i]!, p) : null));
}
