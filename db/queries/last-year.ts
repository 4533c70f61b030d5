/**
 * Reads for "last year beside this year" (issue 16, item 4): the tables of a unit's previous year and
 * their indicator rows. Kept apart from db/queries/projects.ts, whose reads are tuned for the lists.
 */
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { db, prepared } from '../client';
import { indicators, projects, selfEvals, unitYears } from '../schema';

export type PreviousTable = { id: number; code: string; name: string; status: string };

/** The tables of the unit's unit-year `year` (none when that year does not exist). */
export async function tablesOfUnitYear(unitId: number, year: number): Promise<PreviousTable[]> {
  // Every save asks (指标值偏低): prepared, so PostgreSQL plans it once per connection.
  return prepared('last-year.tables', (d) =>
    d
      .select({ id: projects.id, code: projects.code, name: projects.name, status: projects.status })
      .from(projects)
      .innerJoin(unitYears, eq(unitYears.id, projects.unitYearId))
      .where(and(eq(unitYears.unitId, sql.placeholder('unitId')), eq(unitYears.year, sql.placeholder('year'))))
      .orderBy(asc(projects.position), asc(projects.id))
      .prepare('last_year_tables'),
  ).execute({ unitId, year });
}

export type PreviousRow = { projectId: number; rowKey: string; level2: string; name: string; value: string; isPlaceholder: boolean };

/** The indicator rows of some tables, in print order. */
export async function indicatorRowsOf(projectIds: readonly number[]): Promise<PreviousRow[]> {
  if (projectIds.length === 0) return [];
  return db()
    .select({ projectId: indicators.projectId, rowKey: indicators.rowKey, level2: indicators.level2, name: indicators.name, value: indicators.value, isPlaceholder: indicators.isPlaceholder })
    .from(indicators)
    .where(inArray(indicators.projectId, [...projectIds]))
    .orderBy(asc(indicators.projectId), asc(indicators.position));
}

/** The stored data of the table's latest approved self-evaluation (its 实际完成值), or null. */
export async function approvedSelfEvalDataOf(projectId: number): Promise<string | null> {
  const [row] = await db()
    .select({ data: selfEvals.data })
    .from(selfEvals)
    .where(and(eq(selfEvals.projectId, projectId), eq(selfEvals.status, 'approved')))
    .orderBy(desc(selfEvals.id))
    .limit(1);
  return row?.data ?? null;
}
