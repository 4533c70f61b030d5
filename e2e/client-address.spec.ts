/**
 * The client's address (for the per-address limit and the audit log) and protocol (for the cookie's
 * Secure flag) come from scripts/server.mjs: from the socket by default, from the N-th entry from the
 * right of X-Forwarded-For behind N trusted proxies. Headers a client writes itself prove nothing.
 */
import { expect, request, test } from '@playwright/test';
import { account } from './fixtures/accounts';
import { auditRows } from './fixtures/audit-db';
import { spawnServer, type SpawnedServer } from './fixtures/spawn-server';

async function failedSignIn(baseURL: string, username: string, headers: Record<string, string>): Promise<number> {
  const context = await request.newContext({ baseURL, extraHTTPHeaders: headers });
  const res = await context.post('/api/session', { data: { username, password: 'cuowu-1x' } });
  await context.dispose();
  return res.status();
}

async function cookieOf(baseURL: string, headers: Record<string, string>): Promise<string> {
  const a = account('reviewer');
  const context = await request.newContext({ baseURL, extraHTTPHeaders: headers });
  const res = await context.post('/api/session', { data: { username: a.username, password: a.password } });
  expect(res.status()).toBe(200);
  await context.dispose();
  return res.headers()['set-cookie'] ?? '';
}

test('without a trusted proxy, a client saying https gets no HSTS', async ({ request: direct }) => {
  const res = await direct.get('/login', { headers: { 'x-forwarded-proto': 'https' } });
  expect(res.headers()['strict-transport-security']).toBeUndefined();
});

test('without a proxy, X-Forwarded-For and the private header sent by a client are ignored', async ({ baseURL }) => {
  const status = await failedSignIn(baseURL!, 'mx-spoof-direct', { 'x-forwarded-for': '6.6.6.6', 'x-pt-client-address': '7.7.7.7' });
  expect(status).toBe(401);
  expect(auditRows('mx-spoof-direct')).toEqual([{ action: 'login-failed', ip: '127.0.0.1' }]);
});

test.describe('behind one trusted proxy (TRUST_PROXY=1)', () => {
  let server: SpawnedServer;

  test.beforeAll(async () => {
    test.setTimeout(90_000);
    server = await spawnServer({ TRUST_PROXY: '1', LOGIN_MAX_FAILURES_PER_IP: '3' });
  });

  test.afterAll(async () => {
    await server?.stop();
  });

  test('the address is the one the proxy appended; rotating the client-written part does not dodge the limit', async () => {
    const statuses = [];
    for (let i = 1; i <= 4; i++) {
      // The proxy appends the address it saw (203.0.113.7); the entry before it is the client's own.
      statuses.push(await failedSignIn(server.baseURL, `mx-rotate-${i}`, { 'x-forwarded-for': `198.51.100.${i}, 203.0.113.7` }));
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    expect(auditRows('mx-rotate-1')).toEqual([{ action: 'login-failed', ip: '203.0.113.7' }]);
    expect(auditRows('mx-rotate-4')).toEqual([{ action: 'login-rate-limited', ip: '203.0.113.7' }]);
    // Another client behind the same proxy is not affected.
    expect(await failedSignIn(server.baseURL, 'mx-rotate-5', { 'x-forwarded-for': '203.0.113.8' })).toBe(401);
  });

  test('HSTS is sent when the trusted proxy reports https, and only then', async () => {
    const context = await request.newContext({ baseURL: server.baseURL });
    const over = async (proto: string) => (await context.get('/login', { headers: { 'x-forwarded-for': '203.0.113.21', 'x-forwarded-proto': proto } })).headers();
    expect((await over('https'))['strict-transport-security']).toBe('max-age=31536000');
    expect((await over('http'))['strict-transport-security']).toBeUndefined();
    await context.dispose();
  });

  test('the cookie is Secure when the proxy reports https, and only then', async () => {
    expect(await cookieOf(server.baseURL, { 'x-forwarded-for': '203.0.113.20', 'x-forwarded-proto': 'https' })).toMatch(/;\s*Secure/i);
    expect(await cookieOf(server.baseURL, { 'x-forwarded-for': '203.0.113.20', 'x-forwarded-proto': 'http' })).not.toMatch(/;\s*Secure/i);
  });
});
