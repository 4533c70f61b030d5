/** Loads a self-evaluation with what its permission is checked on: its round, table and unit. */
import { getProject } from '@/db/queries/projects';
import { getSelfEval, getSelfEvalRound, hasUserTouchedSelfEval } from '@/db/queries/selfeval';
import { getUnitYear } from '@/db/queries/units';
import { lastDeptApproverOfSelfEval } from '@/db/queries/review-levels';
import { getUser } from '@/db/queries/users';
import type { ProjectRow, SelfEvalRoundRow, SelfEvalRow, UnitYearRow } from '@/db/schema';
import { ActionError, denied, notFound, refusalError } from '@/lib/actions/errors';
import { decide, type Operation, type Target } from '@/lib/auth/operations';
import { can, type Actor, type Permission } from '@/lib/auth/permissions';
import { formatTime } from '@/lib/format/time';
import { reviewLevelFacts } from '@/lib/review/levels';

export type SelfEvalScope = { selfEval: SelfEvalRow; round: SelfEvalRoundRow; project: ProjectRow; unitYear: UnitYearRow; unitId: number };

async function loadScope(selfEvalId: number): Promise<SelfEvalScope> {
  const selfEval = await getSelfEval(selfEvalId);
  if (!selfEval) throw notFound('自评表');
  const round = await getSelfEvalRound(selfEval.roundId);
  const project = await getProject(selfEval.projectId);
  const unitYear = round ? await getUnitYear(round.unitYearId) : undefined;
  if (!round || !project || !unitYear) throw notFound('自评表');
  return { selfEval, round, project, unitYear, unitId: unitYear.unitId };
}

export async function selfEvalFor(actor: Actor, selfEvalId: number, permission: Permission): Promise<SelfEvalScope> {
  const scope = await loadScope(selfEvalId);
  if (!can(actor, permission, scope.unitId)) throw denied();
  return scope;
}

/** The scope, or null when it does not exist or the actor may not `permission` there (for pages). */
export async function selfEvalScopeIfAllowed(actor: Actor, selfEvalId: number, permission: Permission): Promise<SelfEvalScope | null> {
  try {
    return await selfEvalFor(actor, selfEvalId, permission);
  } catch (error) {
    if (error instanceof ActionError) return null;
    throw error;
  }
}

/** The facts the operations table decides on, for one self-evaluation. */
export async function selfEvalTarget(op: Operation, selfEvalId: number, actor: Actor): Promise<Target> {
  return targetOf(op, await loadScope(selfEvalId), actor);
}

async function targetOf(op: Operation, scope: SelfEvalScope, actor: Actor): Promise<Target> {
  const isAuthor = op.isRefusedToAuthors === true && (scope.selfEval.submittedBy === actor.id || (await hasUserTouchedSelfEval(scope.selfEval.id, actor.id)));
  // A review decision in a two-level year needs the caller's level, as for tables (lib/review/levels.ts).
  const levels = await reviewLevelFacts(op, { status: scope.selfEval.status, unitYearId: scope.unitYear.id }, actor.id, () => lastDeptApproverOfSelfEval(scope.selfEval.id));
  return { unitId: scope.unitId, status: scope.selfEval.status, isAuthor, ...levels };
}

export async function authorizeOnSelfEval(op: Operation, scope: SelfEvalScope, actor: Actor): Promise<void> {
  const decision = decide(op, { actor, mustChangePassword: false }, await targetOf(op, scope, actor));
  if (decision !== 'allow') throw refusalError(decision, op, scope.selfEval.status);
}

/** The refusal of a save based on an older version: who changed the 自评表 and when. */
export async function selfEvalConflict(row: SelfEvalRow, version: number): Promise<ActionError> {
  const who = row.updatedBy === null ? null : ((await getUser(row.updatedBy))?.displayName ?? null);
  return new ActionError(
    'conflict',
    `保存失败：此自评表已被${who ?? '其他用户'}于 ${formatTime(row.updatedAt)} 修改（当前版本 ${row.version}，你编辑的是版本 ${version}）。你填写的内容仍保留在页面上，请刷新对照后再保存。`,
    {},
    { updatedBy: who, updatedAt: row.updatedAt, currentVersion: row.version },
  );
}
