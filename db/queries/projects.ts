import { and, asc, desc, eq, inArray, max, sql, type SQL } from 'drizzle-orm';
import { db, now, prepared, sqlite } from '../client';
import {
  checkpoints,
  indicators,
  projects,
  unitYears,
  units,
  users,
  type CheckpointRow,
  type IndicatorDbRow,
  type ProjectRow,
  type ProjectStatus,
} from '../schema';

export const PROJECT_SORTS = ['position', 'code', 'name', 'total', 'updated', 'status'] as const;
export type ProjectSort = (typeof PROJECT_SORTS)[number];

export type ProjectListQuery = {
  /** The unit-years the caller may see and asked for; an empty list finds nothing. */
  unitYearIds: readonly number[];
  search?: string;
  status?: ProjectStatus;
  hasWarnings?: boolean;
  sort?: ProjectSort;
  desc?: boolean;
  page?: number;
  pageSize?: number;
};

export type ProjectListRow = {
  id: number;
  unitYearId: number;
  unitCode: string;
  unitName: string;
  year: number;
  position: number;
  code: string;
  name: string;
  totalYuan: number;
  status: ProjectStatus;
  version: number;
  errorCount: number;
  warningCount: number;
  updatedAt: number;
  updatedByName: string | null;
};

const SORT_COLUMNS = {
  position: projects.position,
  code: projects.code,
  name: projects.name,
  total: projects.totalYuan,
  updated: projects.updatedAt,
  status: projects.status,
} as const;

function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

function listFilter(q: ProjectListQuery): SQL | undefined {
  const parts: SQL[] = [];
  parts.push(
    q.unitYearIds.length === 1
      ? eq(projects.unitYearId, q.unitYearIds[0]!)
      : inArray(projects.unitYearId, [...q.unitYearIds]),
  );
  const term = q.search?.trim();
  if (term) {
    const p = likePattern(term);
    parts.push(sql`(${projects.code} like ${p} escape '\\' or ${projects.name} like ${p} escape '\\')`);
  }
  if (q.status) parts.push(eq(projects.status, q.status));
  if (q.hasWarnings) parts.push(sql`${projects.warningCount} > 0`);
  return and(...parts);
}

export function listProjects(q: ProjectListQuery): { rows: ProjectListRow[]; total: number } {
  if (q.unitYearIds.length === 0) return { rows: [], total: 0 };
  const where = listFilter(q);
  const pageSize = Math.min(Math.max(q.pageSize ?? 50, 1), 200);
  const page = Math.max(q.page ?? 1, 1);
  const column = SORT_COLUMNS[q.sort ?? 'position'];
  const order = q.desc ? [desc(column), desc(projects.id)] : [asc(column), asc(projects.id)];
  const total = db().select({ n: sql<number>`count(*)` }).from(projects).where(where).get()?.n ?? 0;
  const rows = db()
    .select({
      id: projects.id,
      unitYearId: projects.unitYearId,
      unitCode: units.code,
      unitName: units.name,
      year: unitYears.year,
      position: projects.position,
      code: projects.code,
      name: projects.name,
      totalYuan: projects.totalYuan,
      status: projects.status,
      version: projects.version,
      errorCount: projects.errorCount,
      warningCount: projects.warningCount,
      updatedAt: projects.updatedAt,
      updatedByName: users.displayName,
    })
    .from(projects)
    .innerJoin(unitYears, eq(unitYears.id, projects.unitYearId))
    .innerJoin(units, eq(units.id, unitYears.unitId))
    .leftJoin(users, eq(users.id, projects.updatedBy))
    .where(where)
    .orderBy(...order)
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .all();
  return { rows, total };
}

export function getProject(id: number): ProjectRow | undefined {
  return prepared('projects.get', (d) =>
    d.select().from(projects).where(eq(projects.id, sql.placeholder('id'))).prepare(),
  ).get({ id });
}

export function findProjectByCode(unitYearId: number, code: string): ProjectRow | undefined {
  return prepared('projects.by-code', (d) =>
    d
      .select()
      .from(projects)
      .where(and(eq(projects.unitYearId, sql.placeholder('unitYearId')), eq(projects.code, sql.placeholder('code'))))
      .prepare(),
  ).get({ unitYearId, code });
}

export function listProjectsOfUnitYear(unitYearId: number, statuses?: readonly ProjectStatus[]): ProjectRow[] {
  const where = statuses
    ? and(eq(projects.unitYearId, unitYearId), inArray(projects.status, [...statuses]))
    : eq(projects.unitYearId, unitYearId);
  return db().select().from(projects).where(where).orderBy(asc(projects.position), asc(projects.id)).all();
}

/**
 * How many tables of the unit-year come before this one in print order (position, then id), counting
 * only approved ones when `approvedOnly`: the table's printed number is this plus one.
 */
export function countProjectsBefore(project: Pick<ProjectRow, 'id' | 'unitYearId' | 'position'>, approvedOnly: boolean): number {
  const before = sql`(${projects.position} < ${project.position} or (${projects.position} = ${project.position} and ${projects.id} < ${project.id}))`;
  const where = approvedOnly ? and(eq(projects.unitYearId, project.unitYearId), eq(projects.status, 'approved'), before) : and(eq(projects.unitYearId, project.unitYearId), before);
  return db().select({ n: sql<number>`count(*)` }).from(projects).where(where).get()?.n ?? 0;
}

export type ProjectBundle = { project: ProjectRow; checkpoints: CheckpointRow[]; indicators: IndicatorDbRow[] };

export function getProjectBundle(id: number): ProjectBundle | null {
  const project = getProject(id);
  if (!project) return null;
  return {
    project,
    checkpoints: prepared('checkpoints.of', (d) =>
      d.select().from(checkpoints).where(eq(checkpoints.projectId, sql.placeholder('id'))).orderBy(asc(checkpoints.position)).prepare(),
    ).all({ id }),
    indicators: prepared('indicators.of', (d) =>
      d.select().from(indicators).where(eq(indicators.projectId, sql.placeholder('id'))).orderBy(asc(indicators.position)).prepare(),
    ).all({ id }),
  };
}

/** Bundles of many projects in three queries (no N+1), in the order of `ids`. */
export function getProjectBundles(ids: readonly number[]): ProjectBundle[] {
  if (ids.length === 0) return [];
  const out: ProjectBundle[] = [];
  // SQLite limits bound parameters; 500 per batch stays far below it.
  for (let i = 0; i < ids.length; i += 500) {
    const batch = ids.slice(i, i + 500);
    const ps = db().select().from(projects).where(inArray(projects.id, batch)).all();
    const cps = db()
      .select()
      .from(checkpoints)
      .where(inArray(checkpoints.projectId, batch))
      .orderBy(asc(checkpoints.projectId), asc(checkpoints.position))
      .all();
    const ins = db()
      .select()
      .from(indicators)
      .where(inArray(indicators.projectId, batch))
      .orderBy(asc(indicators.projectId), asc(indicators.position))
      .all();
    const byId = new Map<number, ProjectBundle>();
    for (const p of ps) byId.set(p.id, { project: p, checkpoints: [], indicators: [] });
    for (const c of cps) byId.get(c.projectId)?.checkpoints.push(c);
    for (const r of ins) byId.get(r.projectId)?.indicators.push(r);
    for (const id of batch) {
      const b = byId.get(id);
      if (b) out.push(b);
    }
  }
  return out;
}

export type ProjectHeader = Pick<
  ProjectRow,
  'code' | 'name' | 'totalYuan' | 'fiscalYuan' | 'otherYuan' | 'purpose' | 'goal' | 'errorCount' | 'warningCount'
>;
export type CheckpointInsert = Pick<CheckpointRow, 'month' | 'percent'>;
export type IndicatorInsert = Omit<IndicatorDbRow, 'id' | 'projectId' | 'position'>;

export function nextProjectPosition(unitYearId: number): number {
  const row = db()
    .select({ m: max(projects.position) })
    .from(projects)
    .where(eq(projects.unitYearId, unitYearId))
    .get();
  return (row?.m ?? 0) + 1;
}

export function insertProject(
  unitYearId: number,
  header: ProjectHeader,
  userId: number | null,
  status: ProjectStatus = 'draft',
  position?: number,
): ProjectRow {
  const t = now();
  return db()
    .insert(projects)
    .values({
      unitYearId,
      position: position ?? nextProjectPosition(unitYearId),
      ...header,
      status,
      version: 1,
      createdBy: userId,
      updatedBy: userId,
      createdAt: t,
      updatedAt: t,
    })
    .returning()
    .get();
}

/** Updates the header only if the stored version is `expectedVersion`; returns the new row or null. */
export function updateProjectHeader(
  id: number,
  expectedVersion: number,
  header: ProjectHeader,
  userId: number | null,
): ProjectRow | null {
  const p = (name: keyof ProjectHeader | 'updatedBy' | 'updatedAt' | 'id' | 'expected') => sql`${sql.placeholder(name)}`;
  const stmt = prepared('projects.update-header', (d) =>
    d
      .update(projects)
      .set({
        code: p('code'),
        name: p('name'),
        totalYuan: p('totalYuan'),
        fiscalYuan: p('fiscalYuan'),
        otherYuan: p('otherYuan'),
        purpose: p('purpose'),
        goal: p('goal'),
        errorCount: p('errorCount'),
        warningCount: p('warningCount'),
        version: sql`${projects.version} + 1`,
        updatedBy: p('updatedBy'),
        updatedAt: p('updatedAt'),
      })
      .where(and(eq(projects.id, p('id')), eq(projects.version, p('expected'))))
      .returning()
      .prepare(),
  );
  return stmt.get({ ...header, updatedBy: userId, updatedAt: now(), id, expected: expectedVersion }) ?? null;
}

const CHECKPOINT_COLUMNS = ['project_id', 'position', 'month', 'percent'] as const;
const INDICATOR_COLUMNS = [
  'project_id', 'row_key', 'position', 'level1', 'level2', 'name', 'description', 'value', 'value_kind', 'comparator',
  'number', 'unit', 'deadline_year', 'deadline_month', 'deadline_day', 'deadline_suffix', 'basis', 'is_placeholder',
] as const;

function insertStatement(key: string, table: string, columns: readonly string[]) {
  return prepared(key, () => sqlite().prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`));
}

/** Replaces a table's plan and rows (call inside a transaction); one prepared insert per row is fastest here. */
export function replaceProjectContent(
  projectId: number,
  plan: readonly CheckpointInsert[],
  rows: readonly IndicatorInsert[],
): void {
  prepared('checkpoints.delete', () => sqlite().prepare('delete from checkpoints where project_id = ?')).run(projectId);
  prepared('indicators.delete', () => sqlite().prepare('delete from indicators where project_id = ?')).run(projectId);
  const insCheckpoint = insertStatement('checkpoints.insert', 'checkpoints', CHECKPOINT_COLUMNS);
  plan.forEach((c, i) => insCheckpoint.run(projectId, i + 1, c.month, c.percent));
  const insIndicator = insertStatement('indicators.insert', 'indicators', INDICATOR_COLUMNS);
  rows.forEach((r, i) =>
    insIndicator.run(
      projectId, r.rowKey, i + 1, r.level1, r.level2, r.name, r.description, r.value, r.valueKind, r.comparator,
      r.number, r.unit, r.deadlineYear, r.deadlineMonth, r.deadlineDay, r.deadlineSuffix, r.basis, r.isPlaceholder ? 1 : 0,
    ),
  );
}

/** Moves a project between workflow states if it is still in `from` at `expectedVersion`. */
export function updateProjectStatus(
  id: number,
  expected: { status: ProjectStatus; version: number },
  to: ProjectStatus,
  userId: number,
  extra: { submittedBy?: number | null } = {},
): ProjectRow | null {
  return (
    db()
      .update(projects)
      // The one who moved it is its last changer (the time, the version and a conflict message all say so).
      .set({ status: to, version: sql`${projects.version} + 1`, updatedAt: now(), updatedBy: userId, ...extra })
      .where(and(eq(projects.id, id), eq(projects.status, expected.status), eq(projects.version, expected.version)))
      .returning()
      .get() ?? null
  );
}

export function setProjectPositions(unitYearId: number, orderedIds: readonly number[]): void {
  orderedIds.forEach((id, i) => {
    db()
      .update(projects)
      .set({ position: i + 1 })
      .where(and(eq(projects.id, id), eq(projects.unitYearId, unitYearId)))
      .run();
  });
}

export function deleteProject(id: number): void {
  db().delete(projects).where(eq(projects.id, id)).run();
}
