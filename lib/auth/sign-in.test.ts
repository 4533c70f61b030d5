import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sqlite } from '@/db/client';
import { listRecentAudit } from '@/db/queries/audit';
import { findUserByUsername, getUser, insertUser, lockUser } from '@/db/queries/users';
import { freshDatabase } from '@/lib/testing/db';
import { hashPassword } from './password';
import { checkCredentials } from './sign-in';

const PASSWORD = 'Zhengque2024';
let hash = '';

function makeUser(username: string): number {
  return insertUser({ username, displayName: username, passwordHash: hash, isAdmin: false, mustChangePassword: false }).id;
}

const wrong = (i: number) => `cuowu-${i}-x9`;

beforeAll(async () => {
  freshDatabase();
  hash = await hashPassword(PASSWORD);
});

afterEach(() => {
  delete process.env.LOGIN_MAX_FAILURES_PER_IP;
});

describe('lockout under parallel attempts', () => {
  it('hashes at most the allowed number of guesses from a burst, refuses the rest unhashed, and locks once five have failed', async () => {
    const id = makeUser('burst');
    const before = listRecentAudit(10_000).length;
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => checkCredentials('burst', wrong(i), '10.0.0.3')));
    const rows = listRecentAudit(10_000).slice(0, listRecentAudit(10_000).length - before);
    const judged = rows.filter((r) => r.action === 'login-failed' || r.action === 'login-failed-locked');
    expect(judged).toHaveLength(5);
    expect(rows.filter((r) => r.action === 'login-failed-locked')).toHaveLength(1);
    // Fifteen refusals, audited once (a flood must not fill the audit log).
    expect(rows.filter((r) => r.action === 'login-busy')).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'busy')).toHaveLength(15);
    expect(results.filter((r) => r.ok)).toEqual([]);
    expect(getUser(id)!.lockedUntil).toBeGreaterThan(Date.now());
    // Locked now, even for the right password.
    expect(await checkCredentials('burst', PASSWORD, '10.0.0.4')).toMatchObject({ ok: false, reason: 'locked' });
  });

  it('never lets guesses in flight plus judged failures exceed the limit', async () => {
    const id = makeUser('mixed');
    for (let i = 0; i < 3; i++) await checkCredentials('mixed', wrong(i), '10.0.0.5');
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => checkCredentials('mixed', wrong(10 + i), '10.0.0.5')));
    // Three failures already judged: only two more guesses may be hashed.
    expect(results.filter((r) => !r.ok && r.reason !== 'busy')).toHaveLength(2);
    expect(results.filter((r) => !r.ok && r.reason === 'busy')).toHaveLength(8);
    expect(getUser(id)!.lockedUntil).toBeGreaterThan(Date.now());
  });

  it('does not lock an account signed into from many tabs at once with the right password', async () => {
    const id = makeUser('tabs');
    const results = await Promise.all(Array.from({ length: 8 }, () => checkCredentials('tabs', PASSWORD, '10.0.0.6')));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(3);
    for (const r of refused) expect(r).toMatchObject({ reason: 'busy', message: expect.stringContaining('请稍后再试') });
    const user = getUser(id)!;
    expect(user.lockedUntil).toBeNull();
    expect(user.failedAttempts).toBe(0);
    // Refused unhashed, they are no attempts at the password: not recorded as failed, nor as signed in.
    const recorded = sqlite().prepare("select is_success as ok, count(*) as n from login_attempts where ip = '10.0.0.6' group by is_success").all();
    expect(recorded).toEqual([{ ok: 1, n: 5 }]);
    // The refused ones can simply try again.
    expect((await checkCredentials('tabs', PASSWORD, '10.0.0.6')).ok).toBe(true);
  });

  it('a right password among wrong ones in a burst is judged like any other guess', async () => {
    makeUser('among');
    const guesses = Array.from({ length: 12 }, (_, i) => (i === 1 ? PASSWORD : wrong(i)));
    const results = await Promise.all(guesses.map((g) => checkCredentials('among', g, '10.0.0.7')));
    // Only one wrong guess was judged before it, so it is accepted: the lock counts judged failures.
    expect(results[1]).toMatchObject({ ok: true });
    expect(results.slice(5).every((r) => !r.ok && r.reason === 'busy')).toBe(true);
  });
});

describe('lockout one attempt at a time', () => {
  it('accepts the right password after four wrong ones and starts the count again', async () => {
    const id = makeUser('slow');
    for (let i = 0; i < 4; i++) expect(await checkCredentials('slow', wrong(i), '10.0.1.1')).toMatchObject({ reason: 'invalid' });
    expect((await checkCredentials('slow', PASSWORD, '10.0.1.1')).ok).toBe(true);
    expect(getUser(id)!.failedAttempts).toBe(0);
  });

  it('locks on the fifth wrong password, refuses the right one, and counts afresh once the lock runs out', async () => {
    const id = makeUser('five');
    const replies = [];
    for (let i = 0; i < 5; i++) replies.push(await checkCredentials('five', wrong(i), '10.0.1.2'));
    expect(replies[4]).toMatchObject({ ok: false, reason: 'locked' });
    expect(replies[4]!.ok ? '' : replies[4]!.message).toContain('账户已锁定');
    expect(await checkCredentials('five', PASSWORD, '10.0.1.2')).toMatchObject({ ok: false, reason: 'locked' });
    lockUser(id, Date.now() - 1);
    expect(await checkCredentials('five', wrong(9), '10.0.1.2')).toMatchObject({ reason: 'invalid' });
    expect((await checkCredentials('five', PASSWORD, '10.0.1.2')).ok).toBe(true);
    expect(findUserByUsername('five')!.lockedUntil).toBeNull();
  });
});

describe('per-address limit', () => {
  it('counts attempts in flight, so a parallel burst from one address cannot exceed it; refusals are audited once a minute', async () => {
    process.env.LOGIN_MAX_FAILURES_PER_IP = '3';
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => checkCredentials(`nobody-${i}`, wrong(i), '10.9.9.9')));
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(3);
    expect(results.filter((r) => !r.ok && r.reason === 'rate-limited')).toHaveLength(9);
    const audited = listRecentAudit(100).filter((r) => r.ip === '10.9.9.9' && r.action === 'login-rate-limited');
    expect(audited).toHaveLength(1);
    // Another address is not affected.
    expect(await checkCredentials('nobody-x', wrong(1), '10.9.9.10')).toMatchObject({ reason: 'invalid' });
  });

  it('does not count successful sign-ins', async () => {
    process.env.LOGIN_MAX_FAILURES_PER_IP = '2';
    makeUser('often');
    for (let i = 0; i < 5; i++) expect((await checkCredentials('often', PASSWORD, '10.9.8.1')).ok).toBe(true);
  });
});
