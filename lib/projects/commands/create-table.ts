import { transaction } from '@/db/client';
import { insertProject, replaceProjectContent } from '@/db/queries/projects';
import type { TableData } from '@/lib/domain/schemas';
import { diffTables } from '@/lib/domain/diff';
import { unitYearFor } from '../access';
import { countFindings, findingsOf } from '../findings';
import { tableHeader, tablePlan, tableRows } from '../mapping';
import { normaliseTable } from '../normalise';
import { assertCodeFree, auditProject, type Who } from './shared';

export function createTable(who: Who, unitYearId: number, input: TableData): { projectId: number; version: number } {
  return transaction(() => {
    const unitYear = unitYearFor(who.actor, unitYearId, 'project.create');
    const table = normaliseTable(input);
    assertCodeFree(unitYearId, table.code, null);
    const counts = countFindings(findingsOf(table, unitYear));
    const project = insertProject(unitYearId, tableHeader(table, counts), who.actor.id);
    replaceProjectContent(project.id, tablePlan(table), tableRows(table));
    auditProject(who, 'create', project.id, unitYear.unitId, diffTables(null, table));
    return { projectId: project.id, version: project.version };
  });
}
