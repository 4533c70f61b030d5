import { write } from '@/db/client';
import { decideAdjustment as updateDecision } from '@/db/queries/adjustments';
import { appendAudit } from '@/db/queries/audit';
import { ActionError, invalid, refusalError } from '@/lib/actions/errors';
import { decide, serverAction } from '@/lib/auth/operations';
import { relightReports } from '@/lib/monitoring/relight';
import { adjustmentScope, adjustmentTarget } from '../access';
import type { DecideAdjustmentInput } from '../schemas';
import type { Who } from '@/lib/projects/commands/shared';

/**
 * A reviewer approves or returns a proposed adjustment (not their own). Once approved, monitoring reads
 * the adjusted targets (and the reports' stored lights are recomputed in the same transaction); the
 * approved table and its disclosure stay as they were.
 */
export async function decideAdjustment(who: Who, decision: 'approve' | 'return', input: DecideAdjustmentInput): Promise<{ version: number; status: string }> {
  return write(async () => {
    const op = serverAction(decision === 'approve' ? 'approveAdjustmentAction' : 'returnAdjustmentAction');
    const verdict = decide(op, { actor: who.actor, mustChangePassword: false }, await adjustmentTarget(op, input.adjustmentId, who.actor));
    const { adjustment, unitId } = await adjustmentScope(input.adjustmentId);
    if (verdict !== 'allow') throw refusalError(verdict, op, adjustment.status);
    if (adjustment.version !== input.version) throw new ActionError('conflict', '此目标调整已被其他人处理，请刷新后再试');
    const reason = input.reason?.trim() || null;
    if (decision === 'return' && !reason) throw invalid('请填写退回理由', { reason: ['请填写退回理由'] });
    const to = decision === 'approve' ? 'approved' : 'returned';
    const updated = await updateDecision(adjustment.id, { status: 'submitted', version: input.version }, to, who.actor.id, reason);
    if (!updated) throw new ActionError('conflict', '此目标调整已被其他人处理，请刷新后再试');
    await appendAudit({ userId: who.actor.id, username: who.actor.username, action: decision, entity: 'adjustment', entityId: adjustment.id, unitId, changes: { projectId: adjustment.projectId, seq: adjustment.seq, reason }, ip: who.ip });
    // Reports are measured against the targets in force: their stored lights (and 全年预算数) follow at once.
    if (updated.status === 'approved') await relightReports(who, { kind: 'adjustment', adjustment: updated });
    return { version: updated.version, status: updated.status };
  });
}
