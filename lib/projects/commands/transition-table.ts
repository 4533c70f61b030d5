import { write } from '@/db/client';
import { getProject, listProjectsOfUnitYear, setPublishedNumbers, updateProjectStatus } from '@/db/queries/projects';
import { getUnitYear } from '@/db/queries/units';
import { insertComment, insertReviewEvent } from '@/db/queries/review';
import { ActionError, invalid, notFound } from '@/lib/actions/errors';
import { serverAction, type ServerActionName } from '@/lib/auth/operations';
import { hasErrors } from '@/lib/domain/rules';
import { transitionFor, type WorkflowAction } from '@/lib/domain/workflow';
import { decisionStep } from '@/lib/review/levels';
import { forgetProject, learnProject } from '@/lib/library/learning';
import { assertVersion, authorizeOnProject, conflictError } from '../access';
import { findingsOf } from '../findings';
import { nextPublishedNumber, publishedNumbers } from '../numbering';
import { loadTable } from '../read';
import { assertCommentTargets, auditProject, type Who } from './shared';

export type TransitionRequest = {
  projectId: number;
  version: number;
  reason?: string | undefined;
  comments?: { target: string | null; body: string }[] | undefined;
};

/** The transitions people ask for (revise happens on the owner's first save of a returned table). */
export type RequestedTransition = Exclude<WorkflowAction, 'revise'>;

/** Each transition's row in the operations table, which says who may do it and from which statuses. */
const OPERATION: Record<RequestedTransition, ServerActionName> = {
  submit: 'submitTableAction',
  withdraw: 'withdrawTableAction',
  return: 'returnTableAction',
  approve: 'approveTableAction',
  reopen: 'reopenTableAction',
};

/**
 * Moves a table along the workflow. Inside the transaction: permission in the table's unit and
 * separation of duties (nobody approves a table they edited or submitted), then the status, the
 * version, the reason; submission is refused while rule errors remain. The audit row keeps the
 * reason and every comment's text, so the conversation survives in the audit log too.
 */
export async function transitionTable(who: Who, action: RequestedTransition, req: TransitionRequest): Promise<{ version: number; status: string }> {
  return write(async () => {
    const project = await getProject(req.projectId);
    if (!project) throw notFound('绩效目标表');
    const unitYear = await getUnitYear(project.unitYearId);
    if (!unitYear) throw notFound('预算年度');
    const unitId = unitYear.unitId;
    await authorizeOnProject(serverAction(OPERATION[action]), { project, unitYear, unitId }, who.actor);
    const t = transitionFor(action, project.status);
    if (!t) throw new ActionError('state', '此表的状态已经改变，请刷新后再试');
    // A review decision's outcome and recorded name follow the year's review levels (部门审核 → 财政审核).
    const step = await decisionStep(action, project.status, project.unitYearId);
    const to = step?.to ?? t.to;
    const recorded = step?.recorded ?? action;
    await assertVersion(project, req.version);
    const reason = req.reason?.trim() || null;
    if (t.needsReason && !reason) throw invalid('请填写理由', { reason: ['请填写理由'] });
    const labels = await assertCommentTargets(project.id, (req.comments ?? []).map((c) => c.target), (i) => `comments.${i}.target`);
    if (action === 'submit') {
      const loaded = await loadTable(project.id);
      if (loaded && hasErrors(await findingsOf(loaded.table, unitYear))) {
        throw new ActionError('state', '表中仍有错误，修正后才能提交审核（草稿可以随时保存）');
      }
    }
    const updated = await updateProjectStatus(
      project.id,
      { status: project.status, version: project.version },
      to,
      who.actor.id,
      action === 'submit' ? { submittedBy: who.actor.id } : {},
    );
    if (!updated) throw await conflictError(project, req.version);
    // The library learns from approved tables only: it counts this one from now, or no longer.
    if (to === 'approved') await learnProject(project.id);
    else if (project.status === 'approved') await forgetProject(project.id);
    const publishedNumber = to === 'approved' ? await fixPublishedNumber(project.unitYearId, project.id, project.publishedNumber) : undefined;
    const event = await insertReviewEvent({
      projectId: project.id,
      action: recorded,
      fromStatus: project.status,
      toStatus: to,
      userId: who.actor.id,
      reason,
      version: updated.version,
    });
    const comments = (req.comments ?? []).map((c, i) => ({ target: c.target, targetLabel: labels[i] ?? null, body: c.body }));
    for (const c of comments) {
      await insertComment({ projectId: project.id, eventId: event.id, userId: who.actor.id, target: c.target, targetLabel: c.targetLabel, body: c.body });
    }
    await auditProject(who, recorded, project.id, unitId, { from: project.status, to, reason, comments, eventId: event.id, ...(publishedNumber ? { publishedNumber } : {}) });
    return { version: updated.version, status: updated.status };
  });
}

/**
 * An approved table's published number: the one it had (approved before, then reopened), or the next one.
 * Tables approved before numbers were stored get theirs written now, so that this one comes after them
 * and none of them moves later.
 */
async function fixPublishedNumber(unitYearId: number, projectId: number, had: number | null): Promise<number> {
  const rows = (await listProjectsOfUnitYear(unitYearId)).filter((r) => r.id !== projectId);
  const missing = new Map([...publishedNumbers(rows)].filter(([id]) => rows.find((r) => r.id === id)!.publishedNumber === null));
  const n = had ?? nextPublishedNumber(rows);
  await setPublishedNumbers(unitYearId, new Map([...missing, [projectId, n]]));
  return n;
}
