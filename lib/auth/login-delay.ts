/**
 * Progressive sign-in delays, a pure rule: after `free` judged failures, each further attempt must wait
 * since the last failure, twice as long as the one before, up to a cap. Attempts in flight count as
 * failures until judged, so parallel guesses cannot get more places than sequential ones.
 */
/** Failures at a username count for a day (or until it signs in); from an address, for an hour. */
export const ACCOUNT_WINDOW_MS = 86_400_000;
export const ADDRESS_WINDOW_MS = 3_600_000;

export type DelayRule = { free: number; firstDelayMs: number; maxDelayMs: number };

export type DelayCounts = { failures: number; lastFailureAt: number | null; pending: number };

export type DelayDecision = { ok: true } | { ok: false; reason: 'delayed'; until: number } | { ok: false; reason: 'busy' };

/** How long after the last failure the next attempt must wait, given the failures so far. */
export function requiredWaitMs(failures: number, rule: DelayRule): number {
  if (failures < rule.free) return 0;
  const doublings = Math.min(failures - rule.free, 40);
  return Math.min(rule.maxDelayMs, rule.firstDelayMs * 2 ** doublings);
}

export function decideAttempt(counts: DelayCounts, rule: DelayRule, at: number): DelayDecision {
  if (counts.failures < rule.free) {
    return counts.failures + counts.pending < rule.free ? { ok: true } : { ok: false, reason: 'busy' };
  }
  const until = (counts.lastFailureAt ?? 0) + requiredWaitMs(counts.failures, rule);
  if (at < until) return { ok: false, reason: 'delayed', until };
  // The wait is over: one guess at a time.
  return counts.pending === 0 ? { ok: true } : { ok: false, reason: 'busy' };
}

/** “30 秒”, “2 分钟”: how long is left, rounded up. */
export function waitText(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1000));
  return seconds < 60 ? `${seconds} 秒` : `${Math.ceil(seconds / 60)} 分钟`;
}
