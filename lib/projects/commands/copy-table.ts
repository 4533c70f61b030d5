import { transaction } from '@/db/client';
import { findProjectByCode, insertProject, replaceProjectContent } from '@/db/queries/projects';
import { findUnitYear, insertUnitYear } from '@/db/queries/units';
import { denied, invalid } from '@/lib/actions/errors';
import { can } from '@/lib/auth/permissions';
import { diffTables } from '@/lib/domain/diff';
import type { TargetTable } from '@/lib/domain/table';
import { projectFor } from '../access';
import { countFindings, findingsOf } from '../findings';
import { tableHeader, tablePlan, tableRows } from '../mapping';
import { loadTable } from '../read';
import { auditProject, type Who } from './shared';

export const DEFAULT_SCHEDULE = [
  { month: 3, percent: 25 },
  { month: 6, percent: 50 },
  { month: 10, percent: 75 },
  { month: 12, percent: 100 },
];

function freeCode(unitYearId: number, base: string): string {
  if (!findProjectByCode(unitYearId, base)) return base;
  for (let i = 2; i < 1000; i++) {
    const code = `${base}-${i}`;
    if (!findProjectByCode(unitYearId, code)) return code;
  }
  throw invalid('无法为副本生成不重复的项目编码');
}

function withFreshKeys(table: TargetTable): TargetTable {
  return { ...table, indicators: table.indicators.map(({ key: _key, ...r }) => ({ ...r })) };
}

/** A copy of the table in the same unit-year, as a draft with a code that is still free. */
export function duplicateTable(who: Who, projectId: number): { projectId: number } {
  return transaction(() => {
    const { project, unitYear, unitId } = projectFor(who.actor, projectId, 'project.create');
    const source = loadTable(projectId)!.table;
    const table = withFreshKeys({ ...source, code: freeCode(project.unitYearId, source.code), name: `${source.name}（副本）` });
    const created = insertProject(project.unitYearId, tableHeader(table, countFindings(findingsOf(table, unitYear))), who.actor.id);
    replaceProjectContent(created.id, tablePlan(table), tableRows(table));
    auditProject(who, 'duplicate', created.id, unitId, { from: projectId, changes: diffTables(null, table) });
    return { projectId: created.id };
  });
}

/**
 * Starts next year's table from this one: same indicators and bases, amounts and plan reset.
 * Creates the next unit-year (same framework and profile) when it does not exist yet.
 */
export function startNextYear(who: Who, projectId: number): { projectId: number; unitYearId: number } {
  return transaction(() => {
    const { project, unitYear, unitId } = projectFor(who.actor, projectId, 'project.view');
    if (!can(who.actor, 'project.create', unitId)) throw denied();
    const next =
      findUnitYear(unitId, unitYear.year + 1) ??
      insertUnitYear(unitId, unitYear.year + 1, {
        frameworkId: unitYear.frameworkId,
        projectExpenditureYuan: null,
        ruleProfile: unitYear.ruleProfile,
      });
    const existing = findProjectByCode(next.id, project.code);
    if (existing) throw invalid(`${next.year} 年度已有编码为 ${project.code} 的表“${existing.name}”`);
    const source = loadTable(projectId)!.table;
    const table = withFreshKeys({
      ...source,
      name: source.name.replaceAll(String(unitYear.year), String(next.year)),
      budget: { total: '0.00', fiscal: '0.00', other: null },
      schedule: DEFAULT_SCHEDULE.map((c) => ({ ...c })),
      indicators: source.indicators.map((r) =>
        r.target.kind === 'deadline' && r.target.year !== null
          ? { ...r, target: { ...r.target, year: r.target.year + 1 }, value: r.value.replaceAll(String(unitYear.year), String(next.year)) }
          : { ...r },
      ),
    });
    const created = insertProject(next.id, tableHeader(table, countFindings(findingsOf(table, next))), who.actor.id);
    replaceProjectContent(created.id, tablePlan(table), tableRows(table));
    auditProject(who, 'create', created.id, unitId, { fromProject: projectId, fromYear: unitYear.year, changes: diffTables(null, table) });
    return { projectId: created.id, unitYearId: next.id };
  });
}
