/** Checking a username and password, with per-account lockout and a per-address limit. */
import { transaction } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import {
  clearFailedLogins,
  countFailedAttemptsFromIp,
  findUserByUsername,
  insertLoginAttempt,
  recordFailedLogin,
} from '@/db/queries/users';
import type { UserRow } from '@/db/schema';
import { dummyPasswordHash, verifyPassword } from './password';
import { authSettings } from './policy';

export type SignInResult =
  | { ok: true; user: UserRow }
  | { ok: false; reason: 'invalid' | 'locked' | 'disabled' | 'rate-limited'; message: string };

function minutesLeft(until: number): number {
  return Math.max(1, Math.ceil((until - Date.now()) / 60_000));
}

export async function checkCredentials(username: string, password: string, ip: string): Promise<SignInResult> {
  const windowStart = Date.now() - authSettings.lockMinutes * 60_000;
  if (countFailedAttemptsFromIp(ip, windowStart) >= authSettings.maxFailuresPerIp) {
    return { ok: false, reason: 'rate-limited', message: `此地址登录失败次数过多，请 ${authSettings.lockMinutes} 分钟后再试` };
  }
  const user = findUserByUsername(username);
  if (user?.lockedUntil && user.lockedUntil > Date.now()) {
    transaction(() => {
      insertLoginAttempt(username, ip, false);
      appendAudit({ userId: user.id, username, action: 'login-locked', entity: 'user', entityId: user.id, ip });
    });
    return { ok: false, reason: 'locked', message: `账户已锁定，请 ${minutesLeft(user.lockedUntil)} 分钟后再试` };
  }
  const isMatch = await verifyPassword(password, user?.passwordHash ?? (await dummyPasswordHash()));
  if (user && isMatch && !user.isDisabled) {
    transaction(() => {
      clearFailedLogins(user.id);
      insertLoginAttempt(username, ip, true);
      appendAudit({ userId: user.id, username, action: 'login', entity: 'user', entityId: user.id, ip });
    });
    return { ok: true, user };
  }
  if (user && isMatch && user.isDisabled) {
    transaction(() => {
      insertLoginAttempt(username, ip, false);
      appendAudit({ userId: user.id, username, action: 'login-disabled', entity: 'user', entityId: user.id, ip });
    });
    return { ok: false, reason: 'disabled', message: '账户已停用，请联系管理员' };
  }
  const lockUntil = Date.now() + authSettings.lockMinutes * 60_000;
  const outcome = transaction(() => {
    insertLoginAttempt(username, ip, false);
    const r = user ? recordFailedLogin(user.id, authSettings.maxFailedAttempts, lockUntil) : { attempts: 0, locked: false };
    appendAudit({
      userId: user?.id ?? null,
      username,
      action: r.locked ? 'login-failed-locked' : 'login-failed',
      entity: 'user',
      entityId: user?.id ?? null,
      ip,
    });
    return r;
  });
  if (outcome.locked) {
    return {
      ok: false,
      reason: 'locked',
      message: `密码连续错误 ${authSettings.maxFailedAttempts} 次，账户已锁定 ${authSettings.lockMinutes} 分钟`,
    };
  }
  return { ok: false, reason: 'invalid', message: '用户名或密码错误' };
}
