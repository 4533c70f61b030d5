import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { db, first, now } from '../client';
import {
  auditLog,
  monitoringReports,
  monitoringRounds,
  projects,
  selfEvalEvents,
  selfEvalRounds,
  selfEvals,
  unitYears,
  units,
  users,
  type MonitoringReportRow,
  type ProjectStatus,
  type SelfEvalEventRow,
  type SelfEvalRoundRow,
  type SelfEvalRow,
} from '../schema';

// ---- rounds ----

export async function insertSelfEvalRound(r: { unitYearId: number; openedBy: number }): Promise<SelfEvalRoundRow> {
  const [row] = await db().insert(selfEvalRounds).values({ ...r, openedAt: now() }).returning();
  return row!;
}

export async function getSelfEvalRound(id: number): Promise<SelfEvalRoundRow | undefined> {
  return first(db().select().from(selfEvalRounds).where(eq(selfEvalRounds.id, id)));
}

export async function findSelfEvalRound(unitYearId: number): Promise<SelfEvalRoundRow | undefined> {
  return first(db().select().from(selfEvalRounds).where(eq(selfEvalRounds.unitYearId, unitYearId)));
}

export async function setSelfEvalRoundPublic(id: number, isPublic: boolean): Promise<SelfEvalRoundRow | undefined> {
  return first(db().update(selfEvalRounds).set({ isPublic }).where(eq(selfEvalRounds.id, id)).returning());
}

export type SelfEvalRoundView = SelfEvalRoundRow & { unitId: number; unitCode: string; unitName: string; year: number; count: number };

/** Rounds of the given unit-years (null: all), newest year first, with how many 自评表 each has. */
export async function listSelfEvalRounds(unitYearIds: readonly number[] | null): Promise<SelfEvalRoundView[]> {
  if (unitYearIds?.length === 0) return [];
  const rows = await db()
    .select({
      r: selfEvalRounds,
      unitId: units.id,
      unitCode: units.code,
      unitName: units.name,
      year: unitYears.year,
      count: sql<number>`(select count(*) from ${selfEvals} where ${selfEvals.roundId} = ${selfEvalRounds.id})`,
    })
    .from(selfEvalRounds)
    .innerJoin(unitYears, eq(unitYears.id, selfEvalRounds.unitYearId))
    .innerJoin(units, eq(units.id, unitYears.unitId))
    .where(unitYearIds === null ? undefined : inArray(selfEvalRounds.unitYearId, [...unitYearIds]))
    .orderBy(desc(unitYears.year), asc(units.code))
    .limit(500);
  return rows.map((x) => ({ ...x.r, unitId: x.unitId, unitCode: x.unitCode, unitName: x.unitName, year: x.year, count: Number(x.count) }));
}

// ---- self-evaluations ----

export async function insertSelfEval(r: { roundId: number; projectId: number; data: string; scoreCents: number | null; grade: string | null }): Promise<SelfEvalRow> {
  const at = now();
  const [row] = await db().insert(selfEvals).values({ ...r, createdAt: at, updatedAt: at }).returning();
  return row!;
}

export async function getSelfEval(id: number): Promise<SelfEvalRow | undefined> {
  return first(db().select().from(selfEvals).where(eq(selfEvals.id, id)));
}

export type SelfEvalFields = Pick<SelfEvalRow, 'data' | 'scoreCents' | 'grade'>;

/** Saves what was typed if the self-evaluation is still at `version`; null when someone else saved first. */
export async function updateSelfEval(id: number, version: number, fields: SelfEvalFields, userId: number): Promise<SelfEvalRow | null> {
  const row = await first(
    db()
      .update(selfEvals)
      .set({ ...fields, version: sql`${selfEvals.version} + 1`, updatedAt: now(), updatedBy: userId })
      .where(and(eq(selfEvals.id, id), eq(selfEvals.version, version)))
      .returning(),
  );
  return row ?? null;
}

export async function updateSelfEvalStatus(
  id: number,
  expected: { status: ProjectStatus; version: number },
  to: ProjectStatus,
  userId: number,
  extra: { submittedBy?: number | null } = {},
): Promise<SelfEvalRow | null> {
  const row = await first(
    db()
      .update(selfEvals)
      .set({ status: to, version: sql`${selfEvals.version} + 1`, updatedAt: now(), updatedBy: userId, ...extra })
      .where(and(eq(selfEvals.id, id), eq(selfEvals.status, expected.status), eq(selfEvals.version, expected.version)))
      .returning(),
  );
  return row ?? null;
}

export async function insertSelfEvalEvent(e: Omit<SelfEvalEventRow, 'id' | 'at'>): Promise<SelfEvalEventRow> {
  const [row] = await db().insert(selfEvalEvents).values({ ...e, at: now() }).returning();
  return row!;
}

export type SelfEvalEventView = SelfEvalEventRow & { userName: string };

export async function listSelfEvalEvents(selfEvalId: number): Promise<SelfEvalEventView[]> {
  const rows = await db()
    .select({ e: selfEvalEvents, userName: users.displayName })
    .from(selfEvalEvents)
    .innerJoin(users, eq(users.id, selfEvalEvents.userId))
    .where(eq(selfEvalEvents.selfEvalId, selfEvalId))
    .orderBy(asc(selfEvalEvents.at), asc(selfEvalEvents.id));
  return rows.map((r) => ({ ...r.e, userName: r.userName }));
}

/** Whether the user saved or submitted the self-evaluation (separation of duties, as for tables). */
export async function hasUserTouchedSelfEval(selfEvalId: number, userId: number): Promise<boolean> {
  const row = await first(
    db()
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(and(eq(auditLog.entity, 'selfeval'), eq(auditLog.entityId, selfEvalId), eq(auditLog.userId, userId), inArray(auditLog.action, ['update', 'submit'])))
      .limit(1),
  );
  return row !== undefined;
}

export type SelfEvalListRow = {
  id: number;
  projectId: number;
  code: string;
  name: string;
  status: ProjectStatus;
  scoreCents: number | null;
  grade: string | null;
  updatedAt: number;
};

/**
 * The 自评表 of a round in print order, without their JSON, for the unit-year page; `approvedOnly` for
 * the public page. Reads one index range (selfevals_round_project) and the tables' rows by key.
 */
/** A 自评表's line in the round's lists. */
const LIST_COLUMNS = {
  id: selfEvals.id,
  projectId: projects.id,
  code: projects.code,
  name: projects.name,
  status: selfEvals.status,
  scoreCents: selfEvals.scoreCents,
  grade: selfEvals.grade,
  updatedAt: selfEvals.updatedAt,
};

/** Every self-evaluation of a round (or its approved ones), whole, in the tables' print order. */
export async function listSelfEvalRowsOfRound(roundId: number, approvedOnly = false): Promise<SelfEvalRow[]> {
  const rows = await db()
    .select({ e: selfEvals })
    .from(selfEvals)
    .innerJoin(projects, eq(projects.id, selfEvals.projectId))
    .where(approvedOnly ? and(eq(selfEvals.roundId, roundId), eq(selfEvals.status, 'approved')) : eq(selfEvals.roundId, roundId))
    .orderBy(asc(projects.position), asc(selfEvals.id));
  return rows.map((r) => r.e);
}

export async function listSelfEvalsOfRound(roundId: number, approvedOnly = false): Promise<SelfEvalListRow[]> {
  return db()
    .select(LIST_COLUMNS)
    .from(selfEvals)
    .innerJoin(projects, eq(projects.id, selfEvals.projectId))
    .where(approvedOnly ? and(eq(selfEvals.roundId, roundId), eq(selfEvals.status, 'approved')) : eq(selfEvals.roundId, roundId))
    .orderBy(asc(projects.position), asc(selfEvals.id));
}

/**
 * One page of a round's 自评表 in the tables' print order, for the unit-year score page. Filtered on the
 * tables' unit-year as well, so that the planner walks projects by (unit_year_id, position) and stops
 * after the page instead of sorting the whole round (100,000 tables: issue 15's bench).
 */
export async function listSelfEvalsOfRoundPage(round: { id: number; unitYearId: number }, offset: number, limit: number): Promise<SelfEvalListRow[]> {
  return db()
    .select(LIST_COLUMNS)
    .from(projects)
    .innerJoin(selfEvals, and(eq(selfEvals.projectId, projects.id), eq(selfEvals.roundId, round.id)))
    .where(eq(projects.unitYearId, round.unitYearId))
    // projects.id, not selfEvals.id, breaks ties: the (unit_year_id, position) index holds it, so no sort.
    .orderBy(asc(projects.position), asc(projects.id))
    .limit(limit)
    .offset(offset);
}

export type SelfEvalGradeTotal = { grade: string | null; count: number; scored: number; sumCents: number };

/** Per grade (null: not scored yet): how many 自评表, how many with a score, and their scores' sum in cents. */
export async function selfEvalRoundTotals(roundId: number): Promise<SelfEvalGradeTotal[]> {
  const rows = await db()
    .select({
      grade: selfEvals.grade,
      count: sql<number>`count(*)`.mapWith(Number),
      scored: sql<number>`count(${selfEvals.scoreCents})`.mapWith(Number),
      sumCents: sql<number>`coalesce(sum(${selfEvals.scoreCents}), 0)`.mapWith(Number),
    })
    .from(selfEvals)
    .where(eq(selfEvals.roundId, roundId))
    .groupBy(selfEvals.grade);
  return rows;
}

/** The latest monitoring report of a table (the round of the highest month), to prefill from its figures. */
export async function latestMonitoringReportOf(projectId: number): Promise<MonitoringReportRow | undefined> {
  const row = await first(
    db()
      .select({ r: monitoringReports })
      .from(monitoringReports)
      .innerJoin(monitoringRounds, eq(monitoringRounds.id, monitoringReports.roundId))
      .where(eq(monitoringReports.projectId, projectId))
      .orderBy(desc(monitoringRounds.month), desc(monitoringReports.id))
      .limit(1),
  );
  return row?.r;
}

/**
 * Re-grades the stored 自评表s of a unit-year from their stored 自评得分 when its grade thresholds change,
 * in one statement; the score itself does not depend on the thresholds. Returns how many changed.
 */
export async function regradeSelfEvals(unitYearId: number, t: { excellent: number; good: number; pass: number }): Promise<number> {
  const cents = (n: number) => Math.round(n * 100);
  const grade = sql`case
    when ${selfEvals.scoreCents} is null then null
    when ${selfEvals.scoreCents} >= ${cents(t.excellent)} then '优'
    when ${selfEvals.scoreCents} >= ${cents(t.good)} then '良'
    when ${selfEvals.scoreCents} >= ${cents(t.pass)} then '中'
    else '差' end`;
  const rounds = db().select({ id: selfEvalRounds.id }).from(selfEvalRounds).where(eq(selfEvalRounds.unitYearId, unitYearId));
  const changed = await db()
    .update(selfEvals)
    .set({ grade })
    .where(and(inArray(selfEvals.roundId, rounds), sql`${selfEvals.grade} is distinct from (${grade})`))
    .returning({ id: selfEvals.id });
  return changed.length;
}
