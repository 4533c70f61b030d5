import { write } from '@/db/client';
import { insertSelfEvalEvent, updateSelfEval, updateSelfEvalStatus } from '@/db/queries/selfeval';
import { wrongState } from '@/lib/actions/errors';
import { evaluateSelfEval, selfEvalEntriesFor, type SelfEvalData, type SelfEvalProblem } from '@/lib/domain/selfeval';
import { isEditable } from '@/lib/domain/workflow';
import { selfEvalConflict, selfEvalFor } from '../access';
import { loadSelfEvalView, storedScore } from '../read';
import { auditSelfEval, type Who } from './shared';

export type SaveSelfEvalResult = { version: number; status: string; total: string | null; grade: string | null; problems: SelfEvalProblem[] };

/**
 * Saves a 自评表 with the score computed here (the same function the editor shows). Refused when it
 * moved on since `version` (optimistic lock) or is not editable; rows without their 偏差原因 and 分值
 * that do not add up to 100 are problems that block submission, never saving.
 */
export async function saveSelfEval(who: Who, selfEvalId: number, version: number, input: SelfEvalData): Promise<SaveSelfEvalResult> {
  return write(async () => {
    const scope = await selfEvalFor(who.actor, selfEvalId, 'project.edit');
    if (!isEditable(scope.selfEval.status)) throw wrongState('此自评表已提交或已审核，不能修改');
    if (scope.selfEval.version !== version) throw await selfEvalConflict(scope.selfEval, version);
    const view = await loadSelfEvalView(scope);
    // Rows are those of the table in force: entries of other rows are dropped, missing ones added empty.
    const data: SelfEvalData = { ...input, entries: selfEvalEntriesFor(view.rows, input.entries) };
    const evaluation = evaluateSelfEval(data, view.rows, view.thresholds);
    let saved = await updateSelfEval(selfEvalId, version, { data: JSON.stringify(data), ...storedScore(evaluation) }, who.actor.id);
    if (!saved) throw await selfEvalConflict(scope.selfEval, version);
    if (saved.status === 'returned') {
      // The owner's first save of a returned 自评表 takes it back to draft, as for tables.
      saved = (await updateSelfEvalStatus(selfEvalId, { status: 'returned', version: saved.version }, 'draft', who.actor.id)) ?? saved;
      await insertSelfEvalEvent({ selfEvalId, action: 'revise', fromStatus: 'returned', toStatus: 'draft', userId: who.actor.id, reason: null, version: saved.version });
    }
    await auditSelfEval(who, 'update', selfEvalId, scope.unitId, { total: evaluation.total, grade: evaluation.grade });
    return { version: saved.version, status: saved.status, total: evaluation.total, grade: evaluation.grade, problems: evaluation.problems };
  });
}
