import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from './password';
import { checkPasswordPolicy } from './policy';

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('Bianzhi2024');
    expect(hash).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(await verifyPassword('Bianzhi2024', hash)).toBe(true);
    expect(await verifyPassword('bianzhi2024', hash)).toBe(false);
  });

  it('salts every hash differently', async () => {
    const [a, b] = await Promise.all([hashPassword('same-pass-1'), hashPassword('same-pass-1')]);
    expect(a).not.toBe(b);
  });

  it('refuses malformed stored hashes instead of throwing', async () => {
    expect(await verifyPassword('x', 'plain-text')).toBe(false);
    expect(await verifyPassword('x', 'scrypt$a$b$c$d$e')).toBe(false);
  });
});

describe('password policy', () => {
  it('asks for length, letters and digits', () => {
    expect(checkPasswordPolicy('abc12')).toContain('至少 8 位');
    expect(checkPasswordPolicy('abcdefgh')).toContain('字母和数字');
    expect(checkPasswordPolicy('12345678')).toContain('字母和数字');
    expect(checkPasswordPolicy('owner2024x', 'owner')).toContain('用户名');
    expect(checkPasswordPolicy('Shenhe2024')).toBeNull();
  });
});

describe('generated passwords (bulk provisioning)', () => {
  it('meet the policy, differ every time, and verify only with themselves', async () => {
    const { generatePassword, hashGeneratedPassword } = await import('./password');
    const a = generatePassword();
    expect(a).toMatch(/^[A-Za-z2-9]{16}$/);
    expect(generatePassword()).not.toBe(a);
    const stored = hashGeneratedPassword(a);
    expect(stored.startsWith('sha256$')).toBe(true);
    expect(await verifyPassword(a, stored)).toBe(true);
    expect(await verifyPassword(`${a}x`, stored)).toBe(false);
  });
});
