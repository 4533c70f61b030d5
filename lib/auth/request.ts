/** The Next.js side of authentication: cookies, the current actor, redirects, the client's address. */
import 'server-only';
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { cache } from 'react';
import { DEVICE_COOKIE, DEVICE_COOKIE_MAX_AGE_S, deviceTokenHash, newDeviceToken } from './known-device';
import type { Actor } from './permissions';
import { createSession, endSession, resolveSession, SESSION_COOKIE, type SessionState } from './session';

/**
 * Set by scripts/server.mjs from the socket (or the trusted proxy hop), after deleting any copy the
 * client sent. Only trusted when that server runs this process: under `next start` or `next dev` a
 * client could send the header itself.
 */
const CLIENT_ADDRESS_HEADER = 'x-pt-client-address';
const CLIENT_PROTO_HEADER = 'x-pt-client-proto';
export const UNKNOWN_ADDRESS = 'unknown';

function isBehindOurServer(): boolean {
  return process.env.PT_CLIENT_HEADERS === '1';
}

/**
 * The session as stored, even when its user must still change the password. Only the password page,
 * changePassword, signOut, the staff layout and the sign-in page read this; everything else uses
 * `currentSession`.
 */
export const readSession = cache(async (): Promise<SessionState> => {
  const jar = await cookies();
  return resolveSession(jar.get(SESSION_COOKIE)?.value);
});

/** The session, or null when there is none or its user must change the password first. */
export async function currentSession(): Promise<SessionState> {
  const session = await readSession();
  return session && !session.mustChangePassword ? session : null;
}

export async function currentActor(): Promise<Actor | null> {
  return (await currentSession())?.actor ?? null;
}

/** For pages: the signed-in actor, or a redirect to sign-in (or to the password page when it must change). */
export async function requireActor(): Promise<Actor> {
  const session = await readSession();
  if (!session) redirect('/login');
  if (session.mustChangePassword) redirect('/account/password');
  return session.actor;
}

export async function clientAddress(): Promise<string> {
  if (!isBehindOurServer()) return UNKNOWN_ADDRESS;
  const value = (await headers()).get(CLIENT_ADDRESS_HEADER)?.trim();
  return value ? value.slice(0, 64) : UNKNOWN_ADDRESS;
}

export async function isHttps(): Promise<boolean> {
  if (process.env.COOKIE_SECURE === '1') return true;
  if (process.env.COOKIE_SECURE === '0') return false;
  return isBehindOurServer() && (await headers()).get(CLIENT_PROTO_HEADER) === 'https';
}

/**
 * A browser-session cookie (no Expires or Max-Age): closing the browser on a shared PC signs out. The
 * server still ends the session after SESSION_IDLE_MINUTES idle or SESSION_MAX_HOURS in all.
 */
export async function setSessionCookie(token: string): Promise<void> {
  const jar = await cookies();
  jar.set(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: await isHttps(),
    path: '/',
  });
}

/** The token the browser sent, if any (to end it when the same browser signs in again). */
export async function sessionToken(): Promise<string | undefined> {
  return (await cookies()).get(SESSION_COOKIE)?.value;
}

export async function clearSessionCookie(): Promise<string | undefined> {
  const jar = await cookies();
  const token = jar.get(SESSION_COOKIE)?.value;
  jar.delete(SESSION_COOKIE);
  return token;
}

/** Starts a session for a user who just proved their password, ending the one this browser had before. */
export async function replaceSession(userId: number, ip: string, userAgent: string | null): Promise<void> {
  await endSession(await sessionToken());
  const { token } = await createSession(userId, ip, userAgent);
  await setSessionCookie(token);
}

/** The device cookie this browser sent, if it is one of ours. */
export async function sentDeviceToken(): Promise<string | undefined> {
  const token = (await cookies()).get(DEVICE_COOKIE)?.value;
  return deviceTokenHash(token) ? token : undefined;
}

/** For a sign-in: the device cookie this browser sent, or a new token to set once the sign-in succeeds. */
export async function deviceTokenForSignIn(): Promise<string> {
  return (await sentDeviceToken()) ?? newDeviceToken();
}

/**
 * Long-lived, unlike the session cookie: it only says “this account signed in here before”, which lets
 * a correct password through without delay (lib/auth/sign-in.ts); it signs nobody in.
 */
export async function setDeviceCookie(token: string): Promise<void> {
  (await cookies()).set(DEVICE_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: await isHttps(),
    path: '/',
    maxAge: DEVICE_COOKIE_MAX_AGE_S,
  });
}
