import { write } from '@/db/client';
import { deleteProject, listProjectsOfUnitYear, setProjectPositions } from '@/db/queries/projects';
import { hasReviewHistory } from '@/db/queries/review';
import { wrongState } from '@/lib/actions/errors';
import { serverAction } from '@/lib/auth/operations';
import { diffTables } from '@/lib/domain/diff';
import { assertVersion, authorizeOnProject, projectFor } from '../access';
import { loadTable } from '../read';
import { auditProject, type Who } from './shared';

/**
 * Deletes a draft that was never reviewed. The audit row keeps the deleted content; a table with
 * review history (submitted, returned, commented) is kept, because that conversation is append-only.
 */
export async function deleteTable(who: Who, projectId: number, version: number): Promise<void> {
  await write(async () => {
    const scope = await projectFor(who.actor, projectId, 'project.delete');
    await authorizeOnProject(serverAction('deleteTableAction'), scope, who.actor);
    const { project, unitId } = scope;
    await assertVersion(project, version);
    if (await hasReviewHistory(projectId)) {
      throw wrongState('此表已有审核记录（提交、退回或审核意见），为保留审核往来不能删除');
    }
    const table = (await loadTable(projectId))?.table;
    await auditProject(who, 'delete', projectId, unitId, { code: project.code, name: project.name, table, changes: table ? diffTables(null, table).length : 0 });
    await deleteProject(projectId);
    // The list's 序号 is every table's number on the staff pages and in drafts' exports: no gap stays.
    await setProjectPositions(project.unitYearId, (await listProjectsOfUnitYear(project.unitYearId)).map((p) => p.id));
  });
}
