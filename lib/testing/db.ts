/**
 * Test helpers: a fresh migrated database per test file, seeded through the app's own code. On SQLite a
 * new file; on PostgreSQL (DATABASE_URL set, as `npm test` does for its second pass) a new database on
 * that server, created from a migrated template so each file starts in a few milliseconds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useDatabase, write } from '@/db/client';
import { findFrameworkByCode } from '@/db/queries/frameworks';
import { insertUnit, insertUnitYear } from '@/db/queries/units';
import { addMembership, findUserByUsername, insertUser } from '@/db/queries/users';
import type { MembershipRole } from '@/db/schema';
import { actorOf } from '@/lib/auth/session';
import type { Actor } from '@/lib/auth/permissions';
import { wanyuanToYuan } from '@/lib/domain/money';
import { ensureBaseData } from '@/lib/setup/bootstrap';
import { freshPostgresDatabase } from './postgres';

export const isPostgresRun = (): boolean => Boolean(process.env.DATABASE_URL);

/** Opens a new empty, migrated database for this test file; returns its file path or URL. */
export async function freshDatabase(): Promise<string> {
  if (isPostgresRun()) {
    const url = await freshPostgresDatabase(process.env.DATABASE_URL!);
    await useDatabase(url);
    return url;
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-test-'));
  const file = path.join(dir, 'test.db');
  await useDatabase(file);
  return file;
}

export async function seededDatabase(): Promise<string> {
  const target = await freshDatabase();
  await ensureBaseData();
  return target;
}

export async function makeUnitYear(code: string, year = 2024, expenditure: string | null = null, frameworkCode = 'cz2015') {
  return write(async () => {
    const unit = await insertUnit(code, `测试单位 ${code}`);
    const fw = (await findFrameworkByCode(frameworkCode))!;
    const unitYear = await insertUnitYear(unit.id, year, {
      frameworkId: fw.id,
      projectExpenditureYuan: expenditure === null ? null : wanyuanToYuan(expenditure),
      ruleProfile: null,
    });
    return { unit, unitYear };
  });
}

/** A user with the given roles; the password hash is a placeholder (these tests never sign in). */
export async function makeActor(username: string, roles: { unitId: number; role: MembershipRole }[], isAdmin = false): Promise<Actor> {
  await write(async () => {
    const u = await insertUser({ username, displayName: username, passwordHash: 'scrypt$1$1$1$x$x', isAdmin, mustChangePassword: false });
    for (const r of roles) await addMembership(u.id, r.unitId, r.role);
  });
  return actorOf((await findUserByUsername(username))!);
}
