import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rawAll, write } from '@/db/client';
import { listRecentAudit } from '@/db/queries/audit';
import { findUserByUsername, getUser, insertUser, lockUser } from '@/db/queries/users';
import { freshDatabase } from '@/lib/testing/db';
import { hashPassword } from './password';
import { checkCredentials } from './sign-in';

const PASSWORD = 'Zhengque2024';
let hash = '';

async function makeUser(username: string): Promise<number> {
  return write(async () => (await insertUser({ username, displayName: username, passwordHash: hash, isAdmin: false, mustChangePassword: false })).id);
}

const wrong = (i: number) => `cuowu-${i}-x9`;

beforeAll(async () => {
  await freshDatabase();
  hash = await hashPassword(PASSWORD);
});

afterEach(() => {
  delete process.env.LOGIN_MAX_FAILURES_PER_IP;
});

describe('lockout under parallel attempts', () => {
  it('hashes at most the allowed number of guesses from a burst, refuses the rest unhashed, and locks once five have failed', async () => {
    const id = await makeUser('burst');
    const before = (await listRecentAudit(10_000)).length;
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => checkCredentials('burst', wrong(i), '10.0.0.3')));
    const all = await listRecentAudit(10_000);
    const rows = all.slice(0, all.length - before);
    const judged = rows.filter((r) => r.action === 'login-failed' || r.action === 'login-failed-locked');
    expect(judged).toHaveLength(5);
    expect(rows.filter((r) => r.action === 'login-failed-locked')).toHaveLength(1);
    // Fifteen refusals, audited once (a flood must not fill the audit log).
    expect(rows.filter((r) => r.action === 'login-busy')).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'busy')).toHaveLength(15);
    expect(results.filter((r) => r.ok)).toEqual([]);
    expect((await getUser(id))!.lockedUntil).toBeGreaterThan(Date.now());
    // Locked now, even for the right password.
    expect(await checkCredentials('burst', PASSWORD, '10.0.0.4')).toMatchObject({ ok: false, reason: 'locked' });
  });

  it('never lets guesses in flight plus judged failures exceed the limit', async () => {
    const id = await makeUser('mixed');
    for (let i = 0; i < 3; i++) await checkCredentials('mixed', wrong(i), '10.0.0.5');
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => checkCredentials('mixed', wrong(10 + i), '10.0.0.5')));
    // Three failures already judged: only two more guesses may be hashed.
    expect(results.filter((r) => !r.ok && r.reason !== 'busy')).toHaveLength(2);
    expect(results.filter((r) => !r.ok && r.reason === 'busy')).toHaveLength(8);
    expect((await getUser(id))!.lockedUntil).toBeGreaterThan(Date.now());
  });

  it('does not lock an account signed into from many tabs at once with the right password', async () => {
    const id = await makeUser('tabs');
    const results = await Promise.all(Array.from({ length: 8 }, () => checkCredentials('tabs', PASSWORD, '10.0.0.6')));
    // Five places at once; a place freed by a finished check may be taken by a tab that arrives later.
    const accepted = results.filter((r) => r.ok).length;
    expect(accepted).toBeGreaterThanOrEqual(5);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(8 - accepted);
    for (const r of refused) expect(r).toMatchObject({ reason: 'busy', message: expect.stringContaining('请稍后再试') });
    const user = (await getUser(id))!;
    expect(user.lockedUntil).toBeNull();
    expect(user.failedAttempts).toBe(0);
    // Refused unhashed, they are no attempts at the password: not recorded as failed, nor as signed in.
    const recorded = await rawAll<{ ok: unknown; n: number }>(
      sql`select is_success as ok, count(*) as n from login_attempts where ip = '10.0.0.6' group by is_success`,
    );
    expect(recorded.map((r) => ({ ok: Boolean(r.ok), n: Number(r.n) }))).toEqual([{ ok: true, n: accepted }]);
    // The refused ones can simply try again.
    expect((await checkCredentials('tabs', PASSWORD, '10.0.0.6')).ok).toBe(true);
  });

  it('a right password among wrong ones in a burst is judged like any other guess', async () => {
    await makeUser('among');
    // One wrong guess judged, then a burst that fits the remaining places: every guess in it is judged
    // (which ones of a larger burst get places depends on arrival, on several app servers too).
    expect(await checkCredentials('among', wrong(0), '10.0.0.7')).toMatchObject({ reason: 'invalid' });
    const guesses = [wrong(1), PASSWORD, wrong(2), wrong(3)];
    const results = await Promise.all(guesses.map((g) => checkCredentials('among', g, '10.0.0.7')));
    // The lock counts judged failures: four wrong so far, so the right password is accepted.
    expect(results[1]).toMatchObject({ ok: true });
    expect(results.filter((r) => !r.ok && r.reason === 'busy')).toHaveLength(0);
  });
});

describe('lockout one attempt at a time', () => {
  it('accepts the right password after four wrong ones and starts the count again', async () => {
    const id = await makeUser('slow');
    for (let i = 0; i < 4; i++) expect(await checkCredentials('slow', wrong(i), '10.0.1.1')).toMatchObject({ reason: 'invalid' });
    expect((await checkCredentials('slow', PASSWORD, '10.0.1.1')).ok).toBe(true);
    expect((await getUser(id))!.failedAttempts).toBe(0);
  });

  it('locks on the fifth wrong password, refuses the right one, and counts afresh once the lock runs out', async () => {
    const id = await makeUser('five');
    const replies = [];
    for (let i = 0; i < 5; i++) replies.push(await checkCredentials('five', wrong(i), '10.0.1.2'));
    expect(replies[4]).toMatchObject({ ok: false, reason: 'locked' });
    expect(replies[4]!.ok ? '' : replies[4]!.message).toContain('账户已锁定');
    expect(await checkCredentials('five', PASSWORD, '10.0.1.2')).toMatchObject({ ok: false, reason: 'locked' });
    await write(() => lockUser(id, Date.now() - 1));
    expect(await checkCredentials('five', wrong(9), '10.0.1.2')).toMatchObject({ reason: 'invalid' });
    expect((await checkCredentials('five', PASSWORD, '10.0.1.2')).ok).toBe(true);
    expect((await findUserByUsername('five'))!.lockedUntil).toBeNull();
  });
});

describe('per-address limit', () => {
  it('counts attempts in flight, so a parallel burst from one address cannot exceed it; refusals are audited once a minute', async () => {
    process.env.LOGIN_MAX_FAILURES_PER_IP = '3';
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => checkCredentials(`nobody-${i}`, wrong(i), '10.9.9.9')));
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(3);
    expect(results.filter((r) => !r.ok && r.reason === 'rate-limited')).toHaveLength(9);
    const audited = (await listRecentAudit(100)).filter((r) => r.ip === '10.9.9.9' && r.action === 'login-rate-limited');
    expect(audited).toHaveLength(1);
    // Another address is not affected.
    expect(await checkCredentials('nobody-x', wrong(1), '10.9.9.10')).toMatchObject({ reason: 'invalid' });
  });

  it('does not count successful sign-ins', async () => {
    process.env.LOGIN_MAX_FAILURES_PER_IP = '2';
    await makeUser('often');
    for (let i = 0; i < 5; i++) expect((await checkCredentials('often', PASSWORD, '10.9.8.1')).ok).toBe(true);
  });
});
