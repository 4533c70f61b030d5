/**
 * Sessions end after 30 idle minutes (each request within them slides the window) and 12 hours after
 * sign-in however active, and at once when the account is disabled; the database holds only a hash.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { findSession, updateUser } from '@/db/queries/users';
import { makeActor, seededDatabase } from '@/lib/testing/db';
import type { Actor } from './permissions';
import { createSession, endSession, resolveSession } from './session';

const MINUTE = 60_000;
let user: Actor;
let n = 0;

beforeAll(async () => {
  await seededDatabase();
});

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-02T08:00:00+08:00'));
  user = makeActor(`session-user-${++n}`, []);
});

afterEach(() => {
  vi.useRealTimers();
});

const later = (minutes: number) => vi.setSystemTime(Date.now() + minutes * MINUTE);

describe('sessions', () => {
  it('resolve to their user, and the database keeps only a hash of the token', () => {
    const { token } = createSession(user.id, '127.0.0.1', 'test');
    expect(resolveSession(token)?.actor.username).toBe(user.username);
    expect(findSession(token)).toBeUndefined();
    expect(resolveSession(`${token}x`)).toBeNull();
  });

  it('survive 29 idle minutes, slide with use, and end after 31 idle minutes', () => {
    const { token } = createSession(user.id, null, null);
    later(29);
    expect(resolveSession(token)).not.toBeNull();
    later(29); // 58 minutes after sign-in, 29 after the last request
    expect(resolveSession(token)).not.toBeNull();
    later(31);
    expect(resolveSession(token)).toBeNull();
    // Gone for good: going back in time does not revive it.
    vi.setSystemTime(Date.now() - 40 * MINUTE);
    expect(resolveSession(token)).toBeNull();
  });

  it('end 12 hours after sign-in, however active', () => {
    const { token, expiresAt } = createSession(user.id, null, null);
    for (let elapsed = 0; elapsed + 20 <= 12 * 60 - 1; elapsed += 20) {
      later(20);
      expect(resolveSession(token), `after ${elapsed + 20} minutes`).not.toBeNull();
    }
    vi.setSystemTime(expiresAt + 1);
    expect(resolveSession(token)).toBeNull();
  });

  it('end when the account is disabled, and on sign-out', () => {
    const a = createSession(user.id, null, null);
    const b = createSession(user.id, null, null);
    endSession(a.token);
    expect(resolveSession(a.token)).toBeNull();
    expect(resolveSession(b.token)).not.toBeNull();
    updateUser(user.id, { isDisabled: true });
    expect(resolveSession(b.token)).toBeNull();
  });
});
