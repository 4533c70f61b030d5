/**
 * The stored error and warning counts of a unit-year's tables (shown in the list and the review queue).
 * They depend on the unit-year's framework and rule profile, so changing either recounts every table.
 */
import { eq, sql } from 'drizzle-orm';
import { db, prepared, rawAll, sqliteConnection } from '../client';
import { projects, type CheckpointRow, type IndicatorDbRow, type ProjectRow } from '../schema';
import type { ProjectBundle } from './projects';

const PROJECT_COLUMNS = sql.raw(`id, unit_year_id as "unitYearId", position, code, name, total_yuan as "totalYuan", fiscal_yuan as "fiscalYuan",
  other_yuan as "otherYuan", purpose, goal, status, version, error_count as "errorCount", warning_count as "warningCount",
  created_by as "createdBy", updated_by as "updatedBy", submitted_by as "submittedBy", created_at as "createdAt", updated_at as "updatedAt"`);
const INDICATOR_COLUMNS = sql.raw(`id, project_id as "projectId", row_key as "rowKey", position, level1, level2, name, description, value,
  value_kind as "valueKind", comparator, number, unit, deadline_year as "deadlineYear", deadline_month as "deadlineMonth",
  deadline_day as "deadlineDay", deadline_suffix as "deadlineSuffix", basis, is_placeholder as "isPlaceholder"`);

/**
 * Every table of a unit-year with its plan and rows, in three queries whatever the number of tables.
 * Plain SQL with column aliases: drizzle's per-column mapping of some 10,000 rows was most of the cost.
 */
export async function loadUnitYearBundles(unitYearId: number): Promise<ProjectBundle[]> {
  const ofUnitYear = sql`project_id in (select id from projects where unit_year_id = ${unitYearId})`;
  const ps = await rawAll<ProjectRow>(sql`select ${PROJECT_COLUMNS} from projects where unit_year_id = ${unitYearId} order by position, id`);
  const cps = await rawAll<CheckpointRow>(
    sql`select id, project_id as "projectId", position, month, percent from checkpoints where ${ofUnitYear} order by project_id, position`,
  );
  const rows = await rawAll<Omit<IndicatorDbRow, 'isPlaceholder'> & { isPlaceholder: number | boolean }>(
    sql`select ${INDICATOR_COLUMNS} from indicators where ${ofUnitYear} order by project_id, position`,
  );
  const byId = new Map<number, ProjectBundle>();
  const out = ps.map((project) => {
    const b: ProjectBundle = { project, checkpoints: [], indicators: [] };
    byId.set(project.id, b);
    return b;
  });
  for (const c of cps) byId.get(c.projectId)?.checkpoints.push(c);
  for (const r of rows) byId.get(r.projectId)?.indicators.push({ ...r, isPlaceholder: r.isPlaceholder === 1 || r.isPlaceholder === true });
  return out;
}

export type FindingCounts = { projectId: number; errors: number; warnings: number };

/**
 * Writes counts (call inside the transaction that changed the unit-year). Version and updatedAt stay:
 * the counts are derived, and bumping the version would turn every open editor's next save into a conflict.
 */
export async function setFindingCounts(counts: readonly FindingCounts[]): Promise<number> {
  const conn = sqliteConnection();
  let changed = 0;
  if (conn) {
    const stmt = prepared('projects.set-finding-counts', () =>
      conn.prepare('update projects set error_count = ?, warning_count = ? where id = ? and (error_count <> ? or warning_count <> ?)'),
    );
    for (const c of counts) changed += stmt.run(c.errors, c.warnings, c.projectId, c.errors, c.warnings).changes;
    return changed;
  }
  // PostgreSQL: one statement per thousand tables instead of a round trip per table.
  for (let i = 0; i < counts.length; i += 1000) {
    const values = sql.join(
      counts.slice(i, i + 1000).map((c) => sql`(${c.projectId}::int, ${c.errors}::int, ${c.warnings}::int)`),
      sql`, `,
    );
    const rows = await rawAll<{ id: number }>(sql`update projects set error_count = v.e, warning_count = v.w
      from (values ${values}) as v(id, e, w)
      where projects.id = v.id and (projects.error_count <> v.e or projects.warning_count <> v.w) returning projects.id`);
    changed += rows.length;
  }
  return changed;
}

/** Totals of the stored counts per unit-year (or of one), for the administration pages. */
export async function findingTotalsByUnitYear(unitYearId?: number): Promise<Map<number, { errors: number; warnings: number; tablesWithErrors: number }>> {
  const rows = await db()
    .select({
      unitYearId: projects.unitYearId,
      errors: sql<number>`coalesce(sum(${projects.errorCount}), 0)`.mapWith(Number),
      warnings: sql<number>`coalesce(sum(${projects.warningCount}), 0)`.mapWith(Number),
      tablesWithErrors: sql<number>`coalesce(sum(case when ${projects.errorCount} > 0 then 1 else 0 end), 0)`.mapWith(Number),
    })
    .from(projects)
    .where(unitYearId === undefined ? undefined : eq(projects.unitYearId, unitYearId))
    .groupBy(projects.unitYearId);
  return new Map(rows.map((r) => [r.unitYearId, { errors: r.errors, warnings: r.warnings, tablesWithErrors: r.tablesWithErrors }]));
}
