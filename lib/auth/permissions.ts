/**
 * Who may do what, as data. Every server action, route handler and page query checks these on the
 * server through `can()`; the UI only uses them to hide what a user may not do.
 */
import type { MembershipRole } from '@/db/schema';
import type { ReviewLevel } from '@/lib/domain/review-levels';

export const PERMISSIONS = [
  'project.view',
  'project.create',
  'project.edit',
  'project.delete',
  'project.import',
  'project.submit',
  'project.review',
  'project.comment',
  'project.reopen',
  'project.export',
  'admin.manage',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

export type Role = MembershipRole | 'admin';

export const ROLE_LABELS: Record<Role, string> = { admin: '管理员', owner: '编制人', reviewer: '审核人' };

/** Unit-scoped roles grant their permissions within their unit; admin is global. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: [
    'project.view',
    'project.create',
    'project.edit',
    'project.delete',
    'project.import',
    'project.submit',
    'project.comment',
    'project.export',
  ],
  reviewer: ['project.view', 'project.review', 'project.comment', 'project.export'],
  admin: ['project.view', 'project.import', 'project.reopen', 'project.export', 'admin.manage'],
};

export type Actor = {
  id: number;
  username: string;
  displayName: string;
  isAdmin: boolean;
  /** unitId → roles held in that unit, directly or through a unit above it (lib/auth/session.ts actorOf) */
  memberships: ReadonlyMap<number, readonly MembershipRole[]>;
  /** unitId → the levels at which the actor reviews that unit's tables (two-level review); absent: none. */
  reviewLevels?: ReadonlyMap<number, readonly ReviewLevel[]>;
};

export function reviewLevelsIn(actor: Actor, unitId: number): readonly ReviewLevel[] {
  return actor.reviewLevels?.get(unitId) ?? [];
}

export function rolesIn(actor: Actor, unitId: number | null): Role[] {
  const roles: Role[] = [];
  if (actor.isAdmin) roles.push('admin');
  if (unitId !== null) roles.push(...(actor.memberships.get(unitId) ?? []));
  return roles;
}

/** True when the actor holds `permission` in `unitId` (null: a permission that is not unit-scoped). */
export function can(actor: Actor | null, permission: Permission, unitId: number | null): boolean {
  if (!actor) return false;
  return rolesIn(actor, unitId).some((r) => ROLE_PERMISSIONS[r].includes(permission));
}

/** Units in which the actor holds `permission`; null means every unit (an admin permission). */
export function unitsWith(actor: Actor, permission: Permission): number[] | null {
  if (actor.isAdmin && ROLE_PERMISSIONS.admin.includes(permission)) return null;
  const ids: number[] = [];
  for (const [unitId, roles] of actor.memberships) {
    if (roles.some((r) => ROLE_PERMISSIONS[r].includes(permission))) ids.push(unitId);
  }
  return ids;
}
