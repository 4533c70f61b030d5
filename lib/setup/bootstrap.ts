/** What every start does before serving: migrate (on open), seed frameworks, ensure the system account. */
import { randomBytes } from 'node:crypto';
import { ready, write } from '@/db/client';
import { seedFrameworks } from '@/db/queries/frameworks';
import { libraryNeedsBuilding } from '@/db/queries/library';
import { findUserByUsername, insertUser, updateUser } from '@/db/queries/users';
import type { Actor } from '@/lib/auth/permissions';
import { hashPassword } from '@/lib/auth/password';
import { builtinFrameworkSeeds } from '@/lib/projects/framework';

export const SYSTEM_USERNAME = 'system';

export async function ensureBaseData(): Promise<void> {
  await ready();
  // Hashed before the transaction: nothing but database work runs inside write().
  const hash = (await findUserByUsername(SYSTEM_USERNAME)) ? null : await hashPassword(randomBytes(24).toString('hex'));
  await write(async () => {
    await seedFrameworks(builtinFrameworkSeeds());
    if (hash && !(await findUserByUsername(SYSTEM_USERNAME))) {
      // The command line acts as this account; it is disabled, so nobody can sign in with it.
      const u = await insertUser({ username: SYSTEM_USERNAME, displayName: '系统（命令行）', passwordHash: hash, isAdmin: true, mustChangePassword: false });
      await updateUser(u.id, { isDisabled: true });
    }
  });
  // A database from before the library (or copied with db:copy) learns it once from its approved tables.
  if (await libraryNeedsBuilding()) {
    const { rebuildLibrary } = await import('@/lib/library/commands/rebuild-library');
    await rebuildLibrary();
  }
}

export async function systemActor(): Promise<Actor> {
  const u = await findUserByUsername(SYSTEM_USERNAME);
  if (!u) throw new Error('system account missing: run ensureBaseData first');
  return { id: u.id, username: u.username, displayName: u.displayName, isAdmin: true, memberships: new Map() };
}
