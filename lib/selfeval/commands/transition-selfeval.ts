import { write } from '@/db/client';
import { insertSelfEvalEvent, updateSelfEvalStatus } from '@/db/queries/selfeval';
import { ActionError, invalid } from '@/lib/actions/errors';
import { serverAction, type ServerActionName } from '@/lib/auth/operations';
import { transitionFor } from '@/lib/domain/workflow';
import { decisionStep } from '@/lib/review/levels';
import { authorizeOnSelfEval, selfEvalConflict, selfEvalFor } from '../access';
import { loadSelfEvalView } from '../read';
import type { SelfEvalTransitionInput } from '../schemas';
import { auditSelfEval, type Who } from './shared';

export type SelfEvalAction = 'submit' | 'return' | 'approve';

const OPERATION: Record<SelfEvalAction, ServerActionName> = {
  submit: 'submitSelfEvalAction',
  return: 'returnSelfEvalAction',
  approve: 'approveSelfEvalAction',
};

/**
 * Moves a 自评表 along the table workflow: permission and separation of duties (nobody approves one
 * they filled or submitted), status, version, a reason to return. Submission is refused while a row
 * below full marks has no 偏差原因分析及改进措施, a row cannot be scored, or the 分值 do not add up to 100.
 */
export async function transitionSelfEval(who: Who, action: SelfEvalAction, req: SelfEvalTransitionInput): Promise<{ version: number; status: string }> {
  return write(async () => {
    const scope = await selfEvalFor(who.actor, req.selfEvalId, 'project.view');
    await authorizeOnSelfEval(serverAction(OPERATION[action]), scope, who.actor);
    const t = transitionFor(action, scope.selfEval.status);
    if (!t) throw new ActionError('state', '此自评表的状态已经改变，请刷新后再试');
    // A review decision's outcome and recorded name follow the year's review levels (部门审核 → 财政审核), as for tables.
    const step = await decisionStep(action, scope.selfEval.status, scope.unitYear.id);
    const to = step?.to ?? t.to;
    const recorded = step?.recorded ?? action;
    if (scope.selfEval.version !== req.version) throw await selfEvalConflict(scope.selfEval, req.version);
    const reason = req.reason?.trim() || null;
    if (t.needsReason && !reason) throw invalid('请填写退回理由', { reason: ['请填写退回理由'] });
    if (action === 'submit') {
      const { problems } = (await loadSelfEvalView(scope)).evaluation;
      if (problems.length > 0) {
        const fieldErrors = Object.fromEntries(problems.map((p) => [p.path, [p.message]]));
        throw new ActionError('state', `自评表中仍有 ${problems.length} 处须填写或更正的内容（${problems[0]!.message}），处理后才能提交`, fieldErrors);
      }
    }
    const updated = await updateSelfEvalStatus(
      scope.selfEval.id,
      { status: scope.selfEval.status, version: scope.selfEval.version },
      to,
      who.actor.id,
      action === 'submit' ? { submittedBy: who.actor.id } : {},
    );
    if (!updated) throw await selfEvalConflict(scope.selfEval, req.version);
    await insertSelfEvalEvent({ selfEvalId: scope.selfEval.id, action: recorded, fromStatus: scope.selfEval.status, toStatus: to, userId: who.actor.id, reason, version: updated.version });
    await auditSelfEval(who, recorded, scope.selfEval.id, scope.unitId, { from: scope.selfEval.status, to, reason });
    return { version: updated.version, status: updated.status };
  });
}
