/** Test helpers: a fresh migrated database per test file, seeded through the app's own code. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useDatabase } from '@/db/client';
import { findFrameworkByCode } from '@/db/queries/frameworks';
import { insertUnit, insertUnitYear } from '@/db/queries/units';
import { addMembership, insertUser } from '@/db/queries/users';
import type { MembershipRole } from '@/db/schema';
import { actorOf } from '@/lib/auth/session';
import { findUserByUsername } from '@/db/queries/users';
import type { Actor } from '@/lib/auth/permissions';
import { wanyuanToYuan } from '@/lib/domain/money';
import { ensureBaseData } from '@/lib/setup/bootstrap';

export function freshDatabase(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-test-'));
  const file = path.join(dir, 'test.db');
  useDatabase(file);
  return file;
}

export async function seededDatabase(): Promise<string> {
  const file = freshDatabase();
  await ensureBaseData();
  return file;
}

export function makeUnitYear(code: string, year = 2024, expenditure: string | null = null, frameworkCode = 'cz2015') {
  const unit = insertUnit(code, `测试单位 ${code}`);
  const fw = findFrameworkByCode(frameworkCode)!;
  const uy = insertUnitYear(unit.id, year, {
    frameworkId: fw.id,
    projectExpenditureYuan: expenditure === null ? null : wanyuanToYuan(expenditure),
    ruleProfile: null,
  });
  return { unit, unitYear: uy };
}

/** A user with the given roles; the password hash is a placeholder (these tests never sign in). */
export function makeActor(username: string, roles: { unitId: number; role: MembershipRole }[], isAdmin = false): Actor {
  const u = insertUser({ username, displayName: username, passwordHash: 'scrypt$1$1$1$x$x', isAdmin, mustChangePassword: false });
  for (const r of roles) addMembership(u.id, r.unitId, r.role);
  return actorOf(findUserByUsername(username)!);
}
