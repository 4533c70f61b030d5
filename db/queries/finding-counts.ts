/**
 * The stored error and warning counts of a unit-year's tables (shown in the list and the review queue).
 * They depend on the unit-year's framework and rule profile, so changing either recounts every table.
 */
import { eq, sql } from 'drizzle-orm';
import { db, prepared, sqlite } from '../client';
import { projects, type CheckpointRow, type IndicatorDbRow, type ProjectRow } from '../schema';
import type { ProjectBundle } from './projects';

const PROJECT_COLUMNS = `id, unit_year_id as unitYearId, position, code, name, total_yuan as totalYuan, fiscal_yuan as fiscalYuan,
  other_yuan as otherYuan, purpose, goal, status, version, error_count as errorCount, warning_count as warningCount,
  created_by as createdBy, updated_by as updatedBy, submitted_by as submittedBy, created_at as createdAt, updated_at as updatedAt`;
const INDICATOR_COLUMNS = `id, project_id as projectId, row_key as rowKey, position, level1, level2, name, description, value,
  value_kind as valueKind, comparator, number, unit, deadline_year as deadlineYear, deadline_month as deadlineMonth,
  deadline_day as deadlineDay, deadline_suffix as deadlineSuffix, basis, is_placeholder as isPlaceholder`;
const OF_UNIT_YEAR = 'project_id in (select id from projects where unit_year_id = ?)';

/**
 * Every table of a unit-year with its plan and rows, in three queries whatever the number of tables.
 * Plain SQL with column aliases: drizzle's per-column mapping of some 10,000 rows was most of the cost.
 */
export function loadUnitYearBundles(unitYearId: number): ProjectBundle[] {
  const ps = prepared('finding-counts.projects', () =>
    sqlite().prepare(`select ${PROJECT_COLUMNS} from projects where unit_year_id = ? order by position, id`),
  ).all(unitYearId) as ProjectRow[];
  const cps = prepared('finding-counts.checkpoints', () =>
    sqlite().prepare(`select id, project_id as projectId, position, month, percent from checkpoints where ${OF_UNIT_YEAR} order by project_id, position`),
  ).all(unitYearId) as CheckpointRow[];
  const rows = prepared('finding-counts.indicators', () =>
    sqlite().prepare(`select ${INDICATOR_COLUMNS} from indicators where ${OF_UNIT_YEAR} order by project_id, position`),
  ).all(unitYearId) as (Omit<IndicatorDbRow, 'isPlaceholder'> & { isPlaceholder: number })[];
  const byId = new Map<number, ProjectBundle>();
  const out = ps.map((project) => {
    const b: ProjectBundle = { project, checkpoints: [], indicators: [] };
    byId.set(project.id, b);
    return b;
  });
  for (const c of cps) byId.get(c.projectId)?.checkpoints.push(c);
  for (const r of rows) byId.get(r.projectId)?.indicators.push({ ...r, isPlaceholder: r.isPlaceholder === 1 });
  return out;
}

export type FindingCounts = { projectId: number; errors: number; warnings: number };

/**
 * Writes counts (call inside the transaction that changed the unit-year). Version and updatedAt stay:
 * the counts are derived, and bumping the version would turn every open editor's next save into a conflict.
 */
export function setFindingCounts(counts: readonly FindingCounts[]): number {
  const stmt = prepared('projects.set-finding-counts', () =>
    sqlite().prepare('update projects set error_count = ?, warning_count = ? where id = ? and (error_count <> ? or warning_count <> ?)'),
  );
  let changed = 0;
  for (const c of counts) changed += stmt.run(c.errors, c.warnings, c.projectId, c.errors, c.warnings).changes;
  return changed;
}

/** Totals of the stored counts per unit-year (or of one), for the administration pages. */
export function findingTotalsByUnitYear(unitYearId?: number): Map<number, { errors: number; warnings: number; tablesWithErrors: number }> {
  const rows = db()
    .select({
      unitYearId: projects.unitYearId,
      errors: sql<number>`coalesce(sum(${projects.errorCount}), 0)`,
      warnings: sql<number>`coalesce(sum(${projects.warningCount}), 0)`,
      tablesWithErrors: sql<number>`coalesce(sum(case when ${projects.errorCount} > 0 then 1 else 0 end), 0)`,
    })
    .from(projects)
    .where(unitYearId === undefined ? undefined : eq(projects.unitYearId, unitYearId))
    .groupBy(projects.unitYearId)
    .all();
  return new Map(rows.map((r) => [r.unitYearId, { errors: r.errors, warnings: r.warnings, tablesWithErrors: r.tablesWithErrors }]));
}
