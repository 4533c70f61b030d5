/** What the administration pages show. Callers check `admin.manage` first. */
import { listFrameworks } from '@/db/queries/frameworks';
import { listRecentAudit } from '@/db/queries/audit';
import { listUnits, listUnitYearOptions, getUnitYearSummary } from '@/db/queries/units';
import { listAllMemberships, listUsers } from '@/db/queries/users';
import type { Actor } from '@/lib/auth/permissions';
import { requireAdmin } from '@/lib/projects/access';

export function adminUnits(actor: Actor) {
  requireAdmin(actor);
  const years = listUnitYearOptions(null).map((o) => getUnitYearSummary(o.id)!);
  return { units: listUnits(), years, frameworks: listFrameworks() };
}

export function adminUsers(actor: Actor) {
  requireAdmin(actor);
  const memberships = listAllMemberships();
  return {
    users: listUsers().map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      isAdmin: u.isAdmin,
      isDisabled: u.isDisabled,
      isLocked: u.lockedUntil !== null && u.lockedUntil > Date.now(),
      memberships: memberships.filter((m) => m.userId === u.id),
    })),
    units: listUnits(),
  };
}

export function adminAudit(actor: Actor, page: number) {
  requireAdmin(actor);
  return listRecentAudit(100, (page - 1) * 100);
}
