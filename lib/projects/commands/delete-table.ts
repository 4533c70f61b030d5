import { transaction } from '@/db/client';
import { deleteProject } from '@/db/queries/projects';
import { wrongState } from '@/lib/actions/errors';
import { diffTables } from '@/lib/domain/diff';
import { assertVersion, projectFor } from '../access';
import { loadTable } from '../read';
import { auditProject, type Who } from './shared';

/** Deletes a draft. The audit row keeps the deleted content, so nothing is lost without a trace. */
export function deleteTable(who: Who, projectId: number, version: number): void {
  transaction(() => {
    const { project, unitId } = projectFor(who.actor, projectId, 'project.delete');
    if (project.status !== 'draft') throw wrongState('只能删除草稿状态的表');
    assertVersion(project, version);
    const table = loadTable(projectId)?.table;
    auditProject(who, 'delete', projectId, unitId, { code: project.code, name: project.name, table, changes: table ? diffTables(null, table).length : 0 });
    deleteProject(projectId);
  });
}
