/**
 * Two-level review (issue 18): the per unit-year setting, where each of a user's reviewer grants sits
 * relative to the units it covers (lib/domain/review-levels.ts turns that into a level), and the tables
 * that wait for a reviewer at their level. Kept apart from projects.ts, whose save path is tuned elsewhere.
 */
import { and, asc, count, desc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import { db, first, now, rawAll } from '../client';
import { monitoringEvents, projects, reviewEvents, selfEvalEvents, units, unitYears, unitYearReviewSettings, users } from '../schema';
import type { AnyPgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { ProjectStatus } from '../schema/enums';
import { projectListPage, type ProjectListRow } from './projects';
import type { TaskRow } from './tasks';

export async function getReviewLevels(unitYearId: number): Promise<1 | 2> {
  const row = await first(db().select({ n: unitYearReviewSettings.reviewLevels }).from(unitYearReviewSettings).where(eq(unitYearReviewSettings.unitYearId, unitYearId)));
  return row?.n === 2 ? 2 : 1;
}

export async function setReviewLevels(unitYearId: number, levels: 1 | 2, setBy: number): Promise<void> {
  await db()
    .insert(unitYearReviewSettings)
    .values({ unitYearId, reviewLevels: levels, setBy, setAt: now() })
    .onConflictDoUpdate({ target: unitYearReviewSettings.unitYearId, set: { reviewLevels: levels, setBy, setAt: now() } });
}

/** The unit-years reviewed at two levels (few: the setting is per unit-year and off by default). */
export async function listTwoLevelUnitYearIds(): Promise<Set<number>> {
  const rows = await db().select({ id: unitYearReviewSettings.unitYearId }).from(unitYearReviewSettings).where(eq(unitYearReviewSettings.reviewLevels, 2));
  return new Set(rows.map((r) => Number(r.id)));
}

export type GrantReach = { unitId: number; distance: number; isOnTop: boolean };

/**
 * Every unit a user's reviewer grants cover, with how far above it the grant sits and whether the
 * grant's unit is the top of the tree. A "this unit only" grant covers its own unit at distance 0.
 */
export async function listReviewerReach(userId: number): Promise<GrantReach[]> {
  return (await rawAll<StoredReach>(reviewerReachQuery(sql`${userId}`))).map(grantReachOf);
}

/** A row of reviewerReachQuery as the engine gives it (counts may come back as text, flags as 0/1). */
export type StoredReach = { unitId: number; distance: number; isOnTop: number };

export function grantReachOf(r: StoredReach): GrantReach {
  return { unitId: Number(r.unitId), distance: Number(r.distance), isOnTop: Number(r.isOnTop) === 1 };
}

/** The query of listReviewerReach for the user `userId` names (a value, or a column of an outer query). */
export function reviewerReachQuery(userId: SQL): SQL {
  return sql`
    with recursive reach(unit_id, grant_unit, distance) as (
      select unit_id, unit_id, 0 from memberships where user_id = ${userId} and role = 'reviewer' and not is_this_unit_only
      union all
      select u.id, r.grant_unit, r.distance + 1 from units u join reach r on u.parent_id = r.unit_id where r.distance < 1000
    )
    select r.unit_id as "unitId", r.distance as "distance", case when g.parent_id is null then 1 else 0 end as "isOnTop"
      from reach r join units g on g.id = r.grant_unit
    union all
    select unit_id as "unitId", 0 as "distance", 0 as "isOnTop" from memberships where user_id = ${userId} and role = 'reviewer' and is_this_unit_only`;
}

/** An event table of a reviewed document (tables, monitoring reports, 自评表s): the columns asked here. */
type EventTable = { table: PgTable; docId: AnyPgColumn; action: AnyPgColumn; userId: AnyPgColumn; at: AnyPgColumn; id: AnyPgColumn };

/** Who approved the document at the department level in its latest round (since it was last submitted), if anyone. */
async function lastDeptApproverIn(events: EventTable, docId: number): Promise<number | null> {
  const rows = await db()
    .select({ action: events.action, userId: events.userId })
    .from(events.table)
    .where(and(eq(events.docId, docId), inArray(events.action, ['submit', 'deptApprove'])))
    .orderBy(desc(events.at), desc(events.id))
    .limit(1);
  const last = rows[0];
  return last?.action === 'deptApprove' ? Number(last.userId) : null;
}

/** Who approved the table at the department level in its latest round (since it was last submitted), if anyone. */
export function lastDeptApprover(projectId: number): Promise<number | null> {
  const e = reviewEvents;
  return lastDeptApproverIn({ table: e, docId: e.projectId, action: e.action, userId: e.userId, at: e.at, id: e.id }, projectId);
}

/** The same for a monitoring report, from its own events. */
export function lastDeptApproverOfReport(reportId: number): Promise<number | null> {
  const e = monitoringEvents;
  return lastDeptApproverIn({ table: e, docId: e.reportId, action: e.action, userId: e.userId, at: e.at, id: e.id }, reportId);
}

/** The same for a 自评表, from its own events. */
export function lastDeptApproverOfSelfEval(selfEvalId: number): Promise<number | null> {
  const e = selfEvalEvents;
  return lastDeptApproverIn({ table: e, docId: e.selfEvalId, action: e.action, userId: e.userId, at: e.at, id: e.id }, selfEvalId);
}

/** Tables in `status` in these unit-years, for each group: what waits for one reviewer across levels. */
export type WaitingGroup = { status: ProjectStatus; unitYearIds: readonly number[] };

function waitingFilter(groups: readonly WaitingGroup[]): SQL | undefined {
  const parts = groups.filter((g) => g.unitYearIds.length > 0).map((g) => and(eq(projects.status, g.status), inArray(projects.unitYearId, [...g.unitYearIds]))!);
  return parts.length === 0 ? undefined : or(...parts);
}

export async function listWaitingProjects(groups: readonly WaitingGroup[], page: number, pageSize: number, hasWarnings = false): Promise<{ rows: ProjectListRow[]; total: number }> {
  const waiting = waitingFilter(groups);
  if (!waiting) return { rows: [], total: 0 };
  const where = hasWarnings ? and(waiting, sql`${projects.warningCount} > 0`) : waiting;
  return projectListPage(where, [asc(projects.updatedAt), asc(projects.id)], page, pageSize);
}

export type WaitingTaskRow = TaskRow & { unitYearId: number };

export async function listWaitingTaskTables(groups: readonly WaitingGroup[], limit: number): Promise<{ rows: WaitingTaskRow[]; total: number }> {
  const where = waitingFilter(groups);
  if (!where) return { rows: [], total: 0 };
  const rows = await db()
    .select({ id: projects.id, unitYearId: projects.unitYearId, name: projects.name, code: projects.code, status: projects.status, unitName: units.name, year: unitYears.year, updatedAt: projects.updatedAt })
    .from(projects)
    .innerJoin(unitYears, eq(unitYears.id, projects.unitYearId))
    .innerJoin(units, eq(units.id, unitYears.unitId))
    .where(where)
    .orderBy(desc(projects.updatedAt), desc(projects.id))
    .limit(limit);
  const total = (await first(db().select({ n: count() }).from(projects).where(where)))?.n ?? 0;
  return { rows, total };
}
