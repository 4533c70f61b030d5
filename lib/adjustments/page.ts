/** What the adjustment page shows: the targets in force, every adjustment before → after, and the actor's buttons. */
import { decide, serverAction } from '@/lib/auth/operations';
import { can, type Actor } from '@/lib/auth/permissions';
import { formatWanyuan } from '@/lib/domain/money';
import type { AdjustedRow } from '@/lib/domain/adjustment';
import { projectScopeIfAllowed } from '@/lib/projects/access';
import { loadTable } from '@/lib/projects/read';
import type { TargetTable } from '@/lib/domain/table';
import { adjustmentsOf, effectiveTable, rowsOf } from './read';

export type AdjustmentCard = {
  id: number;
  seq: number;
  status: string;
  version: number;
  reason: string;
  proposedByName: string | null;
  decisionReason: string | null;
  budgetBefore: string;
  budgetAfter: string;
  goalBefore: string;
  goalAfter: string;
  rows: AdjustedRow[];
  canDecide: boolean;
};

export type AdjustmentPage = { projectId: number; name: string; status: string; current: TargetTable; canPropose: boolean; approvedCount: number; adjustments: AdjustmentCard[] };

export async function adjustmentPage(actor: Actor, projectId: number): Promise<AdjustmentPage | null> {
  const scope = await projectScopeIfAllowed(actor, projectId, 'project.view');
  const loaded = scope ? await loadTable(projectId) : null;
  if (!scope || !loaded) return null;
  const { table } = await effectiveTable(projectId, loaded.table);
  const list = await adjustmentsOf(projectId);
  const approve = serverAction('approveAdjustmentAction');
  const caller = { actor, mustChangePassword: false };
  return {
    projectId,
    name: scope.project.name,
    status: scope.project.status,
    current: table,
    canPropose: can(actor, 'project.edit', scope.unitId) && scope.project.status === 'approved' && !list.some((a) => a.status === 'submitted'),
    approvedCount: list.filter((a) => a.status === 'approved').length,
    adjustments: list.map((a) => ({
      id: a.id,
      seq: a.seq,
      status: a.status,
      version: a.version,
      reason: a.reason,
      proposedByName: a.proposedByName,
      decisionReason: a.decisionReason,
      budgetBefore: formatWanyuan(a.budgetBeforeYuan),
      budgetAfter: formatWanyuan(a.budgetAfterYuan),
      goalBefore: a.goalBefore,
      goalAfter: a.goalAfter,
      rows: rowsOf(a),
      canDecide: decide(approve, caller, { unitId: scope.unitId, status: a.status, isAuthor: a.proposedBy === actor.id }) === 'allow',
    })),
  };
}
