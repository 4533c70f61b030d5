/** Loads what an action works on and checks the actor's permission in its unit, in one place. */
import { getProjectForSave, getProjectScope, type ProjectForSave } from '@/db/queries/projects';
import { getUnitYear } from '@/db/queries/units';
import { hasUserTouchedProject } from '@/db/queries/review';
import { lastDeptApprover } from '@/db/queries/review-levels';
import { reviewLevelFacts } from '@/lib/review/levels';
import { getUser } from '@/db/queries/users';
import type { ProjectRow, UnitYearRow } from '@/db/schema';
import { ActionError, denied, notFound, refusalError } from '@/lib/actions/errors';
import { decide, type Operation, type Target } from '@/lib/auth/operations';
import { can, type Actor, type Permission } from '@/lib/auth/permissions';
import { formatTime } from '@/lib/format/time';
import { reportTarget } from '@/lib/monitoring/access';
import { selfEvalTarget } from '@/lib/selfeval/access';
import { adjustmentTarget } from '@/lib/adjustments/access';

export type ProjectScope = { project: ProjectRow; unitYear: UnitYearRow; unitId: number };

export async function unitYearFor(actor: Actor, unitYearId: number, permission: Permission): Promise<UnitYearRow> {
  const unitYear = await getUnitYear(unitYearId);
  if (!unitYear) throw notFound('预算年度');
  if (!can(actor, permission, unitYear.unitId)) throw denied();
  return unitYear;
}

/** A project read with its unit-year (and whatever else came with them) as its scope, or the refusal when either is missing. */
function scopeFrom<T extends { project: ProjectRow; unitYear: UnitYearRow | null }>(found: T | undefined): T & ProjectScope {
  if (!found) throw notFound('绩效目标表');
  const { unitYear } = found;
  if (!unitYear) throw notFound('预算年度');
  return { ...found, unitYear, unitId: unitYear.unitId };
}

/** The project and its unit-year, read together (one query: on PostgreSQL each is a round trip). */
async function scopeOf(projectId: number): Promise<ProjectScope> {
  return scopeFrom(await getProjectScope(projectId));
}

export async function projectFor(actor: Actor, projectId: number, permission: Permission): Promise<ProjectScope> {
  const { project, unitYear } = await scopeOf(projectId);
  if (!can(actor, permission, unitYear.unitId)) throw denied();
  return { project, unitYear, unitId: unitYear.unitId };
}

/**
 * The table's scope, or null when it does not exist or the actor lacks `permission` in its unit: for
 * routes, which answer with their own status instead of throwing. Other errors (database down) pass.
 */
export async function projectScopeIfAllowed(actor: Actor, projectId: number, permission: Permission): Promise<ProjectScope | null> {
  try {
    return await projectFor(actor, projectId, permission);
  } catch (error) {
    if (error instanceof ActionError) return null;
    throw error;
  }
}

/** The unit-year, or null when it does not exist or the actor lacks `permission` in its unit. */
export async function unitYearIfAllowed(actor: Actor, unitYearId: number, permission: Permission): Promise<UnitYearRow | null> {
  try {
    return await unitYearFor(actor, unitYearId, permission);
  } catch (error) {
    if (error instanceof ActionError) return null;
    throw error;
  }
}

/** Separation of duties: whoever submitted, created, edited or imported a table is its author. */
export async function isAuthorOf(project: ProjectRow, userId: number): Promise<boolean> {
  return project.submittedBy === userId || (await hasUserTouchedProject(project.id, userId));
}

/**
 * The facts the operations table decides on, for one table. A review decision in a year reviewed at two
 * levels also needs the level the table waits for, and (at the finance level) who approved it below.
 */
export async function projectTarget(op: Operation, project: ProjectRow, unitId: number, actor: Actor): Promise<Target> {
  const isAuthor = op.isRefusedToAuthors === true && (await isAuthorOf(project, actor.id));
  return { unitId, status: project.status, isAuthor, ...(await reviewLevelFacts(op, project, actor.id, () => lastDeptApprover(project.id))) };
}

/** Refuses (throws) unless the operations table allows `op` on this table for this actor. */
export async function authorizeOnProject(op: Operation, scope: ProjectScope, actor: Actor): Promise<void> {
  const decision = decide(op, { actor, mustChangePassword: false }, await projectTarget(op, scope.project, scope.unitId, actor));
  if (decision !== 'allow') throw refusalError(decision, op, scope.project.status);
}

/**
 * The table and its unit-year, read and decided on for `op` in one step: for commands whose operation
 * is `isDecidedInCommand` (the action wrapper leaves the decision to them), inside their transaction.
 */
export async function projectForOperation(op: Operation, projectId: number, actor: Actor): Promise<ProjectScope & Pick<ProjectForSave, 'content' | 'lastYearTables'>> {
  // With what else a save reads: the command that decides itself is the save (one read on PostgreSQL).
  const scope = scopeFrom(await getProjectForSave(projectId));
  await authorizeOnProject(op, scope, actor);
  return scope;
}

function idIn(input: unknown, key: string): number {
  const value = typeof input === 'object' && input !== null ? (input as Record<string, unknown>)[key] : undefined;
  if (typeof value !== 'number') throw new Error(`operation input has no numeric ${key}`);
  return value;
}

/**
 * Loads what the operations table needs to decide on an action's validated input; null when the
 * decision needs no target (not unit-scoped, or each item is checked by the command).
 */
export async function operationTarget(op: Operation, input: unknown, actor: Actor): Promise<Target | null> {
  if (op.access.kind !== 'permission') return null;
  switch (op.access.scope) {
    case 'global':
      return { unitId: null };
    case 'unit-year': {
      const unitYear = await getUnitYear(idIn(input, 'unitYearId'));
      if (!unitYear) throw notFound('预算年度');
      return { unitId: unitYear.unitId };
    }
    case 'project': {
      const { project, unitYear } = await scopeOf(idIn(input, 'projectId'));
      return await projectTarget(op, project, unitYear.unitId, actor);
    }
    case 'adjustment':
      return await adjustmentTarget(op, idIn(input, 'adjustmentId'), actor);
    case 'monitoring-report':
      return await reportTarget(op, idIn(input, 'reportId'), actor);
    case 'selfeval':
      return await selfEvalTarget(op, idIn(input, 'selfEvalId'), actor);
    case 'unit':
    case 'each-item':
      return null;
  }
}

export function requireAdmin(actor: Actor): void {
  if (!can(actor, 'admin.manage', null)) throw denied();
}

export async function assertVersion(project: ProjectRow, version: number): Promise<void> {
  if (project.version !== version) throw await conflictError(project, version);
}

/** The refusal of a save based on an older version: says who changed the table and when. */
export async function conflictError(project: ProjectRow, version: number): Promise<ActionError> {
  const whoName = project.updatedBy === null ? null : ((await getUser(project.updatedBy))?.displayName ?? null);
  const when = formatTime(project.updatedAt);
  return new ActionError(
    'conflict',
    `保存失败：此表已被${whoName ?? '其他用户'}于 ${when} 修改（当前版本 ${project.version}，你编辑的是版本 ${version}）。你填写的内容仍保留在页面上，请刷新对照后再保存。`,
    {},
    { updatedBy: whoName, updatedAt: project.updatedAt, currentVersion: project.version },
  );
}
