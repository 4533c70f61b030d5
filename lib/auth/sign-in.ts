/**
 * Checking a password, slowed down by progressive delays per typed username and per client address
 * (lib/auth/login-delay.ts), decided from the database so every app server agrees.
 *
 * Nothing is ever locked: after LOGIN_MAX_FAILURES judged failures at a username, each further attempt
 * must wait, since the last failure, twice as long as the one before (LOGIN_DELAY_SECONDS, up to
 * LOGIN_MAX_DELAY_MINUTES); the same from one address after LOGIN_MAX_FAILURES_PER_IP failures in an
 * hour. A correct password from a device the account already signed in from (the device cookie, table
 * known_devices) skips both, so guessing at someone's account cannot keep them out. Delays are kept
 * per typed username whether or not it exists, and an unknown name is hashed against a dummy hash, so
 * a delayed account and an unknown one answer alike.
 *
 * Parallel guesses must not get more places than sequential ones, so before the (slow, asynchronous)
 * hash is computed an attempt takes a place among the attempts in flight (a pending row in
 * login_attempts, seen by every app server): judged failures plus attempts in flight never exceed what
 * the rule allows, and an attempt beyond it is refused at once (“请稍后再试”) without being hashed or
 * counted. A place older than a minute no longer counts, so a crash mid-hash cannot block anyone.
 * Refusals that never looked at the password are audited once a minute per key and process (a
 * throttle of audit rows only); every judged failure is audited.
 */
import { write } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import {
  countAttempts,
  findKnownDevice,
  insertLoginAttempt,
  pruneKnownDevices,
  pruneLoginAttempts,
  rememberKnownDevice,
  settleLoginAttempt,
} from '@/db/queries/login-attempts';
import { findUserByUsername, foldUsername, getUser } from '@/db/queries/users';
import type { UserRow } from '@/db/schema';
import { deviceTokenHash } from './known-device';
import { ACCOUNT_WINDOW_MS, ADDRESS_WINDOW_MS, decideAttempt, requiredWaitMs, waitText } from './login-delay';
import { dummyPasswordHash, verifyPassword } from './password';
import { authSettings, delayRule } from './policy';

export type SignInResult =
  | { ok: true; user: UserRow }
  | { ok: false; reason: 'invalid' | 'delayed' | 'disabled' | 'busy'; message: string };

/** Sign-in, or the current-password check of a signed-in user changing it (both count toward the delays). */
export type PasswordPurpose = 'sign-in' | 'change-password';

const AUDIT_PREFIX: Record<PasswordPurpose, string> = { 'sign-in': 'login', 'change-password': 'change-password' };

type Reservation = { ok: true; attemptId: number; user: UserRow | undefined; isTrusted: boolean } | { ok: false; result: SignInResult };

/**
 * Process-wide bookkeeping of audit rows, kept on globalThis: Next bundles this module into more than
 * one server chunk (the route handler and the actions each get a copy), and all copies must share it.
 */
type SignInState = {
  /** When a refusal of each kind and key (address, or address and username) was last audited. */
  refusalAudited: Map<string, number>;
  /** When old attempts were last deleted. */
  prunedAt: number;
};
const globalForSignIn = globalThis as unknown as { __ptSignIn?: SignInState };
const state: SignInState = (globalForSignIn.__ptSignIn ??= { refusalAudited: new Map(), prunedAt: 0 });

/** A place in flight older than this is taken to belong to a crashed check. */
const PENDING_EXPIRY_MS = 60_000;
const DEVICE_KEPT_MS = 365 * 86_400_000;

/** A refusal that did not look at the password is audited once a minute per key, so a flood cannot fill the audit log. */
const REFUSAL_AUDIT_EVERY_MS = 60_000;

const BUSY_MESSAGE = '登录请求过于频繁，请稍后再试';

function shouldAuditRefusal(key: string, at: number): boolean {
  const last = state.refusalAudited.get(key);
  if (last !== undefined && at - last < REFUSAL_AUDIT_EVERY_MS) return false;
  if (state.refusalAudited.size > 10_000) {
    for (const [k, t] of state.refusalAudited) if (at - t >= REFUSAL_AUDIT_EVERY_MS) state.refusalAudited.delete(k);
  }
  state.refusalAudited.set(key, at);
  return true;
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

/** The delay (or none) the account and the address impose now; the same for a username that does not exist. */
async function refusal(username: string, ip: string, at: number): Promise<{ outcome: 'rate-limited' | 'delayed' | 'busy'; result: SignInResult } | null> {
  const pendingSince = at - PENDING_EXPIRY_MS;
  const fromAddress = decideAttempt(await countAttempts({ ip }, at - ADDRESS_WINDOW_MS, pendingSince), delayRule(authSettings.maxFailuresPerIp), at);
  const atAccount = decideAttempt(await countAttempts({ username }, at - ACCOUNT_WINDOW_MS, pendingSince), delayRule(authSettings.maxFailedAttempts), at);
  const decision = !fromAddress.ok ? fromAddress : atAccount;
  if (decision.ok) return null;
  const message = decision.reason === 'delayed' ? `登录失败次数过多，请 ${waitText(decision.until - at)}后再试` : BUSY_MESSAGE;
  const reason = decision.reason;
  return { outcome: !fromAddress.ok ? 'rate-limited' : reason, result: { ok: false, reason, message } };
}

/**
 * A device this account signed in from is trusted while its own failures since then, with its
 * guesses in flight, stay under the limit: a stolen device cookie is worth no more guesses than a
 * fresh browser.
 */
async function isTrustedDevice(username: string, user: UserRow | undefined, deviceHash: string | null, at: number): Promise<boolean> {
  if (!user || !deviceHash) return false;
  const known = await findKnownDevice(deviceHash, user.id);
  if (!known || known.lastUsedAt < at - DEVICE_KEPT_MS) return false;
  const own = await countAttempts({ username, device: deviceHash }, known.lastUsedAt, at - PENDING_EXPIRY_MS);
  return own.failures + own.pending < authSettings.maxFailedAttempts;
}

function isSerializationFailure(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    if ((e as { code?: unknown }).code === '40001') return true;
  }
  return false;
}

/** These transactions decide on what they counted: two app servers must not both pass the same count. */
const COUNTED = { isolation: 'serializable' } as const;

/**
 * A burst of sign-ins (tabs, a script) all read and insert attempt rows: on PostgreSQL they are
 * serialized by retrying, and write()'s own quick retries can run out under load. These back off longer.
 */
async function withPatience<T>(fn: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= 5 || !isSerializationFailure(error)) throw error;
      await new Promise((r) => setTimeout(r, 20 + Math.random() * 50 * attempt));
    }
  }
}

/**
 * Step 1, in one transaction: refuse the attempt, or record it and take a place in flight. The audit
 * throttle's memory is only consulted here; a retried transaction at worst writes one more audit row.
 */
async function reserve(username: string, ip: string, purpose: PasswordPurpose, deviceHash: string | null, at: number): Promise<Reservation> {
  return withPatience(() => write(async (): Promise<Reservation> => {
    const user = await findUserByUsername(username);
    const isTrusted = await isTrustedDevice(username, user, deviceHash, at);
    if (!isTrusted) {
      const refused = await refusal(username, ip, at);
      if (refused) {
        const key = refused.outcome === 'rate-limited' ? `rate-limited ${ip}` : `${refused.outcome} ${ip} ${username}`;
        if (shouldAuditRefusal(key, at)) await audit(purpose, refused.outcome, username, user, ip);
        return { ok: false, result: refused.result };
      }
    }
    const attemptId = await insertLoginAttempt({ username, ip, isSuccess: false, isPending: true, device: deviceHash });
    return { ok: true, attemptId, user, isTrusted };
  }, COUNTED));
}

/** What a wrong password is told: the same for every username, with the wait the next attempt faces. */
async function wrongPasswordMessage(purpose: PasswordPurpose, username: string, isTrusted: boolean, at: number): Promise<string> {
  const base = purpose === 'sign-in' ? '用户名或密码错误' : '当前密码不正确';
  if (isTrusted) return base;
  const { failures } = await countAttempts({ username }, at - ACCOUNT_WINDOW_MS, at);
  const wait = requiredWaitMs(failures, delayRule(authSettings.maxFailedAttempts));
  return wait > 0 ? `${base}；失败次数过多，请 ${waitText(wait)}后再试` : base;
}

/** Step 3, after hashing: settle the attempt; a match signs in (and remembers the device), anything else is a failure. */
async function settle(
  reserved: { attemptId: number; user: UserRow | undefined; isTrusted: boolean },
  isMatch: boolean,
  username: string,
  ip: string,
  purpose: PasswordPurpose,
  deviceHash: string | null,
): Promise<SignInResult> {
  const result = await withPatience(() => write(async (): Promise<SignInResult> => {
    const at = Date.now();
    const user = reserved.user ? await getUser(reserved.user.id) : undefined;
    const isSuccess = Boolean(user && isMatch && !user.isDisabled);
    await settleLoginAttempt(reserved.attemptId, isSuccess);
    if (user && isSuccess) {
      if (purpose === 'sign-in' && deviceHash) await rememberKnownDevice(deviceHash, user.id, at);
      // Attempts older than a day no longer count toward any limit (the audit log keeps the record).
      if (at - state.prunedAt > 3_600_000) {
        await pruneLoginAttempts(at - ACCOUNT_WINDOW_MS);
        await pruneKnownDevices(at - DEVICE_KEPT_MS);
      }
      // A password change writes its own audit row once the new password is stored.
      if (purpose === 'sign-in') await audit(purpose, 'success', username, user, ip);
      return { ok: true, user };
    }
    if (user && isMatch) {
      await audit(purpose, 'disabled', username, user, ip);
      return { ok: false, reason: 'disabled', message: '账户已停用，请联系管理员' };
    }
    await audit(purpose, 'failed', username, user, ip);
    return { ok: false, reason: 'invalid', message: await wrongPasswordMessage(purpose, username, reserved.isTrusted, at) };
  }, COUNTED));
  if (result.ok && Date.now() - state.prunedAt > 3_600_000) state.prunedAt = Date.now();
  return result;
}

/**
 * Checks a username and password. The attempt is counted (a pending row) in its own transaction before
 * the password is hashed, which is what makes parallel attempts safe, on one app server or several.
 * `deviceToken` is the device cookie the browser sent, or a new token the caller will set as the
 * cookie if the sign-in succeeds (lib/auth/request.ts).
 */
export async function checkCredentials(
  username: string,
  password: string,
  ip: string,
  purpose: PasswordPurpose = 'sign-in',
  deviceToken?: string,
): Promise<SignInResult> {
  // `Admin` is `admin`: one account, and one count of failures however the name is typed.
  username = foldUsername(username);
  const deviceHash = deviceTokenHash(deviceToken);
  const reserved = await reserve(username, ip, purpose, deviceHash, Date.now());
  if (!reserved.ok) return reserved.result;
  const isMatch = await verifyPassword(password, reserved.user?.passwordHash ?? (await dummyPasswordHash()));
  return settle(reserved, isMatch, username, ip, purpose, deviceHash);
}
