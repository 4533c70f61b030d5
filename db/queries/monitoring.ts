import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { db, first, now } from '../client';
import {
  auditLog,
  monitoringEntries,
  monitoringEvents,
  monitoringReports,
  monitoringRounds,
  projects,
  unitYears,
  units,
  users,
  type MonitoringEntryRow,
  type MonitoringEventRow,
  type MonitoringReportRow,
  type MonitoringRoundRow,
  type ProjectStatus,
} from '../schema';
import type { LIGHTS } from '../schema/enums';

export type LightValue = (typeof LIGHTS)[number];

export async function insertRound(r: Omit<MonitoringRoundRow, 'id' | 'openedAt'>): Promise<MonitoringRoundRow> {
  const [row] = await db().insert(monitoringRounds).values({ ...r, openedAt: now() }).returning();
  return row!;
}

export async function getRound(id: number): Promise<MonitoringRoundRow | undefined> {
  return first(db().select().from(monitoringRounds).where(eq(monitoringRounds.id, id)));
}

export async function findRound(unitYearId: number, month: number): Promise<MonitoringRoundRow | undefined> {
  return first(db().select().from(monitoringRounds).where(and(eq(monitoringRounds.unitYearId, unitYearId), eq(monitoringRounds.month, month))));
}

export type RoundView = MonitoringRoundRow & { unitId: number; unitCode: string; unitName: string; year: number; reports: number };

/** Rounds of the given unit-years, newest first (the first 500), with how many reports each has; `roundId`: only that one. */
export async function listRounds(unitYearIds: readonly number[] | null, roundId?: number): Promise<RoundView[]> {
  if (unitYearIds?.length === 0) return [];
  const rows = await db()
    .select({
      r: monitoringRounds,
      unitId: units.id,
      unitCode: units.code,
      unitName: units.name,
      year: unitYears.year,
      reports: sql<number>`(select count(*) from ${monitoringReports} where ${monitoringReports.roundId} = ${monitoringRounds.id})`,
    })
    .from(monitoringRounds)
    .innerJoin(unitYears, eq(unitYears.id, monitoringRounds.unitYearId))
    .innerJoin(units, eq(units.id, unitYears.unitId))
    .where(and(unitYearIds === null ? undefined : inArray(monitoringRounds.unitYearId, [...unitYearIds]), roundId === undefined ? undefined : eq(monitoringRounds.id, roundId)))
    .orderBy(desc(unitYears.year), asc(units.code), desc(monitoringRounds.month))
    .limit(500);
  return rows.map((x) => ({ ...x.r, unitId: x.unitId, unitCode: x.unitCode, unitName: x.unitName, year: x.year, reports: Number(x.reports) }));
}

export type RoundChoice = Omit<RoundView, 'reports'>;

/**
 * Rounds for the dashboard's picker, as listRounds but without counting each round's reports (at a
 * thousand rounds the counts alone cost more than the rest of the page); `roundId`: only that one.
 */
export async function listRoundChoices(unitYearIds: readonly number[] | null, roundId?: number, limit = 500): Promise<RoundChoice[]> {
  if (unitYearIds?.length === 0) return [];
  const rows = await db()
    .select({ r: monitoringRounds, unitId: units.id, unitCode: units.code, unitName: units.name, year: unitYears.year })
    .from(monitoringRounds)
    .innerJoin(unitYears, eq(unitYears.id, monitoringRounds.unitYearId))
    .innerJoin(units, eq(units.id, unitYears.unitId))
    .where(and(unitYearIds === null ? undefined : inArray(monitoringRounds.unitYearId, [...unitYearIds]), roundId === undefined ? undefined : eq(monitoringRounds.id, roundId)))
    .orderBy(desc(unitYears.year), asc(units.code), desc(monitoringRounds.month))
    .limit(limit);
  return rows.map((x) => ({ ...x.r, unitId: x.unitId, unitCode: x.unitCode, unitName: x.unitName, year: x.year }));
}

export async function insertReport(r: { roundId: number; projectId: number; budgetYuan: number }): Promise<MonitoringReportRow> {
  const at = now();
  const [row] = await db().insert(monitoringReports).values({ ...r, createdAt: at, updatedAt: at }).returning();
  return row!;
}

export async function getReport(id: number): Promise<MonitoringReportRow | undefined> {
  return first(db().select().from(monitoringReports).where(eq(monitoringReports.id, id)));
}

export async function listEntries(reportId: number): Promise<MonitoringEntryRow[]> {
  return db().select().from(monitoringEntries).where(eq(monitoringEntries.reportId, reportId)).orderBy(asc(monitoringEntries.id));
}

export type ReportFields = Pick<
  MonitoringReportRow,
  | 'budgetYuan'
  | 'executedYuan'
  | 'forecastYuan'
  | 'goalProgress'
  | 'analysis'
  | 'needsRectification'
  | 'rectification'
  | 'fundsLight'
  | 'fundsProgress'
  | 'light'
  | 'redCount'
  | 'yellowCount'
>;

/** Saves the report's fields if it is still at `version`; null when someone else saved first. */
export async function updateReport(id: number, version: number, fields: ReportFields, userId: number): Promise<MonitoringReportRow | null> {
  const row = await first(
    db()
      .update(monitoringReports)
      .set({ ...fields, version: sql`${monitoringReports.version} + 1`, updatedAt: now(), updatedBy: userId })
      .where(and(eq(monitoringReports.id, id), eq(monitoringReports.version, version)))
      .returning(),
  );
  return row ?? null;
}

export type EntryInsert = Omit<MonitoringEntryRow, 'id' | 'reportId'>;

export async function replaceEntries(reportId: number, entries: readonly EntryInsert[]): Promise<void> {
  await db().delete(monitoringEntries).where(eq(monitoringEntries.reportId, reportId));
  if (entries.length > 0) await db().insert(monitoringEntries).values(entries.map((e) => ({ ...e, reportId })));
}

export async function updateReportStatus(
  id: number,
  expected: { status: ProjectStatus; version: number },
  to: ProjectStatus,
  userId: number,
  extra: { submittedBy?: number | null } = {},
): Promise<MonitoringReportRow | null> {
  const row = await first(
    db()
      .update(monitoringReports)
      .set({ status: to, version: sql`${monitoringReports.version} + 1`, updatedAt: now(), updatedBy: userId, ...extra })
      .where(and(eq(monitoringReports.id, id), eq(monitoringReports.status, expected.status), eq(monitoringReports.version, expected.version)))
      .returning(),
  );
  return row ?? null;
}

export async function insertMonitoringEvent(e: Omit<MonitoringEventRow, 'id' | 'at'>): Promise<MonitoringEventRow> {
  const [row] = await db().insert(monitoringEvents).values({ ...e, at: now() }).returning();
  return row!;
}

export type MonitoringEventView = MonitoringEventRow & { userName: string };

export async function listMonitoringEvents(reportId: number): Promise<MonitoringEventView[]> {
  const rows = await db()
    .select({ e: monitoringEvents, userName: users.displayName })
    .from(monitoringEvents)
    .innerJoin(users, eq(users.id, monitoringEvents.userId))
    .where(eq(monitoringEvents.reportId, reportId))
    .orderBy(asc(monitoringEvents.at), asc(monitoringEvents.id));
  return rows.map((r) => ({ ...r.e, userName: r.userName }));
}

/** Whether the user saved or submitted the report (separation of duties, as for tables). */
export async function hasUserTouchedReport(reportId: number, userId: number): Promise<boolean> {
  const row = await first(
    db()
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'monitoring-report'), eq(auditLog.entityId, reportId), eq(auditLog.userId, userId), inArray(auditLog.action, ['update', 'submit'])))
      .limit(1),
  );
  return row !== undefined;
}

// ---- the dashboard ----

export const REPORT_SORTS = ['light', 'progress', 'code', 'status', 'updated'] as const;
export type ReportSort = (typeof REPORT_SORTS)[number];

export type ReportQuery = {
  /** The unit-years the caller may see; null: every one (an administrator). */
  unitYearIds: readonly number[] | null;
  roundId?: number;
  light?: LightValue;
  status?: ProjectStatus;
  sort?: ReportSort;
  desc?: boolean;
  limit?: number;
  /** Rows to skip (the dashboard's pages). */
  offset?: number;
};

export type ReportListRow = {
  id: number;
  roundId: number;
  month: number;
  deadline: string;
  unitCode: string;
  year: number;
  projectId: number;
  code: string;
  name: string;
  status: ProjectStatus;
  light: LightValue;
  fundsLight: LightValue;
  fundsProgress: number | null;
  budgetYuan: number;
  executedYuan: number | null;
  redCount: number;
  yellowCount: number;
  updatedAt: number;
};

/** Red first when sorting by light, as people look for trouble. */
const LIGHT_RANK = sql`case ${monitoringReports.light} when 'red' then 0 when 'yellow' then 1 when 'green' then 2 when 'blue' then 3 else 4 end`;

/**
 * The same filter on monitoring_reports alone: the unit-years through the round ids (an index range each),
 * so counting and picking the top rows need no join over every report.
 */
function reportOnlyFilter(q: Pick<ReportQuery, 'unitYearIds' | 'roundId' | 'light' | 'status'>): SQL | undefined {
  const parts: SQL[] = [];
  if (q.roundId) parts.push(eq(monitoringReports.roundId, q.roundId));
  else if (q.unitYearIds !== null) parts.push(inArray(monitoringReports.roundId, db().select({ id: monitoringRounds.id }).from(monitoringRounds).where(inArray(monitoringRounds.unitYearId, [...q.unitYearIds]))));
  if (q.light) parts.push(eq(monitoringReports.light, q.light));
  if (q.status) parts.push(eq(monitoringReports.status, q.status));
  return and(...parts);
}

function reportFilter(q: ReportQuery): SQL | undefined {
  const parts: SQL[] = q.unitYearIds === null ? [] : [inArray(monitoringRounds.unitYearId, [...q.unitYearIds])];
  if (q.roundId) parts.push(eq(monitoringReports.roundId, q.roundId));
  if (q.light) parts.push(eq(monitoringReports.light, q.light));
  if (q.status) parts.push(eq(monitoringReports.status, q.status));
  return and(...parts);
}

/**
 * One page of reports. In one round the ties of the chosen order follow the table order; across every
 * visible unit-year (100,000 reports and more) the page is first picked on monitoring_reports alone, ties
 * by report id (table order has no meaning across unit-years), and only its rows are joined — except
 * by project code, which lives in projects.
 */
export async function listReports(q: ReportQuery): Promise<ReportListRow[]> {
  if (q.unitYearIds?.length === 0) return [];
  const sort = q.sort ?? 'light';
  const order = {
    light: LIGHT_RANK,
    progress: sql`coalesce(${monitoringReports.fundsProgress}, -1)`,
    code: sql`${projects.code}`,
    status: sql`${monitoringReports.status}`,
    updated: sql`${monitoringReports.updatedAt}`,
  }[sort];
  const direction = (x: SQL | typeof monitoringReports.id) => (q.desc ? desc(x) : asc(x));
  const limit = Math.min(Math.max(q.limit ?? 500, 1), 2000);
  const offset = Math.max(q.offset ?? 0, 0);
  const pickFirst = !q.roundId && sort !== 'code';
  let ids: number[] | null = null;
  if (pickFirst) {
    const picked = await db().select({ id: monitoringReports.id }).from(monitoringReports).where(reportOnlyFilter(q)).orderBy(direction(order), asc(monitoringReports.id)).limit(limit).offset(offset);
    ids = picked.map((r) => r.id);
    if (ids.length === 0) return [];
  }
  return db()
    .select({
      id: monitoringReports.id,
      roundId: monitoringReports.roundId,
      month: monitoringRounds.month,
      deadline: monitoringRounds.deadline,
      unitCode: units.code,
      year: unitYears.year,
      projectId: projects.id,
      code: projects.code,
      name: projects.name,
      status: monitoringReports.status,
      light: monitoringReports.light,
      fundsLight: monitoringReports.fundsLight,
      fundsProgress: monitoringReports.fundsProgress,
      budgetYuan: monitoringReports.budgetYuan,
      executedYuan: monitoringReports.executedYuan,
      redCount: monitoringReports.redCount,
      yellowCount: monitoringReports.yellowCount,
      updatedAt: monitoringReports.updatedAt,
    })
    .from(monitoringReports)
    .innerJoin(monitoringRounds, eq(monitoringRounds.id, monitoringReports.roundId))
    .innerJoin(unitYears, eq(unitYears.id, monitoringRounds.unitYearId))
    .innerJoin(units, eq(units.id, unitYears.unitId))
    .innerJoin(projects, eq(projects.id, monitoringReports.projectId))
    .where(ids ? inArray(monitoringReports.id, ids) : reportFilter(q))
    .orderBy(...(pickFirst ? [direction(order), asc(monitoringReports.id)] : [direction(order), asc(projects.position), asc(monitoringReports.id)]))
    .limit(limit)
    .offset(pickFirst ? 0 : offset);
}

export type ReportCounts = { byLight: Record<LightValue, number>; byStatus: Record<ProjectStatus, number>; overdue: number; total: number };

/**
 * Counts by light and by status, and reports past their round's deadline and not yet submitted. Counted
 * per round on monitoring_reports alone (its (round_id, light, status) index covers it), then the few
 * per-round groups are joined to their round for the deadline.
 */
export async function countReports(q: Pick<ReportQuery, 'unitYearIds' | 'roundId'>, today: string): Promise<ReportCounts> {
  const out: ReportCounts = {
    byLight: { red: 0, yellow: 0, green: 0, blue: 0, none: 0 },
    byStatus: { draft: 0, submitted: 0, returned: 0, dept_approved: 0, approved: 0 },
    overdue: 0,
    total: 0,
  };
  if (q.unitYearIds?.length === 0) return out;
  const groups = db()
    .select({ roundId: monitoringReports.roundId, light: monitoringReports.light, status: monitoringReports.status, n: sql<number>`count(*)`.as('n') })
    .from(monitoringReports)
    .where(reportOnlyFilter(q))
    .groupBy(monitoringReports.roundId, monitoringReports.light, monitoringReports.status)
    .as('g');
  // Summed in SQL too: at a thousand rounds the per-round groups are ten thousand rows to carry over.
  const isOverdue = sql<number>`case when ${monitoringRounds.deadline} < ${today} and ${groups.status} in ('draft', 'returned') then 1 else 0 end`;
  const rows = await db()
    .select({ light: groups.light, status: groups.status, isOverdue, n: sql<number>`sum(${groups.n})` })
    .from(groups)
    .innerJoin(monitoringRounds, eq(monitoringRounds.id, groups.roundId))
    // By position: PostgreSQL sees the expression's two bound `today`s as different expressions.
    .groupBy(groups.light, groups.status, sql`3`);
  for (const r of rows) {
    const n = Number(r.n);
    out.byLight[r.light] += n;
    out.byStatus[r.status] += n;
    if (Number(r.isOverdue) === 1) out.overdue += n;
    out.total += n;
  }
  return out;
}

/** Approved tables of a unit-year, for opening a round. */
export async function listApprovedProjects(unitYearId: number): Promise<{ id: number; totalYuan: number }[]> {
  return db()
    .select({ id: projects.id, totalYuan: projects.totalYuan })
    .from(projects)
    .where(and(eq(projects.unitYearId, unitYearId), eq(projects.status, 'approved')))
    .orderBy(asc(projects.position));
}

/** Reports of a unit-year's round, for the unit-year export, in print order. */
export async function listRoundReportIds(roundId: number): Promise<number[]> {
  const rows = await db()
    .select({ id: monitoringReports.id })
    .from(monitoringReports)
    .innerJoin(projects, eq(projects.id, monitoringReports.projectId))
    .where(eq(monitoringReports.roundId, roundId))
    .orderBy(asc(projects.position));
  return rows.map((r) => r.id);
}

// ---- stored lights kept true (lib/monitoring/relight.ts) ----

export type RelightReport = MonitoringReportRow & { month: number; unitYearId: number };

/** Every report of a unit-year, or of one table, with its round's month. */
export async function listReportsToRelight(of: { unitYearId: number } | { projectId: number }): Promise<RelightReport[]> {
  const rows = await db()
    .select({ r: monitoringReports, month: monitoringRounds.month, unitYearId: monitoringRounds.unitYearId })
    .from(monitoringReports)
    .innerJoin(monitoringRounds, eq(monitoringRounds.id, monitoringReports.roundId))
    .where('unitYearId' in of ? eq(monitoringRounds.unitYearId, of.unitYearId) : eq(monitoringReports.projectId, of.projectId))
    .orderBy(asc(monitoringReports.id));
  return rows.map((x) => ({ ...x.r, month: x.month, unitYearId: x.unitYearId }));
}

/** A few hundred rows a statement keeps every batch far below both engines' parameter limits. */
const BATCH = 200;

function batches<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += BATCH) out.push(rows.slice(i, i + BATCH));
  return out;
}

export async function listEntriesOfReports(reportIds: readonly number[]): Promise<MonitoringEntryRow[]> {
  const out: MonitoringEntryRow[] = [];
  for (const ids of batches(reportIds)) out.push(...(await db().select().from(monitoringEntries).where(inArray(monitoringEntries.reportId, ids)).orderBy(asc(monitoringEntries.id))));
  return out;
}

/** `case id when … then … end` for one column of a batch; the cast gives PostgreSQL the column's type. */
function caseOf<T extends { id: number }>(rows: readonly T[], value: (r: T) => string | number | null, type: 'text' | 'integer' | 'double precision'): SQL {
  const arms = sql.join(
    rows.map((r) => sql`when ${r.id} then cast(${value(r)} as ${sql.raw(type)})`),
    sql` `,
  );
  return sql`case id ${arms} end`;
}

export type ReportLights = Pick<MonitoringReportRow, 'id' | 'budgetYuan' | 'fundsLight' | 'fundsProgress' | 'light' | 'redCount' | 'yellowCount'>;

/**
 * Stores recomputed lights (and 全年预算数) of many reports, a batch a statement. The version is kept:
 * lights are derived, so an owner editing the report is not refused for them (the next save recomputes).
 */
export async function setReportLights(rows: readonly ReportLights[]): Promise<void> {
  for (const part of batches(rows)) {
    await db()
      .update(monitoringReports)
      .set({
        budgetYuan: sql`${caseOf(part, (r) => r.budgetYuan, 'integer')}`,
        fundsLight: sql`${caseOf(part, (r) => r.fundsLight, 'text')}`,
        fundsProgress: sql`${caseOf(part, (r) => r.fundsProgress, 'double precision')}`,
        light: sql`${caseOf(part, (r) => r.light, 'text')}`,
        redCount: sql`${caseOf(part, (r) => r.redCount, 'integer')}`,
        yellowCount: sql`${caseOf(part, (r) => r.yellowCount, 'integer')}`,
      })
      .where(inArray(monitoringReports.id, part.map((r) => r.id)));
  }
}

export async function setEntryLights(rows: readonly Pick<MonitoringEntryRow, 'id' | 'light' | 'progress'>[]): Promise<void> {
  for (const part of batches(rows)) {
    await db()
      .update(monitoringEntries)
      .set({ light: sql`${caseOf(part, (r) => r.light, 'text')}`, progress: sql`${caseOf(part, (r) => r.progress, 'double precision')}` })
      .where(inArray(monitoringEntries.id, part.map((r) => r.id)));
  }
}
