import { and, count, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { db, first } from '../client';
import { projects, units, unitYears } from '../schema';
import type { ProjectStatus } from '../schema/enums';

export type TaskRow = { id: number; name: string; code: string; status: ProjectStatus; unitName: string; year: number; updatedAt: number };

function where(unitIds: readonly number[] | null, statuses: readonly ProjectStatus[]): SQL | undefined {
  const parts = [inArray(projects.status, [...statuses])];
  if (unitIds !== null) parts.push(inArray(unitYears.unitId, [...unitIds]));
  return and(...parts);
}

/** Tables in these statuses in these units (null: all units), most recently changed first, at most `limit`. */
export async function listTaskTables(unitIds: readonly number[] | null, statuses: readonly ProjectStatus[], limit: number): Promise<{ rows: TaskRow[]; total: number }> {
  if (unitIds !== null && unitIds.length === 0) return { rows: [], total: 0 };
  const rows = await db()
    .select({ id: projects.id, name: projects.name, code: projects.code, status: projects.status, unitName: units.name, year: unitYears.year, updatedAt: projects.updatedAt })
    .from(projects)
    .innerJoin(unitYears, eq(unitYears.id, projects.unitYearId))
    .innerJoin(units, eq(units.id, unitYears.unitId))
    .where(where(unitIds, statuses))
    .orderBy(desc(projects.updatedAt), desc(projects.id))
    .limit(limit);
  const total =
    (await first(db().select({ n: count() }).from(projects).innerJoin(unitYears, eq(unitYears.id, projects.unitYearId)).where(where(unitIds, statuses))))?.n ?? 0;
  return { rows, total };
}
