/**
 * POST /api/import before it reads the upload: refused from another origin or without the upload
 * header, and for a user who must change the password with the same 403 as every other route.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { SessionState } from '@/lib/auth/session';
import { CROSS_ORIGIN_MESSAGE } from './same-origin.mjs';

const session = vi.hoisted(() => ({ state: null as SessionState, reads: 0 }));
vi.mock('server-only', () => ({}));
vi.mock('@/lib/auth/request', () => ({
  readSession: async () => {
    session.reads++;
    return session.state;
  },
  clientAddress: async () => '127.0.0.1',
}));

const { POST } = await import('@/app/api/import/route');

const admin = { id: 1, username: 'admin', displayName: '管理员', isAdmin: true, memberships: new Map() };
const upload = (headers: Record<string, string>) =>
  new Request('http://localhost:3000/api/import?mode=apply', { method: 'POST', headers: { host: 'localhost:3000', 'content-type': 'text/plain', ...headers }, body: '## 1、x绩效目标表\n' });

beforeEach(() => {
  session.state = { actor: admin, mustChangePassword: false };
  session.reads = 0;
});

describe('POST /api/import', () => {
  it('refuses a forged upload from another origin with 403 before looking at the session', async () => {
    const res = await POST(upload({ origin: 'http://localhost:8080', 'sec-fetch-site': 'same-site', 'x-requested-with': 'fetch' }));
    expect(res.status).toBe(403);
    expect(((await res.json()) as { message: string }).message).toBe(CROSS_ORIGIN_MESSAGE);
    expect(session.reads).toBe(0);
  });

  it('refuses a simple upload (text/plain, no custom header), as a form on another origin would send it', async () => {
    const res = await POST(upload({}));
    expect(res.status).toBe(403);
    expect(session.reads).toBe(0);
  });

  it('answers a user who must change the password 403 “请先修改密码”, like every other route', async () => {
    session.state = { actor: admin, mustChangePassword: true };
    const res = await POST(upload({ 'x-requested-with': 'fetch' }));
    expect(res.status).toBe(403);
    const body = (await res.json()) as { message: string; mustChangePassword?: boolean };
    expect(body.message).toContain('请先修改密码');
    expect(body.mustChangePassword).toBe(true);
  });

  it('answers 401 without a session', async () => {
    session.state = null;
    expect((await POST(upload({ 'x-requested-with': 'fetch' }))).status).toBe(401);
  });
});
