import { write } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { findProjectByCode, insertProject, replaceProjectContent } from '@/db/queries/projects';
import { findUnitYear, getUnit, insertUnitYear } from '@/db/queries/units';
import type { UnitYearRow } from '@/db/schema';
import { denied, invalid } from '@/lib/actions/errors';
import { can } from '@/lib/auth/permissions';
import { diffTables } from '@/lib/domain/diff';
import { findCategory, type Framework } from '@/lib/domain/framework';
import type { IndicatorRow, TargetTable } from '@/lib/domain/table';
import { nextYearPlan } from '@/lib/editor/next-year';
import { projectFor } from '../access';
import { countFindings, findingsOf, ruleContextOf } from '../findings';
import { tableHeader, tablePlan, tableRows } from '../mapping';
import { loadTable } from '../read';
import { auditProject, type Who } from './shared';

async function freeCode(unitYearId: number, base: string): Promise<string> {
  if (!(await findProjectByCode(unitYearId, base))) return base;
  for (let i = 2; i < 1000; i++) {
    const code = `${base}-${i}`;
    if (!(await findProjectByCode(unitYearId, code))) return code;
  }
  throw invalid('无法为副本生成不重复的项目编码');
}

function withFreshKeys(table: TargetTable): TargetTable {
  return { ...table, indicators: table.indicators.map(({ key: _key, ...r }) => ({ ...r })) };
}

/** A copy of the table in the same unit-year, as a draft with a code that is still free. */
export async function duplicateTable(who: Who, projectId: number): Promise<{ projectId: number }> {
  return write(async () => {
    const { project, unitYear, unitId } = await projectFor(who.actor, projectId, 'project.create');
    const source = (await loadTable(projectId))!.table;
    const table = withFreshKeys({ ...source, code: await freeCode(project.unitYearId, source.code), name: `${source.name}（副本）` });
    const created = await insertProject(project.unitYearId, tableHeader(table, countFindings(await findingsOf(table, unitYear))), who.actor.id);
    await replaceProjectContent(created.id, tablePlan(table), tableRows(table));
    await auditProject(who, 'duplicate', created.id, unitId, { from: projectId, changes: diffTables(null, table) });
    return { projectId: created.id };
  });
}

/**
 * The next unit-year of the unit. Creating a unit-year is an administrator's job: an owner who is not
 * one is told to ask for it; an administrator gets it created (same framework and rule profile) and audited.
 */
async function nextUnitYear(who: Who, unitYear: UnitYearRow): Promise<UnitYearRow> {
  const year = unitYear.year + 1;
  const existing = await findUnitYear(unitYear.unitId, year);
  if (existing) return existing;
  if (!can(who.actor, 'admin.manage', null)) {
    const unit = await getUnit(unitYear.unitId);
    throw invalid(`${unit ? `${unit.name} 的 ` : ''}${year} 年度尚未建立，无法开始下一年度的表。请联系管理员先建立 ${year} 年度，再回到此页操作。`);
  }
  const created = await insertUnitYear(unitYear.unitId, year, { frameworkId: unitYear.frameworkId, projectExpenditureYuan: null, ruleProfile: unitYear.ruleProfile });
  await appendAudit({
    userId: who.actor.id,
    username: who.actor.username,
    action: 'create',
    entity: 'unit-year',
    entityId: created.id,
    unitId: unitYear.unitId,
    changes: { year, frameworkId: unitYear.frameworkId, projectExpenditure: null, copiedFrom: unitYear.id },
    ip: who.ip,
  });
  return created;
}

/**
 * A row for next year: deadlines move a year on; cost targets are cleared, since they equal this year's
 * budget and the budget is reset (an empty value is an unfinished draft, reported until it is filled).
 */
function nextYearRow(r: IndicatorRow, from: number, framework: Framework): IndicatorRow {
  const copy = { ...r };
  if (!r.isPlaceholder && findCategory(framework, r.level2)?.category.role === 'cost') return { ...copy, target: { kind: 'text' }, value: '' };
  if (r.target.kind === 'deadline' && r.target.year !== null) {
    return { ...copy, target: { ...r.target, year: r.target.year + 1 }, value: r.value.replaceAll(String(from), String(from + 1)) };
  }
  return copy;
}

/** Starts next year's table from this one: same indicators, bases and plan months; amounts and cost targets reset. */
export async function startNextYear(who: Who, projectId: number): Promise<{ projectId: number; unitYearId: number }> {
  return write(async () => {
    const { project, unitYear, unitId } = await projectFor(who.actor, projectId, 'project.view');
    if (!can(who.actor, 'project.create', unitId)) throw denied();
    const next = await nextUnitYear(who, unitYear);
    const existing = await findProjectByCode(next.id, project.code);
    if (existing) throw invalid(`${next.year} 年度已有编码为 ${project.code} 的表“${existing.name}”`);
    const source = (await loadTable(projectId))!.table;
    const { framework } = await ruleContextOf(next);
    const table = withFreshKeys({
      ...source,
      name: source.name.replaceAll(String(unitYear.year), String(next.year)),
      budget: { total: '0.00', fiscal: '0.00', other: null },
      schedule: nextYearPlan(source.schedule),
      indicators: source.indicators.map((r) => nextYearRow(r, unitYear.year, framework)),
    });
    const created = await insertProject(next.id, tableHeader(table, countFindings(await findingsOf(table, next))), who.actor.id);
    await replaceProjectContent(created.id, tablePlan(table), tableRows(table));
    await auditProject(who, 'create', created.id, unitId, { fromProject: projectId, fromYear: unitYear.year, changes: diffTables(null, table) });
    return { projectId: created.id, unitYearId: next.id };
  });
}
