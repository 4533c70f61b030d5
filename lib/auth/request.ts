/** The Next.js side of authentication: cookies, the current actor, redirects. */
import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import type { Actor } from './permissions';
import { resolveSession, SESSION_COOKIE, type SessionState } from './session';

export const currentSession = cache(async (): Promise<SessionState> => {
  const jar = await cookies();
  return resolveSession(jar.get(SESSION_COOKIE)?.value);
});

export async function currentActor(): Promise<Actor | null> {
  return (await currentSession())?.actor ?? null;
}

/** For pages: the signed-in actor, or a redirect to sign-in. */
export async function requireActor(): Promise<Actor> {
  const session = await currentSession();
  if (!session) redirect('/login');
  return session.actor;
}

export async function clientAddress(): Promise<string> {
  const h = await headers();
  if (process.env.TRUST_PROXY !== '0') {
    const forwarded = h.get('x-forwarded-for')?.split(',')[0]?.trim() || h.get('x-real-ip')?.trim();
    if (forwarded) return forwarded.slice(0, 64);
  }
  return 'direct';
}

export async function isHttps(): Promise<boolean> {
  if (process.env.COOKIE_SECURE === '1') return true;
  if (process.env.COOKIE_SECURE === '0') return false;
  const h = await headers();
  return h.get('x-forwarded-proto') === 'https';
}

export async function setSessionCookie(token: string, expiresAt: number): Promise<void> {
  const jar = await cookies();
  jar.set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: await isHttps(),
    path: '/',
    expires: new Date(expiresAt),
  });
}

export async function clearSessionCookie(): Promise<string | undefined> {
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  jar.delete(SESSION_COOKIE);
  return token;
}
