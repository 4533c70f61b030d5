/**
 * The device cookie: a random token set at a successful sign-in and kept for a year, so a browser an
 * account already signed in from is recognised and never delayed. The database keeps only its SHA-256
 * (table known_devices), per user: one browser can be known to several accounts.
 */
import { createHash, randomBytes } from 'node:crypto';

export const DEVICE_COOKIE = 'pt_device';
export const DEVICE_COOKIE_MAX_AGE_S = 365 * 86_400;

export function newDeviceToken(): string {
  return randomBytes(32).toString('base64url');
}

/** The stored form of a token the browser sent; null for anything that is not one of ours. */
export function deviceTokenHash(token: string | undefined): string | null {
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  return createHash('sha256').update(token).digest('hex');
}
