import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rawAll, rawRun, write } from '@/db/client';
import { listRecentAudit } from '@/db/queries/audit';
import { insertUser } from '@/db/queries/users';
import { freshDatabase } from '@/lib/testing/db';
import { newDeviceToken } from './known-device';
import { hashPassword } from './password';
import { checkCredentials, type SignInResult } from './sign-in';

const PASSWORD = 'Zhengque2024';
let hash = '';

async function makeUser(username: string): Promise<number> {
  return write(async () => (await insertUser({ username, displayName: username, passwordHash: hash, isAdmin: false, mustChangePassword: false })).id);
}

const wrong = (i: number) => `cuowu-${i}-x9`;

/** Moves every attempt at a username (or from an address) back in time, as if `ms` had passed. */
async function pass(ms: number, key: { username: string } | { ip: string }): Promise<void> {
  const where = 'ip' in key ? sql`ip = ${key.ip}` : sql`username = ${key.username}`;
  await write(() => rawRun(sql`update login_attempts set at = at - ${ms} where ${where}`));
}

const answer = (r: SignInResult) => (r.ok ? { ok: true } : { reason: r.reason, message: r.message });

async function auditedSince(before: number) {
  const all = await listRecentAudit(10_000);
  return all.slice(0, all.length - before);
}

beforeAll(async () => {
  await freshDatabase();
  hash = await hashPassword(PASSWORD);
});

afterEach(() => {
  delete process.env.LOGIN_MAX_FAILURES_PER_IP;
});

describe('progressive delay, never a lock', () => {
  it('answers five wrong passwords at once, then makes each further attempt wait twice as long as the one before', async () => {
    await makeUser('slowed');
    const replies = [];
    for (let i = 0; i < 5; i++) replies.push(await checkCredentials('slowed', wrong(i), '10.0.1.2'));
    expect(replies.slice(0, 4).map(answer)).toEqual(Array(4).fill({ reason: 'invalid', message: '用户名或密码错误' }));
    // The fifth failure says how long the next attempt must wait.
    expect(answer(replies[4]!)).toEqual({ reason: 'invalid', message: '用户名或密码错误；失败次数过多，请 30 秒后再试' });
    // Within the wait even the right password is refused unhashed, from a new device; nothing is locked.
    expect(answer(await checkCredentials('slowed', PASSWORD, '10.0.1.3'))).toEqual({ reason: 'delayed', message: '登录失败次数过多，请 30 秒后再试' });
    await pass(31_000, { username: 'slowed' });
    expect(answer(await checkCredentials('slowed', wrong(5), '10.0.1.2'))).toMatchObject({ reason: 'invalid', message: expect.stringContaining('请 1 分钟后再试') });
    await pass(31_000, { username: 'slowed' });
    expect(await checkCredentials('slowed', PASSWORD, '10.0.1.2')).toMatchObject({ ok: false, reason: 'delayed' });
    await pass(30_000, { username: 'slowed' });
    expect((await checkCredentials('slowed', PASSWORD, '10.0.1.2')).ok).toBe(true);
    // A success starts the count again.
    expect(answer(await checkCredentials('slowed', wrong(9), '10.0.1.2'))).toEqual({ reason: 'invalid', message: '用户名或密码错误' });
  });

  it('caps the wait at LOGIN_MAX_DELAY_MINUTES', async () => {
    await makeUser('capped');
    for (let i = 0; i < 12; i++) {
      await checkCredentials('capped', wrong(i), '10.0.1.4');
      await pass(16 * 60_000, { username: 'capped' });
    }
    // Twelve failures: 30 s doubled seven times would be 64 minutes; the cap is 15.
    await write(() => rawRun(sql`update login_attempts set at = at + ${16 * 60_000} where username = 'capped' and at = (select max(at) from login_attempts where username = 'capped')`));
    expect(await checkCredentials('capped', PASSWORD, '10.0.1.4')).toMatchObject({ reason: 'delayed', message: '登录失败次数过多，请 15 分钟后再试' });
  });

  it('answers a delayed account and a username that does not exist exactly alike, attempt by attempt', async () => {
    await makeUser('exists');
    for (let i = 0; i < 8; i++) {
      const known = await checkCredentials('exists', wrong(i), '10.0.2.1');
      const unknown = await checkCredentials('exists-not', wrong(i), '10.0.2.2');
      expect(answer(unknown), `attempt ${i + 1}`).toEqual(answer(known));
    }
    // The right password of the delayed account looks like any guess at a name that does not exist.
    expect(answer(await checkCredentials('exists', PASSWORD, '10.0.2.1'))).toEqual(answer(await checkCredentials('exists-not', PASSWORD, '10.0.2.2')));
  });

  it('audits every judged failure, and refusals once a minute', async () => {
    await makeUser('audited');
    const before = (await listRecentAudit(10_000)).length;
    for (let i = 0; i < 9; i++) await checkCredentials('audited', wrong(i), '10.0.2.3');
    const rows = await auditedSince(before);
    expect(rows.filter((r) => r.action === 'login-failed')).toHaveLength(5);
    expect(rows.filter((r) => r.action === 'login-delayed')).toHaveLength(1);
    expect(rows.every((r) => r.username === 'audited')).toBe(true);
  });
});

describe('a known device', () => {
  it('signs in with the right password while guesses from elsewhere keep the account delayed', async () => {
    await makeUser('owner-dev');
    const device = newDeviceToken();
    expect((await checkCredentials('owner-dev', PASSWORD, '10.0.3.1', 'sign-in', device)).ok).toBe(true);
    for (let i = 0; i < 10; i++) await checkCredentials('owner-dev', wrong(i), '10.66.0.1');
    expect(await checkCredentials('owner-dev', PASSWORD, '10.0.3.1', 'sign-in', newDeviceToken())).toMatchObject({ ok: false, reason: 'delayed' });
    expect((await checkCredentials('owner-dev', PASSWORD, '10.0.3.1', 'sign-in', device)).ok).toBe(true);
    // Known to this account only: the same browser is a new device for another account.
    await makeUser('other-dev');
    for (let i = 0; i < 6; i++) await checkCredentials('other-dev', wrong(i), '10.66.0.1');
    expect(await checkCredentials('other-dev', PASSWORD, '10.0.3.1', 'sign-in', device)).toMatchObject({ ok: false, reason: 'delayed' });
  });

  it('is not held back by failures from its address (an office behind one NAT)', async () => {
    process.env.LOGIN_MAX_FAILURES_PER_IP = '3';
    await makeUser('office');
    const device = newDeviceToken();
    expect((await checkCredentials('office', PASSWORD, '10.0.3.9', 'sign-in', device)).ok).toBe(true);
    for (let i = 0; i < 3; i++) await checkCredentials(`colleague-${i}`, wrong(i), '10.0.3.9');
    expect(await checkCredentials('office', PASSWORD, '10.0.3.9', 'sign-in', newDeviceToken())).toMatchObject({ ok: false, reason: 'delayed' });
    expect((await checkCredentials('office', PASSWORD, '10.0.3.9', 'sign-in', device)).ok).toBe(true);
  });

  it('loses its privilege after five wrong passwords of its own, so a stolen device cookie is worth no more guesses', async () => {
    await makeUser('stolen');
    const device = newDeviceToken();
    expect((await checkCredentials('stolen', PASSWORD, '10.0.3.2', 'sign-in', device)).ok).toBe(true);
    const replies = await Promise.all(Array.from({ length: 12 }, (_, i) => checkCredentials('stolen', wrong(i), '10.0.3.3', 'sign-in', device)));
    expect(replies.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(5);
    expect(await checkCredentials('stolen', PASSWORD, '10.0.3.3', 'sign-in', device)).toMatchObject({ ok: false, reason: 'delayed' });
  });

  it('is remembered only by a successful sign-in, not by a device cookie sent with a wrong password', async () => {
    await makeUser('unproven');
    const device = newDeviceToken();
    for (let i = 0; i < 5; i++) await checkCredentials('unproven', wrong(i), '10.0.3.4', 'sign-in', device);
    expect(await checkCredentials('unproven', PASSWORD, '10.0.3.4', 'sign-in', device)).toMatchObject({ ok: false, reason: 'delayed' });
    const stored = await rawAll<{ n: number }>(sql`select count(*) as n from known_devices kd join users u on u.id = kd.user_id where u.username = 'unproven'`);
    expect(Number(stored[0]!.n)).toBe(0);
  });
});

describe('parallel attempts', () => {
  it('hashes at most five guesses of a burst, refuses the rest unhashed, and then delays', async () => {
    await makeUser('burst');
    const before = (await listRecentAudit(10_000)).length;
    const results = await Promise.all(Array.from({ length: 20 }, (_, i) => checkCredentials('burst', wrong(i), '10.0.0.3')));
    const rows = await auditedSince(before);
    expect(rows.filter((r) => r.action === 'login-failed')).toHaveLength(5);
    // Fifteen refusals, audited once (a flood must not fill the audit log).
    expect(rows.filter((r) => r.action === 'login-busy')).toHaveLength(1);
    expect(results.filter((r) => !r.ok && r.reason === 'busy')).toHaveLength(15);
    expect(results.filter((r) => r.ok)).toEqual([]);
    expect(await checkCredentials('burst', PASSWORD, '10.0.0.4')).toMatchObject({ ok: false, reason: 'delayed' });
  });

  it('after the wait, lets one guess through at a time', async () => {
    await makeUser('one-at-a-time');
    for (let i = 0; i < 5; i++) await checkCredentials('one-at-a-time', wrong(i), '10.0.0.8');
    await pass(31_000, { username: 'one-at-a-time' });
    const results = await Promise.all(Array.from({ length: 6 }, (_, i) => checkCredentials('one-at-a-time', wrong(10 + i), '10.0.0.8')));
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(1);
  });

  it('never lets guesses in flight plus judged failures exceed the free attempts', async () => {
    await makeUser('mixed');
    for (let i = 0; i < 3; i++) await checkCredentials('mixed', wrong(i), '10.0.0.5');
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => checkCredentials('mixed', wrong(10 + i), '10.0.0.5')));
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(2);
    expect(results.filter((r) => !r.ok && r.reason === 'busy')).toHaveLength(8);
  });

  it('does not slow down an account signed into from many tabs at once with the right password', async () => {
    await makeUser('tabs');
    const results = await Promise.all(Array.from({ length: 8 }, () => checkCredentials('tabs', PASSWORD, '10.0.0.6')));
    // Five places at once; a place freed by a finished check may be taken by a tab that arrives later.
    const accepted = results.filter((r) => r.ok).length;
    expect(accepted).toBeGreaterThanOrEqual(5);
    const refused = results.filter((r) => !r.ok);
    expect(refused).toHaveLength(8 - accepted);
    for (const r of refused) expect(r).toMatchObject({ reason: 'busy', message: expect.stringContaining('请稍后再试') });
    // Refused unhashed, they are no attempts at the password: not recorded as failed, nor as signed in.
    const recorded = await rawAll<{ ok: unknown; n: number }>(
      sql`select is_success as ok, count(*) as n from login_attempts where ip = '10.0.0.6' group by is_success`,
    );
    expect(recorded.map((r) => ({ ok: Boolean(r.ok), n: Number(r.n) }))).toEqual([{ ok: true, n: accepted }]);
    expect((await checkCredentials('tabs', PASSWORD, '10.0.0.6')).ok).toBe(true);
  });
});

describe('per-address delay', () => {
  it('counts attempts in flight, so a parallel burst from one address cannot exceed it; refusals are audited once a minute', async () => {
    process.env.LOGIN_MAX_FAILURES_PER_IP = '3';
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => checkCredentials(`nobody-${i}`, wrong(i), '10.9.9.9')));
    expect(results.filter((r) => !r.ok && r.reason === 'invalid')).toHaveLength(3);
    expect(results.filter((r) => !r.ok && r.reason === 'busy')).toHaveLength(9);
    const audited = (await listRecentAudit(100)).filter((r) => r.ip === '10.9.9.9' && r.action === 'login-rate-limited');
    expect(audited).toHaveLength(1);
    // Then a wait, growing like an account's; another address is not affected.
    expect(await checkCredentials('nobody-y', wrong(1), '10.9.9.9')).toMatchObject({ reason: 'delayed' });
    await pass(31_000, { ip: '10.9.9.9' });
    expect(await checkCredentials('nobody-y', wrong(1), '10.9.9.9')).toMatchObject({ reason: 'invalid' });
    expect(await checkCredentials('nobody-x', wrong(1), '10.9.9.10')).toMatchObject({ reason: 'invalid' });
  });

  it('does not count successful sign-ins', async () => {
    process.env.LOGIN_MAX_FAILURES_PER_IP = '2';
    await makeUser('often');
    for (let i = 0; i < 5; i++) expect((await checkCredentials('often', PASSWORD, '10.9.8.1')).ok).toBe(true);
  });
});

describe('changing the password', () => {
  it('counts wrong current passwords toward the same delays as sign-in', async () => {
    await makeUser('changer');
    for (let i = 0; i < 5; i++) expect(await checkCredentials('changer', wrong(i), '10.0.4.1', 'change-password')).toMatchObject({ reason: 'invalid' });
    expect(await checkCredentials('changer', PASSWORD, '10.0.4.1')).toMatchObject({ ok: false, reason: 'delayed' });
  });
});
