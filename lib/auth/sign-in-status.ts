/** Which accounts are being slowed down now, for the administrator's list of users. */
import { failuresSinceLastSuccess } from '@/db/queries/login-attempts';
import { ACCOUNT_WINDOW_MS, requiredWaitMs } from './login-delay';
import { authSettings, delayRule } from './policy';

export async function delayedUsernames(at: number): Promise<Set<string>> {
  const rule = delayRule(authSettings.maxFailedAttempts);
  const delayed = new Set<string>();
  for (const [username, f] of await failuresSinceLastSuccess(at - ACCOUNT_WINDOW_MS)) {
    if (f.failures >= rule.free && at < f.lastFailureAt + requiredWaitMs(f.failures, rule)) delayed.add(username);
  }
  return delayed;
}
