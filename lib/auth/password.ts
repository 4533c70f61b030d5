/**
 * Password hashing with scrypt (memory-hard, in node's crypto) and a per-user random salt.
 * Stored as `scrypt$N$r$p$salt$hash` so parameters can be raised later without breaking old hashes.
 */
import { createHash, randomBytes, randomInt, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const N = 16_384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

function scrypt(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

function maxmem(n: number, r: number): number {
  return 256 * n * r;
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, { N, r: R, p: P, maxmem: maxmem(N, R) });
  return ['scrypt', N, R, P, salt.toString('base64'), key.toString('base64')].join('$');
}

/** No 0/O, 1/l/I: read off a sheet and typed once. */
const GENERATED_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789';

/** A random temporary password: 16 characters from 55 (92 bits), letters and a digit as the policy asks. */
export function generatePassword(): string {
  for (;;) {
    const p = Array.from({ length: 16 }, () => GENERATED_ALPHABET[randomInt(GENERATED_ALPHABET.length)]).join('');
    if (/[0-9]/.test(p) && /[A-Za-z]/.test(p)) return p;
  }
}

/**
 * The hash of a password from generatePassword(), for bulk provisioning: scrypt's cost protects
 * passwords people choose; a 92-bit random secret cannot be guessed even with a fast hash (as session
 * tokens are kept), and hundreds of accounts are made in a second instead of a minute. Only for
 * generated passwords, which must be changed at first sign-in.
 */
export function hashGeneratedPassword(generated: string): string {
  const salt = randomBytes(16);
  const key = createHash('sha256').update(salt).update(generated, 'utf8').digest();
  return ['sha256', salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length === 3 && parts[0] === 'sha256') {
    const key = createHash('sha256').update(Buffer.from(parts[1]!, 'base64')).update(password, 'utf8').digest();
    const expected = Buffer.from(parts[2]!, 'base64');
    return key.length === expected.length && timingSafeEqual(key, expected);
  }
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [n, r, p] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  if (![n, r, p].every((x) => Number.isInteger(x) && x > 0)) return false;
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  const key = await scrypt(password, salt, { N: n, r, p, maxmem: maxmem(n, r) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash to compare against when the user does not exist, so timing does not reveal usernames. */
let dummyHash: Promise<string> | null = null;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(12).toString('hex'));
  return dummyHash;
}
