/** Loads what an action works on and checks the actor's permission in its unit, in one place. */
import { getProject } from '@/db/queries/projects';
import { getUnitYear } from '@/db/queries/units';
import { getUser } from '@/db/queries/users';
import type { ProjectRow, UnitYearRow } from '@/db/schema';
import { ActionError, denied, notFound } from '@/lib/actions/errors';
import { can, type Actor, type Permission } from '@/lib/auth/permissions';
import { formatTime } from '@/lib/format/time';

export type ProjectScope = { project: ProjectRow; unitYear: UnitYearRow; unitId: number };

export function unitYearFor(actor: Actor, unitYearId: number, permission: Permission): UnitYearRow {
  const unitYear = getUnitYear(unitYearId);
  if (!unitYear) throw notFound('预算年度');
  if (!can(actor, permission, unitYear.unitId)) throw denied();
  return unitYear;
}

export function projectFor(actor: Actor, projectId: number, permission: Permission): ProjectScope {
  const project = getProject(projectId);
  if (!project) throw notFound('绩效目标表');
  const unitYear = getUnitYear(project.unitYearId);
  if (!unitYear) throw notFound('预算年度');
  if (!can(actor, permission, unitYear.unitId)) throw denied();
  return { project, unitYear, unitId: unitYear.unitId };
}

export function requireAdmin(actor: Actor): void {
  if (!can(actor, 'admin.manage', null)) throw denied();
}

export function assertVersion(project: ProjectRow, version: number): void {
  if (project.version !== version) throw conflictError(project, version);
}

/** The refusal of a save based on an older version: says who changed the table and when. */
export function conflictError(project: ProjectRow, version: number): ActionError {
  const whoName = project.updatedBy === null ? null : (getUser(project.updatedBy)?.displayName ?? null);
  const when = formatTime(project.updatedAt);
  return new ActionError(
    'conflict',
    `保存失败：此表已被${whoName ?? '其他用户'}于 ${when} 修改（当前版本 ${project.version}，你编辑的是版本 ${version}）。你填写的内容仍保留在页面上，请刷新对照后再保存。`,
    {},
    { updatedBy: whoName, updatedAt: project.updatedAt, currentVersion: project.version },
  );
}
