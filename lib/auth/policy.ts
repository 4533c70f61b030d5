/** Password policy and session/sign-in delay settings; each can be changed by environment variable. */
import type { DelayRule } from './login-delay';

function intEnv(name: string, fallback: number): number {
  const v = Number(process.env[name]);
  return Number.isInteger(v) && v > 0 ? v : fallback;
}

export const authSettings = {
  get passwordMinLength() {
    return intEnv('PASSWORD_MIN_LENGTH', 8);
  },
  /** Failed sign-ins at one username answered without delay; after them each attempt waits longer. */
  get maxFailedAttempts() {
    return intEnv('LOGIN_MAX_FAILURES', 5);
  },
  /** Failed attempts allowed from one client address in an hour, across all usernames, before delays start there. */
  get maxFailuresPerIp() {
    return intEnv('LOGIN_MAX_FAILURES_PER_IP', 20);
  },
  /** The first delay; each further failure doubles it. */
  get loginDelaySeconds() {
    return intEnv('LOGIN_DELAY_SECONDS', 30);
  },
  get loginMaxDelayMinutes() {
    return intEnv('LOGIN_MAX_DELAY_MINUTES', 15);
  },
  get sessionIdleMinutes() {
    return intEnv('SESSION_IDLE_MINUTES', 30);
  },
  /** Sessions one user may have at once; signing in once more ends the oldest. */
  get sessionMaxPerUser() {
    return intEnv('SESSION_MAX_PER_USER', 5);
  },
  get sessionMaxHours() {
    return intEnv('SESSION_MAX_HOURS', 12);
  },
};

/** The progressive delay after `free` failures (per username, or per address). */
export function delayRule(free: number): DelayRule {
  return { free, firstDelayMs: authSettings.loginDelaySeconds * 1000, maxDelayMs: authSettings.loginMaxDelayMinutes * 60_000 };
}

/** Returns a Chinese message saying what is missing, or null when the password is acceptable. */
export function checkPasswordPolicy(password: string, username?: string): string | null {
  const min = authSettings.passwordMinLength;
  if (password.length < min) return `密码至少 ${min} 位`;
  if (password.length > 128) return '密码不能超过 128 位';
  if (!/[A-Za-z]/.test(password) || !/[0-9]/.test(password)) return '密码须同时包含字母和数字';
  if (username && password.toLowerCase().includes(username.toLowerCase())) return '密码不能包含用户名';
  return null;
}
