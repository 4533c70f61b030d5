/**
 * The unit tree and what hangs on it: subtrees (the reach of a role), ancestors (the cycle check),
 * memberships with their "this unit only" flag, and 编报截止日期. The recursive queries are plain
 * `WITH RECURSIVE`, which SQLite and PostgreSQL both answer.
 */
import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { db, first, now, rawAll } from '../client';
import { auditLog, memberships, units, unitYearDeadlines, users, type MembershipRole, type UnitRow } from '../schema';
import { auditValues, type AuditEntry } from './audit';
import type { NewUser } from './users';

export type ScopedMembership = { unitId: number; role: MembershipRole };

/**
 * Every (unit, role) a user holds: each granted unit, and the whole subtree below it unless the role
 * was granted for that unit only. `union` (not `union all`) keeps each pair once.
 */
export async function listScopedMemberships(userId: number): Promise<ScopedMembership[]> {
  return rawAll<ScopedMembership>(scopedMembershipsQuery(sql`${userId}`));
}

/** The query of listScopedMemberships for the user `userId` names (a value, or a column of an outer query). */
export function scopedMembershipsQuery(userId: SQL): SQL {
  return sql`
    with recursive reach(unit_id, role) as (
      select unit_id, role from memberships where user_id = ${userId} and not is_this_unit_only
      union
      select u.id, r.role from units u join reach r on u.parent_id = r.unit_id
    )
    select unit_id as "unitId", role from reach
    union
    select unit_id as "unitId", role from memberships where user_id = ${userId} and is_this_unit_only`;
}

/** The unit and every unit above it, nearest first. */
export async function listAncestorIds(unitId: number): Promise<number[]> {
  const rows = await rawAll<{ id: number; depth: number }>(sql`
    with recursive up(id, parent_id, depth) as (
      select id, parent_id, 0 from units where id = ${unitId}
      union all
      select u.id, u.parent_id, up.depth + 1 from units u join up on u.id = up.parent_id where up.depth < 1000
    )
    select id, depth from up order by depth`);
  return rows.map((r) => Number(r.id));
}

/** The unit and every unit below it, at any depth. */
export async function listSubtreeIds(unitId: number): Promise<number[]> {
  const rows = await rawAll<{ id: number }>(sql`
    with recursive down(id) as (
      select id from units where id = ${unitId}
      union
      select u.id from units u join down on u.parent_id = down.id
    )
    select id from down`);
  return rows.map((r) => Number(r.id));
}

export async function setUnitParent(unitId: number, parentId: number | null): Promise<void> {
  await db().update(units).set({ parentId }).where(eq(units.id, unitId));
}

export async function insertUnitUnder(code: string, name: string, parentId: number | null): Promise<UnitRow> {
  const [row] = await db().insert(units).values({ code, name, parentId, createdAt: now() }).returning();
  return row!;
}

export async function findUnitsByCodes(codes: readonly string[]): Promise<UnitRow[]> {
  if (codes.length === 0) return [];
  return db().select().from(units).where(inArray(units.code, [...codes]));
}

export type MembershipGrant = { userId: number; unitId: number; role: MembershipRole; isThisUnitOnly: boolean };

/** Grants a role (or changes its reach); what it was before, or null when newly granted, or 'same'. */
export async function grantMembership(g: MembershipGrant): Promise<{ before: boolean | null } | 'same'> {
  const where = and(eq(memberships.userId, g.userId), eq(memberships.unitId, g.unitId), eq(memberships.role, g.role));
  const held = await first(db().select({ isThisUnitOnly: memberships.isThisUnitOnly }).from(memberships).where(where));
  if (held && held.isThisUnitOnly === g.isThisUnitOnly) return 'same';
  if (held) await db().update(memberships).set({ isThisUnitOnly: g.isThisUnitOnly }).where(where);
  else await db().insert(memberships).values(g);
  return { before: held ? held.isThisUnitOnly : null };
}

export async function listMembershipsWithReach(): Promise<MembershipGrant[]> {
  return db().select().from(memberships).orderBy(asc(memberships.userId), asc(memberships.unitId), asc(memberships.role));
}

export async function getDeadline(unitYearId: number): Promise<string | null> {
  const row = await first(db().select({ dueOn: unitYearDeadlines.dueOn }).from(unitYearDeadlines).where(eq(unitYearDeadlines.unitYearId, unitYearId)));
  return row?.dueOn ?? null;
}

/** The deadlines of these unit-years (those that have one). */
export async function listDeadlinesOf(unitYearIds: readonly number[]): Promise<Map<number, string>> {
  if (unitYearIds.length === 0) return new Map();
  const rows = await db().select().from(unitYearDeadlines).where(inArray(unitYearDeadlines.unitYearId, [...unitYearIds]));
  return new Map(rows.map((r) => [Number(r.unitYearId), r.dueOn]));
}

/** Sets or (with null) clears a unit-year's deadline. */
export async function setDeadline(unitYearId: number, dueOn: string | null, setBy: number): Promise<void> {
  if (dueOn === null) {
    await db().delete(unitYearDeadlines).where(eq(unitYearDeadlines.unitYearId, unitYearId));
    return;
  }
  await db()
    .insert(unitYearDeadlines)
    .values({ unitYearId, dueOn, setBy, setAt: now() })
    .onConflictDoUpdate({ target: unitYearDeadlines.unitYearId, set: { dueOn, setBy, setAt: now() } });
}

export type AccountWithRoles = {
  id: number;
  username: string;
  displayName: string;
  isAdmin: boolean;
  roles: { role: MembershipRole; unitCode: string; isThisUnitOnly: boolean }[];
};

/** Every account with its granted roles by unit code: what a users import is planned against. */
export async function listAccountsWithRoles(): Promise<AccountWithRoles[]> {
  const rows = await db()
    .select({ id: users.id, username: users.username, displayName: users.displayName, isAdmin: users.isAdmin })
    .from(users)
    .orderBy(asc(users.id));
  const grants = await db()
    .select({ userId: memberships.userId, role: memberships.role, unitCode: units.code, isThisUnitOnly: memberships.isThisUnitOnly })
    .from(memberships)
    .innerJoin(units, eq(units.id, memberships.unitId));
  const byUser = new Map<number, AccountWithRoles['roles']>();
  for (const g of grants) {
    const list = byUser.get(g.userId) ?? [];
    list.push({ role: g.role, unitCode: g.unitCode, isThisUnitOnly: g.isThisUnitOnly });
    byUser.set(g.userId, list);
  }
  return rows.map((u) => ({ ...u, roles: byUser.get(u.id) ?? [] }));
}

/** Rows a statement, well under PostgreSQL's 65,535 parameters. */
const CHUNK = 500;

function chunks<T>(rows: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < rows.length; i += CHUNK) out.push(rows.slice(i, i + CHUNK));
  return out;
}

/** Bulk provisioning: many units in a few statements (one round trip each on PostgreSQL). */
export async function insertUnitsMany(rows: readonly { code: string; name: string; parentId: number | null }[]): Promise<{ id: number; code: string }[]> {
  const out: { id: number; code: string }[] = [];
  const t = now();
  for (const part of chunks(rows)) out.push(...(await db().insert(units).values(part.map((r) => ({ ...r, createdAt: t }))).returning({ id: units.id, code: units.code })));
  return out;
}

export async function insertUsersMany(rows: readonly NewUser[]): Promise<{ id: number; username: string }[]> {
  const out: { id: number; username: string }[] = [];
  const t = now();
  for (const part of chunks(rows)) {
    out.push(...(await db().insert(users).values(part.map((u) => ({ ...u, passwordChangedAt: t, createdAt: t }))).returning({ id: users.id, username: users.username })));
  }
  return out;
}

/** Roles of accounts created in the same transaction (none can be held yet). */
export async function insertMembershipsMany(rows: readonly MembershipGrant[]): Promise<void> {
  for (const part of chunks(rows)) await db().insert(memberships).values(part);
}

export async function appendAuditMany(entries: readonly AuditEntry[]): Promise<void> {
  const t = now();
  for (const part of chunks(entries)) {
    await db()
      .insert(auditLog)
      .values(part.map((e) => auditValues(e, t)));
  }
}

export type RollupCell = {
  unitYearId: number;
  unitId: number;
  unitCode: string;
  unitName: string;
  year: number;
  projectExpenditureYuan: number | null;
  dueOn: string | null;
  status: string | null;
  tables: number;
  budgetYuan: number;
};

/**
 * A department's roll-up in one statement: each unit-year of the unit's subtree (in `year`) with its
 * tables counted and summed by status (one row per status; `status` null for a year without tables).
 */
export async function listRollupCells(unitId: number, year: number): Promise<RollupCell[]> {
  const rows = await rawAll<RollupCell>(sql`
    with recursive down(id) as (
      select id from units where id = ${unitId}
      union
      select u.id from units u join down on u.parent_id = down.id
    )
    select uy.id as "unitYearId", u.id as "unitId", u.code as "unitCode", u.name as "unitName", uy.year as "year",
      uy.project_expenditure_yuan as "projectExpenditureYuan", d.due_on as "dueOn", p.status as "status",
      count(p.id) as "tables", coalesce(sum(p.total_yuan), 0) as "budgetYuan"
    from down
    join units u on u.id = down.id
    join unit_years uy on uy.unit_id = u.id and uy.year = ${year}
    left join unit_year_deadlines d on d.unit_year_id = uy.id
    left join projects p on p.unit_year_id = uy.id
    group by uy.id, u.id, u.code, u.name, uy.year, uy.project_expenditure_yuan, d.due_on, p.status
    order by u.code`);
  // PostgreSQL answers count() and sum() of bigint as text.
  return rows.map((r) => ({ ...r, tables: Number(r.tables), budgetYuan: Number(r.budgetYuan), projectExpenditureYuan: r.projectExpenditureYuan === null ? null : Number(r.projectExpenditureYuan) }));
}

/** The years any unit of the subtree has, newest first. */
export async function listSubtreeYears(unitId: number): Promise<number[]> {
  const rows = await rawAll<{ year: number }>(sql`
    with recursive down(id) as (
      select id from units where id = ${unitId}
      union
      select u.id from units u join down on u.parent_id = down.id
    )
    select distinct uy.year as "year" from unit_years uy join down on down.id = uy.unit_id order by uy.year desc`);
  return rows.map((r) => Number(r.year));
}

/** Units with at least one unit below them: the departments a roll-up can be asked for. */
export async function listParentUnits(): Promise<UnitRow[]> {
  return db()
    .select()
    .from(units)
    .where(sql`exists (select 1 from units c where c.parent_id = ${units.id})`)
    .orderBy(asc(units.code));
}
