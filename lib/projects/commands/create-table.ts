import { write } from '@/db/client';
import { insertProject, replaceProjectContent } from '@/db/queries/projects';
import type { TableData } from '@/lib/domain/schemas';
import { diffTables } from '@/lib/domain/diff';
import { unitYearFor } from '../access';
import { countFindings, findingsOf } from '../findings';
import { tableHeader, tablePlan, tableRows } from '../mapping';
import { normaliseTable } from '../normalise';
import { assertCodeFree, auditProject, type Who } from './shared';

export async function createTable(who: Who, unitYearId: number, input: TableData): Promise<{ projectId: number; version: number }> {
  return write(async () => {
    const unitYear = await unitYearFor(who.actor, unitYearId, 'project.create');
    const table = normaliseTable(input);
    await assertCodeFree(unitYearId, table.code, null);
    const counts = countFindings(await findingsOf(table, unitYear));
    const project = await insertProject(unitYearId, tableHeader(table, counts), who.actor.id);
    await replaceProjectContent(project.id, tablePlan(table), tableRows(table));
    await auditProject(who, 'create', project.id, unitYear.unitId, diffTables(null, table));
    return { projectId: project.id, version: project.version };
  });
}
