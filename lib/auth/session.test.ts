/**
 * Sessions end after 30 idle minutes (each request within them slides the window) and 12 hours after
 * sign-in however active, and at once when the account is disabled; the database holds only a hash.
 */
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { write } from '@/db/client';
import { grantMembership, insertUnitUnder, setUnitParent } from '@/db/queries/departments';
import { findSession, getUser, updateUser } from '@/db/queries/users';
import { makeActor, makeUnitYear, seededDatabase } from '@/lib/testing/db';
import type { Actor } from './permissions';
import { actorOf, createSession, endSession, resolveSession } from './session';

const MINUTE = 60_000;
let user: Actor;
let n = 0;

beforeAll(async () => {
  await seededDatabase();
});

beforeEach(async () => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date('2026-03-02T08:00:00+08:00'));
  user = await makeActor(`session-user-${++n}`, []);
});

afterEach(() => {
  vi.useRealTimers();
});

const later = (minutes: number) => vi.setSystemTime(Date.now() + minutes * MINUTE);

/** An actor's grants in a fixed order, to compare two reads of them. */
function grantsOf(actor: Actor) {
  const sorted = <T>(m: ReadonlyMap<number, readonly T[]> | undefined) => [...(m ?? [])].map(([unitId, list]) => [unitId, [...list].sort()] as const).sort((a, b) => a[0] - b[0]);
  return { memberships: sorted(actor.memberships), reviewLevels: sorted(actor.reviewLevels) };
}

describe('sessions', () => {
  it('carry the same roles and review levels as the grants read one by one (PostgreSQL reads them in one statement)', async () => {
    const leaf = await makeUnitYear('970101', 2024, '10.00');
    const other = await makeUnitYear('970201', 2024, '10.00');
    const { top, mid } = await write(async () => {
      const top = await insertUnitUnder('97', '会话测试财政局', null);
      const mid = await insertUnitUnder('9701', '会话测试主管部门', top.id);
      await setUnitParent(leaf.unit.id, mid.id);
      await setUnitParent(other.unit.id, top.id);
      return { top, mid };
    });
    const grants = [
      { unitId: top.id, role: 'reviewer' as const, isThisUnitOnly: false },
      { unitId: mid.id, role: 'owner' as const, isThisUnitOnly: true },
      { unitId: leaf.unit.id, role: 'reviewer' as const, isThisUnitOnly: true },
      { unitId: other.unit.id, role: 'owner' as const, isThisUnitOnly: false },
    ];
    await write(async () => {
      for (const g of grants) await grantMembership({ userId: user.id, ...g });
    });
    const { token } = await createSession(user.id, null, null);
    const resolved = (await resolveSession(token))!.actor;
    const expected = await actorOf((await getUser(user.id))!);
    expect(grantsOf(resolved)).toEqual(grantsOf(expected));
    // Not vacuous: the top grant reaches every unit below it, at the levels the tree gives.
    const roles = (unitId: number) => [...(resolved.memberships.get(unitId) ?? [])].sort();
    expect(roles(leaf.unit.id)).toEqual(['reviewer']);
    expect(roles(mid.id)).toEqual(['owner', 'reviewer']);
    expect(roles(other.unit.id)).toEqual(['owner', 'reviewer']);
    expect(resolved.reviewLevels?.get(leaf.unit.id)?.length).toBe(2);
    expect(resolved).toMatchObject({ id: user.id, username: user.username, isAdmin: false });
  });

  it('resolve to their user, and the database keeps only a hash of the token', async () => {
    const { token } = await createSession(user.id, '127.0.0.1', 'test');
    expect((await resolveSession(token))?.actor.username).toBe(user.username);
    expect(await findSession(token)).toBeUndefined();
    expect(await resolveSession(`${token}x`)).toBeNull();
  });

  it('survive 29 idle minutes, slide with use, and end after 31 idle minutes', async () => {
    const { token } = await createSession(user.id, null, null);
    later(29);
    expect(await resolveSession(token)).not.toBeNull();
    later(29); // 58 minutes after sign-in, 29 after the last request
    expect(await resolveSession(token)).not.toBeNull();
    later(31);
    expect(await resolveSession(token)).toBeNull();
    // Gone for good: going back in time does not revive it.
    vi.setSystemTime(Date.now() - 40 * MINUTE);
    expect(await resolveSession(token)).toBeNull();
  });

  it('end 12 hours after sign-in, however active', async () => {
    const { token, expiresAt } = await createSession(user.id, null, null);
    for (let elapsed = 0; elapsed + 20 <= 12 * 60 - 1; elapsed += 20) {
      later(20);
      expect(await resolveSession(token), `after ${elapsed + 20} minutes`).not.toBeNull();
    }
    vi.setSystemTime(expiresAt + 1);
    expect(await resolveSession(token)).toBeNull();
  });

  it('end when the account is disabled, and on sign-out', async () => {
    const a = await createSession(user.id, null, null);
    const b = await createSession(user.id, null, null);
    await endSession(a.token);
    expect(await resolveSession(a.token)).toBeNull();
    expect(await resolveSession(b.token)).not.toBeNull();
    await write(() => updateUser(user.id, { isDisabled: true }));
    expect(await resolveSession(b.token)).toBeNull();
  });

  it('are at most SESSION_MAX_PER_USER per user: a new sign-in ends the oldest', async () => {
    // npm test raises the limit for its harnesses (scripts/test.mjs): the default is set here explicitly.
    const saved = process.env.SESSION_MAX_PER_USER;
    process.env.SESSION_MAX_PER_USER = '5';
    const tokens = [];
    for (let i = 0; i < 6; i++) {
      tokens.push((await createSession(user.id, '127.0.0.1', `tab ${i}`)).token);
      later(1);
    }
    expect(await resolveSession(tokens[0])).toBeNull();
    for (const t of tokens.slice(1)) expect((await resolveSession(t))?.actor.id).toBe(user.id);
    process.env.SESSION_MAX_PER_USER = '2';
    try {
      const newest = (await createSession(user.id, '127.0.0.1', 'one more')).token;
      expect((await Promise.all(tokens.map((t) => resolveSession(t)))).filter(Boolean)).toHaveLength(1);
      expect(await resolveSession(tokens[5])).not.toBeNull();
      expect(await resolveSession(newest)).not.toBeNull();
    } finally {
      if (saved === undefined) delete process.env.SESSION_MAX_PER_USER;
      else process.env.SESSION_MAX_PER_USER = saved;
    }
  });
});
