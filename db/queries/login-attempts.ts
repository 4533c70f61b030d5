/**
 * Sign-in attempts and known devices: what the progressive delays of lib/auth/sign-in.ts are decided
 * from, on every app server alike.
 */
import { and, count, eq, gt, lt, max, or, sql } from 'drizzle-orm';
import { db, first, now } from '../client';
import { knownDevices, loginAttempts, type KnownDeviceRow } from '../schema';

/**
 * Records an attempt as failed until proven otherwise, so attempts in flight count toward every
 * limit; `isPending` marks one whose password is still being checked.
 */
export async function insertLoginAttempt(a: { username: string; ip: string; isSuccess: boolean; isPending: boolean; device: string | null }): Promise<number> {
  const [row] = await db().insert(loginAttempts).values({ ...a, at: now() }).returning({ id: loginAttempts.id });
  return row!.id;
}

/** The password of a pending attempt has been judged. */
export async function settleLoginAttempt(id: number, isSuccess: boolean): Promise<void> {
  await db().update(loginAttempts).set({ isSuccess, isPending: false }).where(eq(loginAttempts.id, id));
}

export type AttemptKey = { username: string } | { ip: string } | { username: string; device: string };

function keyFilter(key: AttemptKey) {
  if ('device' in key) return and(eq(loginAttempts.username, key.username), eq(loginAttempts.device, key.device));
  return 'ip' in key ? eq(loginAttempts.ip, key.ip) : eq(loginAttempts.username, key.username);
}

export type AttemptCounts = { failures: number; lastFailureAt: number | null; pending: number };

/**
 * Judged failures after `since` (and when the last one was), and attempts still being checked that
 * started after `pendingSince`, for one username, address or device; for a username, only those after
 * its last successful sign-in. One statement, so the sign-in transaction stays short (on PostgreSQL,
 * parallel sign-ins are serialized by retrying).
 */
export async function countAttempts(key: AttemptKey, since: number, pendingSince: number): Promise<AttemptCounts> {
  const afterSuccess =
    'username' in key && !('device' in key)
      ? sql`${loginAttempts.at} > (select coalesce(max(s.at), 0) from login_attempts s where s.username = ${key.username} and s.is_success = ${sql.param(true, loginAttempts.isSuccess)})`
      : undefined;
  const row = await first(
    db()
      .select({
        failures: sql<number>`coalesce(sum(case when ${eq(loginAttempts.isPending, false)} then 1 else 0 end), 0)`,
        last: sql<number | null>`max(case when ${eq(loginAttempts.isPending, false)} then ${loginAttempts.at} end)`,
        pending: sql<number>`coalesce(sum(case when ${eq(loginAttempts.isPending, true)} and ${loginAttempts.at} > ${pendingSince} then 1 else 0 end), 0)`,
      })
      .from(loginAttempts)
      .where(and(keyFilter(key), eq(loginAttempts.isSuccess, false), gt(loginAttempts.at, since), afterSuccess)),
  );
  return { failures: Number(row?.failures ?? 0), lastFailureAt: row?.last == null ? null : Number(row.last), pending: Number(row?.pending ?? 0) };
}

export async function pruneLoginAttempts(before: number): Promise<void> {
  await db().delete(loginAttempts).where(lt(loginAttempts.at, before));
}

export async function findKnownDevice(tokenHash: string, userId: number): Promise<KnownDeviceRow | undefined> {
  return first(
    db()
      .select()
      .from(knownDevices)
      .where(and(eq(knownDevices.tokenHash, tokenHash), eq(knownDevices.userId, userId))),
  );
}

/** Remembers (or refreshes) a device at a successful sign-in. */
export async function rememberKnownDevice(tokenHash: string, userId: number, at: number): Promise<void> {
  await db()
    .insert(knownDevices)
    .values({ tokenHash, userId, createdAt: at, lastUsedAt: at })
    .onConflictDoUpdate({ target: [knownDevices.tokenHash, knownDevices.userId], set: { lastUsedAt: at } });
}

export async function pruneKnownDevices(unusedBefore: number): Promise<void> {
  await db().delete(knownDevices).where(lt(knownDevices.lastUsedAt, unusedBefore));
}

/** Usernames (of those given) whose latest judged attempts are failures: for the administrator's list. */
export async function failuresSinceLastSuccess(since: number): Promise<Map<string, { failures: number; lastFailureAt: number }>> {
  const lastSuccess = db()
    .select({ username: loginAttempts.username, at: max(loginAttempts.at).as('last_ok') })
    .from(loginAttempts)
    .where(eq(loginAttempts.isSuccess, true))
    .groupBy(loginAttempts.username)
    .as('ok');
  const rows = await db()
    .select({ username: loginAttempts.username, n: count(), last: max(loginAttempts.at) })
    .from(loginAttempts)
    .leftJoin(lastSuccess, eq(lastSuccess.username, loginAttempts.username))
    .where(
      and(
        eq(loginAttempts.isSuccess, false),
        eq(loginAttempts.isPending, false),
        gt(loginAttempts.at, since),
        or(sql`${lastSuccess.at} is null`, gt(loginAttempts.at, lastSuccess.at)),
      ),
    )
    .groupBy(loginAttempts.username);
  return new Map(rows.map((r) => [r.username, { failures: Number(r.n), lastFailureAt: r.last ?? 0 }]));
}
