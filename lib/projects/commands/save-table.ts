import { write } from '@/db/client';
import { insertReviewEvent } from '@/db/queries/review';
import { saveProjectDraft, updateProjectStatus } from '@/db/queries/projects';
import type { Finding } from '@/lib/domain/rules';
import type { TableData } from '@/lib/domain/schemas';
import { diffTables } from '@/lib/domain/diff';
import { serverAction } from '@/lib/auth/operations';
import { assertVersion, conflictError, projectForOperation } from '../access';
import { countFindings, findingsOf } from '../findings';
import { bundleToTable, tableHeader, tablePlan, tableRows } from '../mapping';
import { normaliseTable } from '../normalise';
import { assertCodeFree, auditProject, projectAudit, type Who } from './shared';

const SAVE = serverAction('saveTableAction');

/** `keys` are the rows' stable keys in order, so the editor can keep them for the next save. */
export type SaveResult = { version: number; status: string; findings: Finding[]; changed: number; keys: string[] };

/**
 * Saves a draft. Refused when the table moved on since `version` was read (optimistic lock) or is no
 * longer editable; rule errors do not block saving, only submission.
 */
export async function saveTable(who: Who, projectId: number, version: number, input: TableData): Promise<SaveResult> {
  return write(async () => {
    // Permission, unit and status (editable only: draft or returned), as the operations table says (the
    // action wrapper leaves it to here), on the table, its unit-year, plan and rows and last year's tables, read at once.
    const { project, unitYear, unitId, content: stored, lastYearTables } = await projectForOperation(SAVE, projectId, who.actor);
    await assertVersion(project, version);
    const table = normaliseTable(input);
    // An unchanged code is this table's own (the unique index keeps it so): nothing to look up.
    if (table.code !== project.code) await assertCodeFree(project.unitYearId, table.code, projectId);
    const changes = diffTables(bundleToTable({ project, ...stored }), table);
    const findings = await findingsOf(table, unitYear, lastYearTables);
    // A returned table's save first takes it back to draft, audited before the change itself.
    const isReturned = project.status === 'returned';
    let saved = await saveProjectDraft({
      id: projectId,
      expectedVersion: version,
      header: tableHeader(table, countFindings(findings)),
      userId: who.actor.id,
      plan: tablePlan(table),
      rows: tableRows(table),
      stored,
      audit: isReturned ? null : projectAudit(who, 'update', projectId, unitId, changes),
    });
    if (!saved) throw await conflictError(project, version);
    if (isReturned) {
      saved = (await updateProjectStatus(projectId, { status: 'returned', version: saved.version }, 'draft', who.actor.id)) ?? saved;
      await insertReviewEvent({
        projectId,
        action: 'revise',
        fromStatus: 'returned',
        toStatus: 'draft',
        userId: who.actor.id,
        reason: null,
        version: saved.version,
      });
      await auditProject(who, 'revise', projectId, unitId, { from: 'returned', to: 'draft' });
      await auditProject(who, 'update', projectId, unitId, changes);
    }
    return { version: saved.version, status: saved.status, findings, changed: changes.length, keys: table.indicators.map((r) => r.key!) };
  });
}
