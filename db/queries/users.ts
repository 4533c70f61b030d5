import { and, asc, count, desc, eq, inArray, sql } from 'drizzle-orm';
import { currentEngine, db, first, fromJsonRow, now, prepared, rawAllPrepared } from '../client';
import {
  memberships,
  sessions,
  units,
  users,
  type MembershipRole,
  type SessionRow,
  type UserRow,
} from '../schema';
import { listScopedMemberships, scopedMembershipsQuery, type ScopedMembership } from './departments';
import { grantReachOf, listReviewerReach, reviewerReachQuery, type GrantReach, type StoredReach } from './review-levels';

/** Usernames fold case (`Admin` is `admin`): stored and compared lower-case. */
export function foldUsername(username: string): string {
  return username.toLowerCase();
}

export async function findUserByUsername(username: string): Promise<UserRow | undefined> {
  return first(db().select().from(users).where(eq(users.username, foldUsername(username))));
}

/** Accounts whose username is not lower-case: another account differs only in case (see migration fold_username_case). */
export async function listUnfoldedUsernames(): Promise<{ username: string; clashesWith: string[] }[]> {
  const all = await db().select({ username: users.username }).from(users);
  return all
    .filter((u) => u.username !== foldUsername(u.username))
    .map((u) => ({ username: u.username, clashesWith: all.filter((o) => o.username !== u.username && foldUsername(o.username) === foldUsername(u.username)).map((o) => o.username) }));
}

export async function getUser(id: number): Promise<UserRow | undefined> {
  return first(prepared('users.get', (d) => d.select().from(users).where(eq(users.id, sql.placeholder('id'))).prepare('users_get')).execute({ id }));
}

export async function listUsers(): Promise<UserRow[]> {
  return db().select().from(users).orderBy(asc(users.username));
}

export async function countUsers(): Promise<number> {
  return (await first(db().select({ n: count() }).from(users)))?.n ?? 0;
}

export type NewUser = {
  username: string;
  displayName: string;
  passwordHash: string;
  isAdmin: boolean;
  mustChangePassword: boolean;
};

export async function insertUser(u: NewUser): Promise<UserRow> {
  const t = now();
  const [row] = await db()
    .insert(users)
    .values({ ...u, username: foldUsername(u.username), passwordChangedAt: t, createdAt: t })
    .returning();
  return row!;
}

export async function updateUser(
  id: number,
  fields: Partial<Pick<UserRow, 'displayName' | 'isAdmin' | 'isDisabled' | 'mustChangePassword'>>,
): Promise<void> {
  await db().update(users).set(fields).where(eq(users.id, id));
}

export async function setPassword(id: number, passwordHash: string, mustChange: boolean): Promise<void> {
  await db()
    .update(users)
    .set({ passwordHash, mustChangePassword: mustChange, passwordChangedAt: now() })
    .where(eq(users.id, id));
}

export type MembershipView = { unitId: number; unitCode: string; unitName: string; role: MembershipRole };

export async function listMemberships(userId: number): Promise<MembershipView[]> {
  return prepared('memberships.of', (d) =>
    d
      .select({ unitId: memberships.unitId, unitCode: units.code, unitName: units.name, role: memberships.role })
      .from(memberships)
      .innerJoin(units, eq(units.id, memberships.unitId))
      .where(eq(memberships.userId, sql.placeholder('userId')))
      .orderBy(asc(units.code))
      .prepare('memberships_of'),
  ).execute({ userId });
}

export async function listAllMemberships(): Promise<(MembershipView & { userId: number; isThisUnitOnly: boolean })[]> {
  return db()
    .select({
      userId: memberships.userId,
      unitId: memberships.unitId,
      unitCode: units.code,
      unitName: units.name,
      role: memberships.role,
      isThisUnitOnly: memberships.isThisUnitOnly,
    })
    .from(memberships)
    .innerJoin(units, eq(units.id, memberships.unitId))
    .orderBy(asc(memberships.userId), asc(units.code), asc(memberships.role));
}

/** True when the role was added (false: the user already held it). */
export async function addMembership(userId: number, unitId: number, role: MembershipRole): Promise<boolean> {
  const added = await db().insert(memberships).values({ userId, unitId, role }).onConflictDoNothing({ target: [memberships.userId, memberships.unitId, memberships.role] }).returning({ userId: memberships.userId });
  return added.length > 0;
}

/** True when the role was taken away (false: the user did not hold it). */
export async function removeMembership(userId: number, unitId: number, role: MembershipRole): Promise<boolean> {
  const removed = await db()
    .delete(memberships)
    .where(and(eq(memberships.userId, userId), eq(memberships.unitId, unitId), eq(memberships.role, role)))
    .returning({ userId: memberships.userId });
  return removed.length > 0;
}

export async function insertSession(s: SessionRow): Promise<void> {
  await db().insert(sessions).values(s);
}

export async function findSession(id: string): Promise<{ session: SessionRow; user: UserRow } | undefined> {
  return first(
    prepared('sessions.find', (d) =>
      d
        .select({ session: sessions, user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(eq(sessions.id, sql.placeholder('id')))
        .prepare('sessions_find'),
    ).execute({ id }),
  );
}

export type SessionWithGrants = { session: SessionRow; user: UserRow; memberships: ScopedMembership[]; reach: GrantReach[] };

/**
 * A session with its user and what the user's roles reach (listScopedMemberships, listReviewerReach):
 * what every request needs to know who asks. On PostgreSQL one statement (each list as JSON), since
 * each statement is a round trip; on SQLite the three reads, which cost no more apart.
 */
export async function findSessionWithGrants(id: string): Promise<SessionWithGrants | undefined> {
  if (currentEngine() !== 'postgres') {
    const found = await findSession(id);
    return found && { ...found, memberships: await listScopedMemberships(found.user.id), reach: await listReviewerReach(found.user.id) };
  }
  const userId = sql.raw('s.user_id');
  const [got] = await rawAllPrepared<{ session: Record<string, unknown>; user: Record<string, unknown>; memberships: ScopedMembership[]; reach: StoredReach[] }>(
    'session_grants',
    (bind) => sql`
    select row_to_json(s) as "session", row_to_json(u) as "user",
      (select coalesce(json_agg(m), '[]'::json) from (${scopedMembershipsQuery(userId)}) m) as "memberships",
      (select coalesce(json_agg(r), '[]'::json) from (${reviewerReachQuery(userId)}) r) as "reach"
    from sessions s join users u on u.id = s.user_id
    where s.id = ${bind('id')}`,
    { id },
  );
  if (!got) return undefined;
  return {
    session: fromJsonRow<SessionRow>(sessions, got.session),
    user: fromJsonRow<UserRow>(users, got.user),
    memberships: got.memberships,
    reach: got.reach.map(grantReachOf),
  };
}

export async function touchSession(id: string, at: number): Promise<void> {
  await db().update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id));
}

export async function deleteSession(id: string): Promise<void> {
  await db().delete(sessions).where(eq(sessions.id, id));
}

export async function deleteSessionsOfUser(userId: number): Promise<void> {
  await db().delete(sessions).where(eq(sessions.userId, userId));
}

/** Ends the user's oldest sessions so at most `keep` remain. */
export async function trimSessionsOfUser(userId: number, keep: number): Promise<void> {
  const all = await db()
    .select({ id: sessions.id })
    .from(sessions)
    .where(eq(sessions.userId, userId))
    .orderBy(desc(sessions.createdAt), desc(sessions.lastSeenAt));
  const extra = all.slice(keep);
  if (extra.length > 0) await db().delete(sessions).where(inArray(sessions.id, extra.map((r) => r.id)));
}

export async function pruneSessions(at: number, idleBefore: number): Promise<void> {
  await db()
    .delete(sessions)
    .where(sql`${sessions.expiresAt} < ${at} or ${sessions.lastSeenAt} < ${idleBefore}`);
}
