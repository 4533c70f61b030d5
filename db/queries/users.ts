import { and, asc, count, eq, gt, lt, sql } from 'drizzle-orm';
import { db, now, prepared } from '../client';
import {
  loginAttempts,
  memberships,
  sessions,
  units,
  users,
  type MembershipRole,
  type SessionRow,
  type UserRow,
} from '../schema';

export function findUserByUsername(username: string): UserRow | undefined {
  return db().select().from(users).where(eq(users.username, username)).get();
}

export function getUser(id: number): UserRow | undefined {
  return prepared('users.get', (d) => d.select().from(users).where(eq(users.id, sql.placeholder('id'))).prepare()).get({ id });
}

export function listUsers(): UserRow[] {
  return db().select().from(users).orderBy(asc(users.username)).all();
}

export function countUsers(): number {
  return db().select({ n: count() }).from(users).get()?.n ?? 0;
}

export type NewUser = {
  username: string;
  displayName: string;
  passwordHash: string;
  isAdmin: boolean;
  mustChangePassword: boolean;
};

export function insertUser(u: NewUser): UserRow {
  const t = now();
  return db()
    .insert(users)
    .values({ ...u, passwordChangedAt: t, createdAt: t })
    .returning()
    .get();
}

export function updateUser(
  id: number,
  fields: Partial<Pick<UserRow, 'displayName' | 'isAdmin' | 'isDisabled' | 'mustChangePassword'>>,
): void {
  db().update(users).set(fields).where(eq(users.id, id)).run();
}

export function setPassword(id: number, passwordHash: string, mustChange: boolean): void {
  db()
    .update(users)
    .set({ passwordHash, mustChangePassword: mustChange, passwordChangedAt: now(), failedAttempts: 0, lockedUntil: null })
    .where(eq(users.id, id))
    .run();
}

/**
 * Counts one more attempt against the account before its password is checked, so parallel guesses
 * cannot all pass the lock check; returns the new count. A success resets it (clearFailedLogins).
 */
export function countFailedLogin(id: number): number {
  const row = db()
    .update(users)
    .set({ failedAttempts: sql`${users.failedAttempts} + 1` })
    .where(eq(users.id, id))
    .returning({ attempts: users.failedAttempts })
    .get();
  return row?.attempts ?? 0;
}

/** Locks the account until `until`; the failure count stays, so the audit and the next check see it. */
export function lockUser(id: number, until: number): void {
  db().update(users).set({ lockedUntil: until }).where(eq(users.id, id)).run();
}

export function clearFailedLogins(id: number): void {
  db().update(users).set({ failedAttempts: 0, lockedUntil: null }).where(eq(users.id, id)).run();
}

/** Records an attempt as failed until proven otherwise, so attempts in flight count toward the address limit. */
export function insertLoginAttempt(username: string, ip: string, isSuccess: boolean): number {
  return db().insert(loginAttempts).values({ username, ip, at: now(), isSuccess }).returning({ id: loginAttempts.id }).get().id;
}

export function markLoginAttemptSucceeded(id: number): void {
  db().update(loginAttempts).set({ isSuccess: true }).where(eq(loginAttempts.id, id)).run();
}

export function countFailedAttemptsFromIp(ip: string, since: number): number {
  return (
    db()
      .select({ n: count() })
      .from(loginAttempts)
      .where(and(eq(loginAttempts.ip, ip), eq(loginAttempts.isSuccess, false), gt(loginAttempts.at, since)))
      .get()?.n ?? 0
  );
}

export function pruneLoginAttempts(before: number): void {
  db().delete(loginAttempts).where(lt(loginAttempts.at, before)).run();
}

export type MembershipView = { unitId: number; unitCode: string; unitName: string; role: MembershipRole };

export function listMemberships(userId: number): MembershipView[] {
  return prepared('memberships.of', (d) =>
    d
      .select({ unitId: memberships.unitId, unitCode: units.code, unitName: units.name, role: memberships.role })
      .from(memberships)
      .innerJoin(units, eq(units.id, memberships.unitId))
      .where(eq(memberships.userId, sql.placeholder('userId')))
      .orderBy(asc(units.code))
      .prepare(),
  ).all({ userId });
}

export function listAllMemberships(): (MembershipView & { userId: number })[] {
  return db()
    .select({
      userId: memberships.userId,
      unitId: memberships.unitId,
      unitCode: units.code,
      unitName: units.name,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(units, eq(units.id, memberships.unitId))
    .all();
}

/** True when the role was added (false: the user already held it). */
export function addMembership(userId: number, unitId: number, role: MembershipRole): boolean {
  return db().insert(memberships).values({ userId, unitId, role }).onConflictDoNothing().run().changes > 0;
}

/** True when the role was taken away (false: the user did not hold it). */
export function removeMembership(userId: number, unitId: number, role: MembershipRole): boolean {
  return (
    db()
      .delete(memberships)
      .where(and(eq(memberships.userId, userId), eq(memberships.unitId, unitId), eq(memberships.role, role)))
      .run().changes > 0
  );
}

export function insertSession(s: SessionRow): void {
  db().insert(sessions).values(s).run();
}

export function findSession(id: string): { session: SessionRow; user: UserRow } | undefined {
  return prepared('sessions.find', (d) =>
    d.select({ session: sessions, user: users }).from(sessions).innerJoin(users, eq(users.id, sessions.userId)).where(eq(sessions.id, sql.placeholder('id'))).prepare(),
  ).get({ id });
}

export function touchSession(id: string, at: number): void {
  db().update(sessions).set({ lastSeenAt: at }).where(eq(sessions.id, id)).run();
}

export function deleteSession(id: string): void {
  db().delete(sessions).where(eq(sessions.id, id)).run();
}

export function deleteSessionsOfUser(userId: number): void {
  db().delete(sessions).where(eq(sessions.userId, userId)).run();
}

export function pruneSessions(at: number, idleBefore: number): void {
  db()
    .delete(sessions)
    .where(sql`${sessions.expiresAt} < ${at} or ${sessions.lastSeenAt} < ${idleBefore}`)
    .run();
}
