import { describe, expect, it } from 'vitest';
import { decideAttempt, requiredWaitMs, waitText } from './login-delay';

const rule = { free: 5, firstDelayMs: 30_000, maxDelayMs: 900_000 };

describe('login delay rule', () => {
  it('waits nothing before the free failures are used, then doubles up to the cap', () => {
    expect([0, 4, 5, 6, 7, 10, 11, 1000].map((f) => requiredWaitMs(f, rule))).toEqual([0, 0, 30_000, 60_000, 120_000, 900_000, 900_000, 900_000]);
  });

  it('counts attempts in flight as places taken, and after the free ones allows one at a time once the wait is over', () => {
    expect(decideAttempt({ failures: 3, lastFailureAt: 0, pending: 1 }, rule, 0)).toEqual({ ok: true });
    expect(decideAttempt({ failures: 3, lastFailureAt: 0, pending: 2 }, rule, 0)).toEqual({ ok: false, reason: 'busy' });
    expect(decideAttempt({ failures: 5, lastFailureAt: 1000, pending: 0 }, rule, 30_999)).toEqual({ ok: false, reason: 'delayed', until: 31_000 });
    expect(decideAttempt({ failures: 5, lastFailureAt: 1000, pending: 0 }, rule, 31_000)).toEqual({ ok: true });
    expect(decideAttempt({ failures: 5, lastFailureAt: 1000, pending: 1 }, rule, 31_000)).toEqual({ ok: false, reason: 'busy' });
  });

  it('says the wait in seconds, or whole minutes rounded up', () => {
    expect([1, 29_001, 60_000, 61_000, 900_000].map(waitText)).toEqual(['1 秒', '30 秒', '1 分钟', '2 分钟', '15 分钟']);
  });
});
