import { write } from '@/db/client';
import { grantMembership } from '@/db/queries/departments';
import { getUnit } from '@/db/queries/units';
import { getUser } from '@/db/queries/users';
import type { MembershipRole } from '@/db/schema';
import { invalid, notFound } from '@/lib/actions/errors';
import { requireAdmin } from '@/lib/projects/access';
import type { Who } from '@/lib/projects/commands/shared';
import { SYSTEM_USERNAME } from '@/lib/setup/bootstrap';
import { auditAdmin } from '../audit';

export type RoleGrant = { userId: number; unitId: number; role: MembershipRole; isThisUnitOnly: boolean };

/**
 * Grants a role on a unit, covering its subtree unless `isThisUnitOnly`; granting it again with the
 * other reach changes the reach. Inside the caller's write() when there is one.
 */
export async function grantRole(who: Who, g: RoleGrant): Promise<{ isChanged: boolean }> {
  requireAdmin(who.actor);
  return write(async () => {
    const u = await getUser(g.userId);
    if (!u) throw notFound('用户');
    if (u.username === SYSTEM_USERNAME) throw invalid(`“${SYSTEM_USERNAME}”是命令行使用的系统账户，不能授予单位角色`);
    if (!(await getUnit(g.unitId))) throw notFound('单位');
    const r = await grantMembership(g);
    if (r === 'same') return { isChanged: false };
    const reach = (only: boolean) => (only ? '仅本单位' : '本单位及下级');
    await auditAdmin(who, 'grant', 'user', g.userId, { unitId: g.unitId, role: g.role, before: r.before === null ? null : reach(r.before), after: reach(g.isThisUnitOnly) }, g.unitId);
    return { isChanged: true };
  });
}
