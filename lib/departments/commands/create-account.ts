import { write } from '@/db/client';
import { grantMembership } from '@/db/queries/departments';
import { findUnitByCode } from '@/db/queries/units';
import { findUserByUsername, insertUser } from '@/db/queries/users';
import type { MembershipRole } from '@/db/schema';
import { invalid, notFound } from '@/lib/actions/errors';
import { generatePassword, hashPassword } from '@/lib/auth/password';
import { checkPasswordPolicy } from '@/lib/auth/policy';
import { requireAdmin } from '@/lib/projects/access';
import type { Who } from '@/lib/projects/commands/shared';
import { SYSTEM_USERNAME } from '@/lib/setup/bootstrap';
import { auditAdmin } from '../audit';

export type AccountRole = { role: MembershipRole | 'admin'; unitCode: string | null; isThisUnitOnly?: boolean };

export type AccountInput = {
  username: string;
  displayName: string;
  /** Absent: one is generated and returned once. */
  password?: string;
  roles: readonly AccountRole[];
  /** The password need not be changed at first sign-in (service accounts, tests). */
  isPermanent: boolean;
};

/** One account with its roles, in one transaction; `generatedPassword` is the only copy there is. */
export async function createAccount(who: Who, input: AccountInput): Promise<{ userId: number; generatedPassword: string | null }> {
  requireAdmin(who.actor);
  if (input.username === SYSTEM_USERNAME) throw invalid(`“${SYSTEM_USERNAME}”是命令行使用的系统账户`, { username: ['用户名已存在'] });
  const generatedPassword = input.password === undefined ? generatePassword() : null;
  const password = input.password ?? generatedPassword!;
  const policy = checkPasswordPolicy(password, input.username);
  if (policy) throw invalid(policy, { password: [policy] });
  for (const r of input.roles) if (r.role !== 'admin' && !r.unitCode) throw invalid(`角色 ${r.role} 须指定单位`, { roles: ['须指定单位'] });
  // Hashed before the transaction: nothing but database work runs inside write().
  const hash = await hashPassword(password);
  return write(async () => {
    if (await findUserByUsername(input.username)) throw invalid(`用户名 ${input.username} 已存在`, { username: ['用户名已存在'] });
    const isAdmin = input.roles.some((r) => r.role === 'admin');
    const u = await insertUser({ username: input.username, displayName: input.displayName, passwordHash: hash, isAdmin, mustChangePassword: !input.isPermanent });
    await auditAdmin(who, 'create', 'user', u.id, { username: input.username, displayName: input.displayName, isAdmin, mustChangePassword: !input.isPermanent });
    for (const r of input.roles) {
      if (r.role === 'admin') continue;
      const unit = await findUnitByCode(r.unitCode!);
      if (!unit) throw notFound(`单位 ${r.unitCode} `);
      const isThisUnitOnly = r.isThisUnitOnly ?? false;
      await grantMembership({ userId: u.id, unitId: unit.id, role: r.role, isThisUnitOnly });
      await auditAdmin(who, 'grant', 'user', u.id, { unitId: unit.id, role: r.role, before: null, after: isThisUnitOnly ? '仅本单位' : '本单位及下级' }, unit.id);
    }
    return { userId: u.id, generatedPassword };
  });
}
