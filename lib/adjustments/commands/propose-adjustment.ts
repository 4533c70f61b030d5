import { write } from '@/db/client';
import { hasPendingAdjustment, insertAdjustment } from '@/db/queries/adjustments';
import { appendAudit } from '@/db/queries/audit';
import { invalid, wrongState } from '@/lib/actions/errors';
import { serverAction } from '@/lib/auth/operations';
import { changedRows } from '@/lib/domain/adjustment';
import { wanyuanToYuan } from '@/lib/domain/money';
import { authorizeOnProject, projectFor } from '@/lib/projects/access';
import type { Who } from '@/lib/projects/commands/shared';
import { loadTable } from '@/lib/projects/read';
import { effectiveTable } from '../read';
import type { ProposeAdjustmentInput } from '../schemas';

/**
 * Proposes an adjustment of an approved table, measured against the targets in force (the original, or
 * the last approved adjustment): only rows whose value changes are kept, each with its reason. It goes
 * to review at once; the table itself is left as approved.
 */
export async function proposeAdjustment(who: Who, input: ProposeAdjustmentInput): Promise<{ adjustmentId: number; seq: number }> {
  return write(async () => {
    const scope = await projectFor(who.actor, input.projectId, 'project.edit');
    await authorizeOnProject(serverAction('proposeAdjustmentAction'), scope, who.actor);
    if (await hasPendingAdjustment(input.projectId)) throw wrongState('此表已有一项待审核的目标调整，审核后才能再次申请');
    const loaded = await loadTable(input.projectId);
    if (!loaded) throw wrongState('绩效目标表不存在');
    const { table } = await effectiveTable(input.projectId, loaded.table);
    const byKey = new Map(table.indicators.map((r) => [r.key!, r]));
    const asked = input.rows.filter((r) => byKey.has(r.rowKey)).map((r) => ({ rowKey: r.rowKey, name: byKey.get(r.rowKey)!.name, before: byKey.get(r.rowKey)!.value, after: r.after, reason: r.reason }));
    const { rows, missingReason } = changedRows(asked);
    if (missingReason.length > 0) {
      const fieldErrors = Object.fromEntries(missingReason.map((i) => [`rows.${input.rows.findIndex((r) => r.rowKey === rows[i]!.rowKey)}.reason`, ['请填写这一行的调整理由']]));
      throw invalid(`调整的指标须逐行写明理由（${rows[missingReason[0]!]!.name}）`, fieldErrors);
    }
    const budgetBefore = wanyuanToYuan(table.budget.total);
    const budgetAfter = wanyuanToYuan(input.budgetAfter);
    if (rows.length === 0 && input.goalAfter === table.goal && budgetAfter === budgetBefore) throw invalid('没有任何调整：请修改指标值、年度目标或全年预算数');
    const a = await insertAdjustment({
      projectId: input.projectId,
      status: 'submitted',
      reason: input.reason,
      budgetBeforeYuan: budgetBefore,
      budgetAfterYuan: budgetAfter,
      goalBefore: table.goal,
      goalAfter: input.goalAfter,
      rows: JSON.stringify(rows),
      proposedBy: who.actor.id,
    });
    await appendAudit({ userId: who.actor.id, username: who.actor.username, action: 'propose', entity: 'adjustment', entityId: a.id, unitId: scope.unitId, changes: { projectId: input.projectId, seq: a.seq, rows, reason: input.reason }, ip: who.ip });
    return { adjustmentId: a.id, seq: a.seq };
  });
}
