/** What every start does before serving: migrate (on open), seed frameworks, ensure the system account. */
import { randomBytes } from 'node:crypto';
import { db } from '@/db/client';
import { seedFrameworks } from '@/db/queries/frameworks';
import { findUserByUsername, insertUser, updateUser } from '@/db/queries/users';
import type { Actor } from '@/lib/auth/permissions';
import { hashPassword } from '@/lib/auth/password';
import { builtinFrameworkSeeds } from '@/lib/projects/framework';

export const SYSTEM_USERNAME = 'system';

export async function ensureBaseData(): Promise<void> {
  db();
  seedFrameworks(builtinFrameworkSeeds());
  if (!findUserByUsername(SYSTEM_USERNAME)) {
    // The command line acts as this account; it is disabled, so nobody can sign in with it.
    const hash = await hashPassword(randomBytes(24).toString('hex'));
    const u = insertUser({ username: SYSTEM_USERNAME, displayName: '系统（命令行）', passwordHash: hash, isAdmin: true, mustChangePassword: false });
    updateUser(u.id, { isDisabled: true });
  }
}

export function systemActor(): Actor {
  const u = findUserByUsername(SYSTEM_USERNAME);
  if (!u) throw new Error('system account missing: run ensureBaseData first');
  return { id: u.id, username: u.username, displayName: u.displayName, isAdmin: true, memberships: new Map() };
}
