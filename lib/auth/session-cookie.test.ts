import { describe, expect, it, vi } from 'vitest';

const jar = vi.hoisted(() => ({ set: vi.fn() }));
vi.mock('server-only', () => ({}));
vi.mock('next/navigation', () => ({ redirect: vi.fn() }));
vi.mock('next/headers', () => ({
  cookies: async () => jar,
  headers: async () => new Headers({ 'x-pt-client-proto': 'https' }),
}));

const { setSessionCookie } = await import('./request');

describe('the session cookie', () => {
  it('is a browser-session cookie: no Expires, no Max-Age; HttpOnly, SameSite=Lax', async () => {
    vi.stubEnv('PT_CLIENT_HEADERS', '1');
    await setSessionCookie('token-1');
    vi.unstubAllEnvs();
    expect(jar.set).toHaveBeenCalledTimes(1);
    const [, value, options] = jar.set.mock.calls[0]! as [string, string, Record<string, unknown>];
    expect(value).toBe('token-1');
    expect(options).toEqual({ httpOnly: true, sameSite: 'lax', secure: true, path: '/' });
    expect(options).not.toHaveProperty('expires');
    expect(options).not.toHaveProperty('maxAge');
  });
});
