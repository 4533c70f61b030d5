import { transaction } from '@/db/client';
import { updateProjectStatus } from '@/db/queries/projects';
import { hasUserTouchedProject, insertComment, insertReviewEvent } from '@/db/queries/review';
import { ActionError, denied, invalid, wrongState } from '@/lib/actions/errors';
import { can } from '@/lib/auth/permissions';
import { hasErrors } from '@/lib/domain/rules';
import { STATUS_LABELS, TRANSITIONS, transitionFor, type WorkflowAction } from '@/lib/domain/workflow';
import { assertVersion, conflictError, projectFor } from '../access';
import { findingsOf } from '../findings';
import { loadTable } from '../read';
import { auditProject, type Who } from './shared';

export type TransitionRequest = {
  projectId: number;
  version: number;
  reason?: string | undefined;
  comments?: { target: string | null; body: string }[] | undefined;
};

/**
 * Moves a table along the workflow. The status and version are re-checked inside the transaction;
 * submission is refused while rule errors remain; nobody approves a table they edited or submitted.
 */
export function transitionTable(who: Who, action: WorkflowAction, req: TransitionRequest): { version: number; status: string } {
  return transaction(() => {
    const { project, unitYear, unitId } = projectFor(who.actor, req.projectId, 'project.view');
    const t = transitionFor(action, project.status);
    if (!can(who.actor, TRANSITIONS[action].permission, unitId)) throw denied();
    if (!t) throw wrongState(`此表当前为“${STATUS_LABELS[project.status]}”，不能执行此操作`);
    assertVersion(project, req.version);
    const reason = req.reason?.trim() || null;
    if (t.needsReason && !reason) throw invalid('请填写理由', { reason: ['请填写理由'] });
    if (action === 'submit') {
      const loaded = loadTable(project.id);
      if (loaded && hasErrors(findingsOf(loaded.table, unitYear))) {
        throw new ActionError('state', '表中仍有错误，修正后才能提交审核（草稿可以随时保存）');
      }
    }
    if (action === 'approve' && (project.submittedBy === who.actor.id || hasUserTouchedProject(project.id, who.actor.id))) {
      throw new ActionError('denied', '不能审核自己编制或提交的表');
    }
    const updated = updateProjectStatus(
      project.id,
      { status: project.status, version: project.version },
      t.to,
      who.actor.id,
      action === 'submit' ? { submittedBy: who.actor.id } : {},
    );
    if (!updated) throw conflictError(project, req.version);
    const event = insertReviewEvent({
      projectId: project.id,
      action,
      fromStatus: project.status,
      toStatus: t.to,
      userId: who.actor.id,
      reason,
      version: updated.version,
    });
    for (const c of req.comments ?? []) {
      insertComment({ projectId: project.id, eventId: event.id, userId: who.actor.id, target: c.target, body: c.body });
    }
    auditProject(who, action, project.id, unitId, {
      from: project.status,
      to: t.to,
      reason,
      comments: req.comments?.length ?? 0,
    });
    return { version: updated.version, status: updated.status };
  });
}

