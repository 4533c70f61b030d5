import { and, asc, count, desc, eq, inArray, max, or, sql, type SQL } from 'drizzle-orm';
import { containsText, currentEngine, db, first, fromJsonRow, now, prepared, rawAll, rawAllPrepared, sqliteConnection } from '../client';
import { appendAudit, auditBindings, auditInsertSql, type AuditEntry } from './audit';
import { tablesOfUnitYear, type PreviousTable } from './last-year';
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
  type UnitYearRow,
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

function listFilter(q: ProjectListQuery): SQL | undefined {
  const parts: SQL[] = [];
  parts.push(
    q.unitYearIds.length === 1
      ? eq(projects.unitYearId, q.unitYearIds[0]!)
      : inArray(projects.unitYearId, [...q.unitYearIds]),
  );
  const term = q.search?.trim();
  if (term) {
    parts.push(or(containsText(projects.code, term), containsText(projects.name, term))!);
  }
  if (q.status) parts.push(eq(projects.status, q.status));
  if (q.hasWarnings) parts.push(sql`${projects.warningCount} > 0`);
  return and(...parts);
}

export async function listProjects(q: ProjectListQuery): Promise<{ rows: ProjectListRow[]; total: number }> {
  if (q.unitYearIds.length === 0) return { rows: [], total: 0 };
  const where = listFilter(q);
  const pageSize = Math.min(Math.max(q.pageSize ?? 50, 1), 200);
  const page = Math.max(q.page ?? 1, 1);
  const column = SORT_COLUMNS[q.sort ?? 'position'];
  const order = q.desc ? [desc(column), desc(projects.id)] : [asc(column), asc(projects.id)];
  return projectListPage(where, order, page, pageSize);
}

/** One page of the table list's rows matching `where`, and how many match: the list and the review queue. */
export async function projectListPage(where: SQL | undefined, order: SQL[], page: number, pageSize: number): Promise<{ rows: ProjectListRow[]; total: number }> {
  const total = (await first(db().select({ n: count() }).from(projects).where(where)))?.n ?? 0;
  const rows = await db()
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
    .offset((page - 1) * pageSize);
  return { rows, total };
}

export async function getProject(id: number): Promise<ProjectRow | undefined> {
  return first(prepared('projects.get', (d) => d.select().from(projects).where(eq(projects.id, sql.placeholder('id'))).prepare('projects_get')).execute({ id }));
}

export async function findProjectByCode(unitYearId: number, code: string): Promise<ProjectRow | undefined> {
  return first(
    prepared('projects.by-code', (d) =>
      d
        .select()
        .from(projects)
        .where(and(eq(projects.unitYearId, sql.placeholder('unitYearId')), eq(projects.code, sql.placeholder('code'))))
        .prepare('projects_by_code'),
    ).execute({ unitYearId, code }),
  );
}

export async function listProjectsOfUnitYear(unitYearId: number, statuses?: readonly ProjectStatus[]): Promise<ProjectRow[]> {
  const where = statuses
    ? and(eq(projects.unitYearId, unitYearId), inArray(projects.status, [...statuses]))
    : eq(projects.unitYearId, unitYearId);
  return db().select().from(projects).where(where).orderBy(asc(projects.position), asc(projects.id));
}

/**
 * How many tables of the unit-year come before this one in print order (position, then id), counting
 * only approved ones when `approvedOnly`: the table's printed number is this plus one.
 */
export async function countProjectsBefore(project: Pick<ProjectRow, 'id' | 'unitYearId' | 'position'>, approvedOnly: boolean): Promise<number> {
  const before = sql`(${projects.position} < ${project.position} or (${projects.position} = ${project.position} and ${projects.id} < ${project.id}))`;
  const where = approvedOnly ? and(eq(projects.unitYearId, project.unitYearId), eq(projects.status, 'approved'), before) : and(eq(projects.unitYearId, project.unitYearId), before);
  return (await first(db().select({ n: count() }).from(projects).where(where)))?.n ?? 0;
}

export type ProjectBundle = { project: ProjectRow; checkpoints: CheckpointRow[]; indicators: IndicatorDbRow[] };
/** A table's plan and rows as stored, in print order. */
export type ProjectContent = Omit<ProjectBundle, 'project'>;

/**
 * A project with its unit-year in one query (a save or a status change needs both, and on PostgreSQL
 * every query is a round trip). `unitYear` is null only if the project's unit-year is missing.
 */
export async function getProjectScope(id: number): Promise<{ project: ProjectRow; unitYear: UnitYearRow | null } | undefined> {
  return first(
    prepared('projects.scope', (d) =>
      d
        .select({ project: projects, unitYear: unitYears })
        .from(projects)
        .leftJoin(unitYears, eq(unitYears.id, projects.unitYearId))
        .where(eq(projects.id, sql.placeholder('id')))
        .prepare('projects_scope'),
    ).execute({ id }),
  );
}

type JsonRow = Record<string, unknown>;
type JsonContent = { checkpoints: JsonRow[]; indicators: JsonRow[] };

/** The plan and rows of project `id` as two JSON columns of one PostgreSQL select. */
function contentColumns(id: SQL): SQL {
  return sql`
    (select coalesce(json_agg(c order by c.position), '[]'::json) from checkpoints c where c.project_id = ${id}) as "checkpoints",
    (select coalesce(json_agg(i order by i.position), '[]'::json) from indicators i where i.project_id = ${id}) as "indicators"`;
}

function contentFromJson(got: JsonContent): ProjectContent {
  return {
    checkpoints: got.checkpoints.map((r) => fromJsonRow<CheckpointRow>(checkpoints, r)),
    indicators: got.indicators.map((r) => fromJsonRow<IndicatorDbRow>(indicators, r)),
  };
}

export type ProjectForSave = { project: ProjectRow; unitYear: UnitYearRow | null; content: ProjectContent; lastYearTables: PreviousTable[] };

/**
 * What a save reads before it writes: the project with its unit-year (getProjectScope), its plan and
 * rows, and the tables of the unit's previous year (tablesOfUnitYear: the rules compare a table with the
 * one it continues, 指标值偏低). On PostgreSQL one statement, three round trips less than the reads apart.
 */
export async function getProjectForSave(id: number): Promise<ProjectForSave | undefined> {
  if (currentEngine() !== 'postgres') {
    const found = await getProjectScope(id);
    if (!found) return undefined;
    const lastYearTables = found.unitYear ? await tablesOfUnitYear(found.unitYear.unitId, found.unitYear.year - 1) : [];
    return { ...found, content: await getProjectContent(id), lastYearTables };
  }
  const [got] = await rawAllPrepared<{ project: JsonRow; unitYear: JsonRow | null; lastYearTables: PreviousTable[] } & JsonContent>(
    'project_for_save',
    (bind) => sql`
    select row_to_json(p) as "project", row_to_json(y) as "unitYear", ${contentColumns(sql.raw('p.id'))},
      (select coalesce(json_agg(json_build_object('id', q.id, 'code', q.code, 'name', q.name, 'status', q.status) order by q.position, q.id), '[]'::json)
         from projects q join unit_years qy on qy.id = q.unit_year_id
        where qy.unit_id = y.unit_id and qy.year = y.year - 1) as "lastYearTables"
    from projects p left join unit_years y on y.id = p.unit_year_id
    where p.id = ${bind('id')}`,
    { id },
  );
  if (!got) return undefined;
  return {
    project: fromJsonRow<ProjectRow>(projects, got.project),
    unitYear: got.unitYear && fromJsonRow<UnitYearRow>(unitYears, got.unitYear),
    content: contentFromJson(got),
    lastYearTables: got.lastYearTables,
  };
}

/**
 * The plan and rows of a project already read (no second read of the project itself). On PostgreSQL in
 * one query (each list as JSON: integers, doubles, text and booleans come back as they are stored).
 */
export async function getProjectContent(id: number): Promise<ProjectContent> {
  if (currentEngine() === 'postgres') {
    const [got] = await rawAll<JsonContent>(sql`select ${contentColumns(sql`${id}`)}`);
    return contentFromJson(got!);
  }
  return {
    checkpoints: await prepared('checkpoints.of', (d) =>
      d.select().from(checkpoints).where(eq(checkpoints.projectId, sql.placeholder('id'))).orderBy(asc(checkpoints.position)).prepare('checkpoints_of'),
    ).execute({ id }),
    indicators: await prepared('indicators.of', (d) =>
      d.select().from(indicators).where(eq(indicators.projectId, sql.placeholder('id'))).orderBy(asc(indicators.position)).prepare('indicators_of'),
    ).execute({ id }),
  };
}

export async function getProjectBundle(id: number): Promise<ProjectBundle | null> {
  const project = await getProject(id);
  if (!project) return null;
  return { project, ...(await getProjectContent(id)) };
}

/** Bundles of many projects in three queries (no N+1), in the order of `ids`. */
export async function getProjectBundles(ids: readonly number[]): Promise<ProjectBundle[]> {
  if (ids.length === 0) return [];
  const out: ProjectBundle[] = [];
  // SQLite limits bound parameters; 500 per batch stays far below it.
  for (let i = 0; i < ids.length; i += 500) {
    const batch = ids.slice(i, i + 500);
    const ps = await db().select().from(projects).where(inArray(projects.id, batch));
    const cps = await db()
      .select()
      .from(checkpoints)
      .where(inArray(checkpoints.projectId, batch))
      .orderBy(asc(checkpoints.projectId), asc(checkpoints.position));
    const ins = await db()
      .select()
      .from(indicators)
      .where(inArray(indicators.projectId, batch))
      .orderBy(asc(indicators.projectId), asc(indicators.position));
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
  'code' | 'name' | 'totalYuan' | 'fiscalYuan' | 'otherYuan' | 'totalTyped' | 'fiscalTyped' | 'otherTyped' | 'purpose' | 'goal' | 'longtermGoal' | 'amountUnit' | 'errorCount' | 'warningCount'
>;
export type CheckpointInsert = Pick<CheckpointRow, 'month' | 'percent'>;
export type IndicatorInsert = Omit<IndicatorDbRow, 'id' | 'projectId' | 'position'>;

export async function nextProjectPosition(unitYearId: number): Promise<number> {
  const row = await first(
    db()
      .select({ m: max(projects.position) })
      .from(projects)
      .where(eq(projects.unitYearId, unitYearId)),
  );
  return (row?.m ?? 0) + 1;
}

export async function insertProject(
  unitYearId: number,
  header: ProjectHeader,
  userId: number | null,
  status: ProjectStatus = 'draft',
  position?: number,
): Promise<ProjectRow> {
  const t = now();
  const [row] = await db()
    .insert(projects)
    .values({
      unitYearId,
      position: position ?? (await nextProjectPosition(unitYearId)),
      ...header,
      status,
      version: 1,
      createdBy: userId,
      updatedBy: userId,
      createdAt: t,
      updatedAt: t,
    })
    .returning();
  return row!;
}

/** Updates the header only if the stored version is `expectedVersion`; returns the new row or null. */
export async function updateProjectHeader(
  id: number,
  expectedVersion: number,
  header: ProjectHeader,
  userId: number | null,
): Promise<ProjectRow | null> {
  const p = (name: string) => sql`${sql.placeholder(name)}`;
  const stmt = prepared('projects.update-header', (d) => d.update(projects).set(headerSet(p)).where(headerWhere(p)).returning().prepare('projects_update_header'));
  return (await first(stmt.execute(headerBindings(id, expectedVersion, header, userId)))) ?? null;
}

/** A header update's new values, each `value(name)`: the header's fields, who and when, and the next version. */
function headerSet(value: (name: keyof ProjectHeader | 'updatedBy' | 'updatedAt') => SQL) {
  return {
    code: value('code'),
    name: value('name'),
    totalYuan: value('totalYuan'),
    fiscalYuan: value('fiscalYuan'),
    otherYuan: value('otherYuan'),
    totalTyped: value('totalTyped'),
    fiscalTyped: value('fiscalTyped'),
    otherTyped: value('otherTyped'),
    purpose: value('purpose'),
    goal: value('goal'),
    longtermGoal: value('longtermGoal'),
    amountUnit: value('amountUnit'),
    errorCount: value('errorCount'),
    warningCount: value('warningCount'),
    version: sql`${projects.version} + 1`,
    updatedBy: value('updatedBy'),
    updatedAt: value('updatedAt'),
  };
}

/** The project `id` if it is still at version `expected` (optimistic lock). */
function headerWhere(value: (name: 'id' | 'expected') => SQL): SQL {
  return and(eq(projects.id, value('id')), eq(projects.version, value('expected')))!;
}

function headerBindings(id: number, expectedVersion: number, header: ProjectHeader, userId: number | null): Record<string, unknown> {
  return { ...header, updatedBy: userId, updatedAt: now(), id, expected: expectedVersion };
}

/** A column of a table's content after project_id: its name, its PostgreSQL type, its value in a row. */
type ContentColumn<T> = readonly [name: string, type: 'text' | 'int4' | 'float8' | 'bool', value: (row: T, index: number) => unknown];

const CHECKPOINT_FIELDS: readonly ContentColumn<CheckpointInsert>[] = [
  ['position', 'int4', (_, i) => i + 1],
  ['month', 'int4', (c) => c.month],
  ['percent', 'float8', (c) => c.percent],
];
const INDICATOR_FIELDS: readonly ContentColumn<IndicatorInsert>[] = [
  ['row_key', 'text', (r) => r.rowKey],
  ['position', 'int4', (_, i) => i + 1],
  ['level1', 'text', (r) => r.level1],
  ['level2', 'text', (r) => r.level2],
  ['name', 'text', (r) => r.name],
  ['description', 'text', (r) => r.description],
  ['value', 'text', (r) => r.value],
  ['value_kind', 'text', (r) => r.valueKind],
  ['comparator', 'text', (r) => r.comparator],
  ['number', 'text', (r) => r.number],
  ['unit', 'text', (r) => r.unit],
  ['deadline_year', 'int4', (r) => r.deadlineYear],
  ['deadline_month', 'int4', (r) => r.deadlineMonth],
  ['deadline_day', 'int4', (r) => r.deadlineDay],
  ['deadline_suffix', 'text', (r) => r.deadlineSuffix],
  ['basis', 'text', (r) => r.basis],
  ['is_placeholder', 'bool', (r) => r.isPlaceholder],
  ['longterm_value', 'text', (r) => r.longtermValue],
];

/** The stored plan is exactly `plan` (same order, months and percents). */
function isSamePlan(stored: readonly CheckpointRow[], plan: readonly CheckpointInsert[]): boolean {
  return stored.length === plan.length && plan.every((c, i) => stored[i]!.position === i + 1 && stored[i]!.month === c.month && stored[i]!.percent === c.percent);
}

/** The stored rows are exactly `rows` (same order, and every column strictly equal: a doubt rewrites them). */
function isSameRows(stored: readonly IndicatorDbRow[], rows: readonly IndicatorInsert[]): boolean {
  return (
    stored.length === rows.length &&
    rows.every((r, i) => {
      const s = stored[i]!;
      if (s.position !== i + 1) return false;
      for (const k of Object.keys(r) as (keyof IndicatorInsert)[]) if (s[k] !== r[k]) return false;
      return true;
    })
  );
}

/** One prepared insert per row is fastest on SQLite (no network between statements). */
function insertRowsSqlite<T>(conn: import('better-sqlite3').Database, table: string, fields: readonly ContentColumn<T>[], projectId: number, items: readonly T[]): void {
  const columns = ['project_id', ...fields.map((f) => f[0])];
  const stmt = prepared(`${table}.insert`, () => conn.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`));
  items.forEach((item, i) =>
    stmt.run(
      projectId,
      ...fields.map(([, , value]) => {
        const v = value(item, i);
        return typeof v === 'boolean' ? (v ? 1 : 0) : v;
      }),
    ),
  );
}

/**
 * One PostgreSQL insert of all of a part's rows, each column one array parameter (`unnest`, bound as
 * `${part}${i}`): the statement's text is the same however many rows.
 */
function insertRowsPostgres<T>(part: ContentPart, fields: readonly ContentColumn<T>[], bind: (key: string) => SQL): SQL {
  const arrays = fields.map(([, type], i) => sql`${bind(`${part}${i}`)}::${sql.raw(type)}[]`);
  return sql`insert into ${sql.raw(part)} (project_id, ${sql.raw(fields.map((f) => f[0]).join(', '))}) select ${bind('id')}::int4, * from unnest(${sql.join(arrays, sql`, `)})`;
}

type ContentPart = 'checkpoints' | 'indicators';
/** What a write does to one part of a table's content: leave it, delete it, or delete and insert it again. */
type PartChange = 'keep' | 'clear' | 'write';
type ContentChange = Record<ContentPart, PartChange>;

function partChange(isSame: boolean, count: number): PartChange {
  return isSame ? 'keep' : count > 0 ? 'write' : 'clear';
}

/** What replacing a table's content changes (everything when `stored` is not known). */
function contentChange(plan: readonly CheckpointInsert[], rows: readonly IndicatorInsert[], stored?: ProjectContent): ContentChange {
  return {
    checkpoints: partChange(!!stored && isSamePlan(stored.checkpoints, plan), plan.length),
    indicators: partChange(!!stored && isSameRows(stored.indicators, rows), rows.length),
  };
}

/** A content change's name in a prepared statement's: the text differs with it. */
function changeName(change: ContentChange): string {
  return `cp_${change.checkpoints}_in_${change.indicators}`;
}

/** A content change on PostgreSQL: a delete and an insert for each part that changed, bound to `id` and the parts' arrays. */
function contentStatementsPostgres(change: ContentChange, bind: (key: string) => SQL): SQL[] {
  const parts: SQL[] = [];
  const fields = { checkpoints: CHECKPOINT_FIELDS, indicators: INDICATOR_FIELDS } as const;
  for (const part of ['checkpoints', 'indicators'] as const) {
    if (change[part] === 'keep') continue;
    parts.push(sql`delete from ${sql.raw(part)} where project_id = ${bind('id')}`);
    if (change[part] === 'write') parts.push(insertRowsPostgres(part, fields[part] as readonly ContentColumn<unknown>[], bind));
  }
  return parts;
}

/** The values contentStatementsPostgres binds: each changed part's columns as arrays. */
function contentBindings(change: ContentChange, plan: readonly CheckpointInsert[], rows: readonly IndicatorInsert[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const columns = <T>(part: ContentPart, fields: readonly ContentColumn<T>[], items: readonly T[]) => {
    if (change[part] === 'write') fields.forEach(([, , value], i) => (out[`${part}${i}`] = items.map(value)));
  };
  columns('checkpoints', CHECKPOINT_FIELDS, plan);
  columns('indicators', INDICATOR_FIELDS, rows);
  return out;
}

/**
 * Replaces a table's plan and rows (call inside write). With `stored` (what the same transaction read
 * before), a part that would be written back unchanged is left alone: most saves change a few fields,
 * and a rewrite costs a delete and an insert each (on PostgreSQL a round trip each).
 */
export async function replaceProjectContent(
  projectId: number,
  plan: readonly CheckpointInsert[],
  rows: readonly IndicatorInsert[],
  stored?: ProjectContent,
): Promise<void> {
  const change = contentChange(plan, rows, stored);
  const conn = sqliteConnection();
  if (conn) {
    if (change.checkpoints !== 'keep') {
      prepared('checkpoints.delete', () => conn.prepare('delete from checkpoints where project_id = ?')).run(projectId);
      insertRowsSqlite(conn, 'checkpoints', CHECKPOINT_FIELDS, projectId, plan);
    }
    if (change.indicators !== 'keep') {
      prepared('indicators.delete', () => conn.prepare('delete from indicators where project_id = ?')).run(projectId);
      insertRowsSqlite(conn, 'indicators', INDICATOR_FIELDS, projectId, rows);
    }
    return;
  }
  // PostgreSQL: every statement is a round trip, so the whole replacement is one statement.
  if (change.checkpoints === 'keep' && change.indicators === 'keep') return;
  await rawAllPrepared(`project_content_${changeName(change)}`, (bind) => asOneStatement(contentStatementsPostgres(change, bind)), {
    id: projectId,
    ...contentBindings(change, plan, rows),
  });
}

/**
 * A draft's save (call inside write): the header if the stored version is still `expectedVersion`, the
 * plan and rows where they changed (replaceProjectContent), and `audit` if given. Returns the new row,
 * or null when the version moved on: the caller then throws, and the transaction takes back whatever
 * else was written. On PostgreSQL all of it is one statement (one round trip).
 */
export async function saveProjectDraft(s: {
  id: number;
  expectedVersion: number;
  header: ProjectHeader;
  userId: number | null;
  plan: readonly CheckpointInsert[];
  rows: readonly IndicatorInsert[];
  stored: ProjectContent;
  audit: AuditEntry | null;
}): Promise<ProjectRow | null> {
  if (currentEngine() !== 'postgres') {
    const saved = await updateProjectHeader(s.id, s.expectedVersion, s.header, s.userId);
    if (!saved) return null;
    await replaceProjectContent(s.id, s.plan, s.rows, s.stored);
    if (s.audit) await appendAudit(s.audit);
    return saved;
  }
  const change = contentChange(s.plan, s.rows, s.stored);
  const audit = s.audit;
  const [got] = await rawAllPrepared<{ project: JsonRow }>(
    `project_save_${changeName(change)}${audit ? '_audit' : ''}`,
    (bind) => {
      const header = db().update(projects).set(headerSet(bind)).where(headerWhere(bind)).returning().getSQL();
      const parts = [...contentStatementsPostgres(change, bind), ...(audit ? [auditInsertSql(bind, 'audit_')] : [])];
      const ctes = [sql`h as (${header})`, ...parts.map((part, i) => sql`${sql.raw(`p${i}`)} as (${part})`)];
      return sql`with ${sql.join(ctes, sql`, `)} select row_to_json(h) as "project" from h`;
    },
    { ...headerBindings(s.id, s.expectedVersion, s.header, s.userId), ...contentBindings(change, s.plan, s.rows), ...(audit ? auditBindings(audit, 'audit_') : {}) },
  );
  return got ? fromJsonRow<ProjectRow>(projects, got.project) : null;
}

/** `with p0 as (…), … pN`: data-changing statements as one (every part runs, on one snapshot, in no set order). */
function asOneStatement(parts: readonly SQL[]): SQL {
  if (parts.length === 1) return parts[0]!;
  const ctes = parts.slice(0, -1).map((part, i) => sql`${sql.raw(`p${i}`)} as (${part})`);
  return sql`with ${sql.join(ctes, sql`, `)} ${parts.at(-1)!}`;
}

/** Moves a project between workflow states if it is still in `from` at `expectedVersion`. */
export async function updateProjectStatus(
  id: number,
  expected: { status: ProjectStatus; version: number },
  to: ProjectStatus,
  userId: number,
  extra: { submittedBy?: number | null } = {},
): Promise<ProjectRow | null> {
  const row = await first(
    db()
      .update(projects)
      // The one who moved it is its last changer (the time, the version and a conflict message all say so).
      .set({ status: to, version: sql`${projects.version} + 1`, updatedAt: now(), updatedBy: userId, ...extra })
      .where(and(eq(projects.id, id), eq(projects.status, expected.status), eq(projects.version, expected.version)))
      .returning(),
  );
  return row ?? null;
}

/** What numbering needs of a unit-year's tables (lib/projects/numbering.ts), without their content. */
export async function listNumberingRows(unitYearId: number): Promise<{ id: number; position: number; status: string; publishedNumber: number | null }[]> {
  return db()
    .select({ id: projects.id, position: projects.position, status: projects.status, publishedNumber: projects.publishedNumber })
    .from(projects)
    .where(eq(projects.unitYearId, unitYearId));
}

/** Published numbers (see lib/projects/numbering.ts); only for tables of this unit-year. */
export async function setPublishedNumbers(unitYearId: number, numbers: ReadonlyMap<number, number>): Promise<void> {
  for (const [id, n] of numbers) {
    await db()
      .update(projects)
      .set({ publishedNumber: n })
      .where(and(eq(projects.id, id), eq(projects.unitYearId, unitYearId)));
  }
}

export async function setProjectPositions(unitYearId: number, orderedIds: readonly number[]): Promise<void> {
  for (const [i, id] of orderedIds.entries()) {
    await db()
      .update(projects)
      .set({ position: i + 1 })
      .where(and(eq(projects.id, id), eq(projects.unitYearId, unitYearId)));
  }
}

export async function deleteProject(id: number): Promise<void> {
  await db().delete(projects).where(eq(projects.id, id));
}
