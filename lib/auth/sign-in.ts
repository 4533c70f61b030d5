/**
 * Checking a password, with per-account lockout and a per-address limit.
 *
 * Parallel guesses must not slip past the lock, so before the (slow, asynchronous) hash is computed an
 * attempt takes a place among the account's attempts in flight: settled failures plus attempts in
 * flight never exceed the limit, and an attempt beyond it is refused at once (“请稍后再试”) without
 * being hashed. Refusing such an attempt does not lock the account — a user who signs in from six tabs
 * at once is not locked out — and only a wrong password, once judged, counts toward the lock. The
 * places are pending rows in the database, so every app server sees them; a place older than a minute
 * no longer counts, so a crash mid-hash cannot leave an account blocked. Refusals that never looked at
 * the password (address limit, too many in flight) are audited once a minute per address and process,
 * not one row per request (a throttle of audit rows only: the refusals themselves are decided from the database).
 */
import { write } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import {
  clearFailedLogins,
  countFailedAttemptsFromIp,
  countFailedLogin,
  countPendingLogins,
  findUserByUsername,
  getUser,
  insertLoginAttempt,
  lockUser,
  pruneLoginAttempts,
  settleLoginAttempt,
} from '@/db/queries/users';
import type { UserRow } from '@/db/schema';
import { dummyPasswordHash, verifyPassword } from './password';
import { authSettings } from './policy';

export type SignInResult =
  | { ok: true; user: UserRow }
  | { ok: false; reason: 'invalid' | 'locked' | 'disabled' | 'rate-limited' | 'busy'; message: string };

/** Sign-in, or the current-password check of a signed-in user changing it (both count toward lockout). */
export type PasswordPurpose = 'sign-in' | 'change-password';

const AUDIT_PREFIX: Record<PasswordPurpose, string> = { 'sign-in': 'login', 'change-password': 'change-password' };

type Reservation = { ok: true; attemptId: number; user: UserRow | undefined } | { ok: false; result: SignInResult };

/**
 * Process-wide bookkeeping of audit rows, kept on globalThis: Next bundles this module into more than
 * one server chunk (the route handler and the actions each get a copy), and all copies must share it.
 */
type SignInState = {
  /** When a refusal of each kind and key (address, or address and account) was last audited. */
  refusalAudited: Map<string, number>;
  /** When old attempts were last deleted. */
  prunedAt: number;
};
const globalForSignIn = globalThis as unknown as { __ptSignIn?: SignInState };
const state: SignInState = (globalForSignIn.__ptSignIn ??= { refusalAudited: new Map(), prunedAt: 0 });

/** These transactions decide on what they counted: two app servers must not both pass the same count. */
const COUNTED = { isolation: 'serializable' } as const;

/** A place in flight older than this is taken to belong to a crashed check. */
const PENDING_EXPIRY_MS = 60_000;

/** A refusal that did not look at the password is audited once a minute per key, so a flood cannot fill the audit log. */
const REFUSAL_AUDIT_EVERY_MS = 60_000;

function shouldAuditRefusal(key: string, at: number): boolean {
  const last = state.refusalAudited.get(key);
  if (last !== undefined && at - last < REFUSAL_AUDIT_EVERY_MS) return false;
  if (state.refusalAudited.size > 10_000) {
    for (const [k, t] of state.refusalAudited) if (at - t >= REFUSAL_AUDIT_EVERY_MS) state.refusalAudited.delete(k);
  }
  state.refusalAudited.set(key, at);
  return true;
}

function minutesLeft(until: number, at: number): number {
  return Math.max(1, Math.ceil((until - at) / 60_000));
}

function lockedMessage(until: number, at: number): string {
  return `账户已锁定，请 ${minutesLeft(until, at)} 分钟后再试`;
}

async function audit(purpose: PasswordPurpose, outcome: string, username: string, user: UserRow | undefined, ip: string): Promise<void> {
  await appendAudit({
    userId: user?.id ?? null,
    username,
    action: outcome === 'success' ? AUDIT_PREFIX[purpose] : `${AUDIT_PREFIX[purpose]}-${outcome}`,
    entity: 'user',
    entityId: user?.id ?? null,
    ip,
  });
}

/**
 * Step 1, in one transaction: refuse the attempt, or record it and take a place in flight. The audit
 * throttle's memory is only consulted here; a retried transaction at worst writes one more audit row.
 */
async function reserve(username: string, ip: string, purpose: PasswordPurpose, at: number): Promise<Reservation> {
  return write(async (): Promise<Reservation> => {
    const user = await findUserByUsername(username);
    if ((await countFailedAttemptsFromIp(ip, at - authSettings.lockMinutes * 60_000)) >= authSettings.maxFailuresPerIp) {
      if (shouldAuditRefusal(`rate-limited ${ip}`, at)) await audit(purpose, 'rate-limited', username, user, ip);
      const message = `此地址登录失败次数过多，请 ${authSettings.lockMinutes} 分钟后再试`;
      return { ok: false, result: { ok: false, reason: 'rate-limited', message } };
    }
    let failures = user?.failedAttempts ?? 0;
    if (user?.lockedUntil != null) {
      if (user.lockedUntil > at) {
        await insertLoginAttempt(username, ip, false);
        await audit(purpose, 'locked', username, user, ip);
        return { ok: false, result: { ok: false, reason: 'locked', message: lockedMessage(user.lockedUntil, at) } };
      }
      // The lock has run out: the count starts again, or the next attempt would lock at once.
      await clearFailedLogins(user.id);
      failures = 0;
    }
    const flying = user ? await countPendingLogins(username, at - PENDING_EXPIRY_MS) : 0;
    if (user && failures + flying >= authSettings.maxFailedAttempts) {
      // Every remaining guess before the lock is already being checked: refuse this one unhashed (it
      // is no attempt at the password, so it is not recorded as one).
      if (shouldAuditRefusal(`busy ${ip} ${user.id}`, at)) await audit(purpose, 'busy', username, user, ip);
      return { ok: false, result: { ok: false, reason: 'busy', message: '该账户的登录请求过于频繁，请稍后再试' } };
    }
    const attemptId = await insertLoginAttempt(username, ip, false, true);
    return { ok: true, attemptId, user };
  }, COUNTED);
}

/** Step 3, after hashing: accept a match only if the account is still unlocked; count a failure, locking on the last. */
async function settle(
  reserved: { attemptId: number; user: UserRow | undefined },
  isMatch: boolean,
  username: string,
  ip: string,
  purpose: PasswordPurpose,
): Promise<SignInResult> {
  const result = await write(async (): Promise<SignInResult> => {
    const at = Date.now();
    const user = reserved.user ? await getUser(reserved.user.id) : undefined;
    await settleLoginAttempt(reserved.attemptId, Boolean(user && isMatch && !user.isDisabled && !(user.lockedUntil != null && user.lockedUntil > at)));
    const lockedUntil = user?.lockedUntil != null && user.lockedUntil > at ? user.lockedUntil : null;
    if (user && isMatch && !user.isDisabled) {
      if (lockedUntil !== null) {
        await audit(purpose, 'locked', username, user, ip);
        return { ok: false, reason: 'locked', message: lockedMessage(lockedUntil, at) };
      }
      await clearFailedLogins(user.id);
      // Attempts older than a day no longer count toward any limit (the audit log keeps the record).
      if (at - state.prunedAt > 3_600_000) await pruneLoginAttempts(at - 86_400_000);
      // A password change writes its own audit row once the new password is stored.
      if (purpose === 'sign-in') await audit(purpose, 'success', username, user, ip);
      return { ok: true, user };
    }
    if (user && isMatch) {
      await audit(purpose, 'disabled', username, user, ip);
      return { ok: false, reason: 'disabled', message: '账户已停用，请联系管理员' };
    }
    // A match returned above: what is left is a wrong password (or an unknown user).
    const failures = user ? await countFailedLogin(user.id) : 0;
    if (user && lockedUntil === null && failures >= authSettings.maxFailedAttempts) {
      await lockUser(user.id, at + authSettings.lockMinutes * 60_000);
      await audit(purpose, 'failed-locked', username, user, ip);
      const max = authSettings.maxFailedAttempts;
      return { ok: false, reason: 'locked', message: `密码连续错误 ${max} 次，账户已锁定 ${authSettings.lockMinutes} 分钟` };
    }
    await audit(purpose, 'failed', username, user, ip);
    if (lockedUntil !== null) return { ok: false, reason: 'locked', message: lockedMessage(lockedUntil, at) };
    return { ok: false, reason: 'invalid', message: purpose === 'sign-in' ? '用户名或密码错误' : '当前密码不正确' };
  }, COUNTED);
  if (result.ok && Date.now() - state.prunedAt > 3_600_000) state.prunedAt = Date.now();
  return result;
}

/**
 * Checks a username and password. The attempt is counted (a pending row) in its own transaction before
 * the password is hashed, which is what makes parallel attempts safe, on one app server or several.
 */
export async function checkCredentials(username: string, password: string, ip: string, purpose: PasswordPurpose = 'sign-in'): Promise<SignInResult> {
  const reserved = await reserve(username, ip, purpose, Date.now());
  if (!reserved.ok) return reserved.result;
  const isMatch = await verifyPassword(password, reserved.user?.passwordHash ?? (await dummyPasswordHash()));
  return settle(reserved, isMatch, username, ip, purpose);
}
