/**
 * Loading a published document into the database. Importing the same document again updates the
 * tables in place (matched by project code) and never duplicates; a table that has moved past draft
 * in the workflow is not overwritten but reported.
 */
import { transaction } from '@/db/client';
import { findFrameworkByCode } from '@/db/queries/frameworks';
import { findProjectByCode, insertProject, replaceProjectContent, updateProjectHeader } from '@/db/queries/projects';
import { findUnitByCode, findUnitYear, insertUnit, insertUnitYear, updateUnitYear } from '@/db/queries/units';
import type { ProjectRow, UnitYearRow } from '@/db/schema';
import { ActionError, denied } from '@/lib/actions/errors';
import { can, type Actor } from '@/lib/auth/permissions';
import { diffTables } from '@/lib/domain/diff';
import { FRAMEWORK_2015 } from '@/lib/domain/framework';
import { wanyuanToYuan } from '@/lib/domain/money';
import type { Finding } from '@/lib/domain/rules';
import { tableSchema } from '@/lib/domain/schemas';
import type { TargetTable } from '@/lib/domain/table';
import { isEditable, STATUS_LABELS } from '@/lib/domain/workflow';
import type { ParsedTable, PublishedDocument } from '@/lib/format/published/types';
import { appendAudit } from '@/db/queries/audit';
import { auditProject, type Who } from './commands/shared';
import { countFindings, findingsOf } from './findings';
import { tableHeader, tablePlan, tableRows } from './mapping';
import { loadTable } from './read';

export type ImportOptions = { unitCode?: string | undefined; year?: number | undefined; frameworkCode?: string | undefined };

export type ImportItem = {
  number: number;
  code: string;
  name: string;
  total: string;
  rows: number;
  action: 'create' | 'update' | 'skip';
  reason: string | null;
  findings: Finding[];
};

export type ImportPlan = {
  unit: { code: string; name: string; exists: boolean };
  year: number;
  unitYearExists: boolean;
  projectExpenditure: string | null;
  items: ImportItem[];
  problems: PublishedDocument['problems'];
};

function resolveTarget(doc: PublishedDocument, opts: ImportOptions): { unitCode: string; unitName: string; year: number } {
  const unitCode = opts.unitCode ?? doc.unit?.code;
  const year = opts.year ?? doc.year ?? undefined;
  if (!unitCode) throw new ActionError('invalid', '文档中没有找到单位编码，请指定单位（--unit）');
  if (!year) throw new ActionError('invalid', '文档中没有找到预算年度，请指定年度（--year）');
  return { unitCode, unitName: doc.unit?.code === unitCode ? doc.unit.name : (findUnitByCode(unitCode)?.name ?? unitCode), year };
}

function withKeptKeys(incoming: TargetTable, existing: TargetTable | null): TargetTable {
  if (!existing) return incoming;
  const unused = [...existing.indicators];
  const indicators = incoming.indicators.map((r) => {
    const i = unused.findIndex((o) => o.level1 === r.level1 && o.level2 === r.level2 && o.name === r.name);
    if (i < 0) return { ...r, key: undefined };
    const [match] = unused.splice(i, 1);
    return { ...r, key: match!.key };
  });
  return { ...incoming, indicators };
}

function stripSource(t: ParsedTable): TargetTable {
  const { source: _source, ...table } = t;
  return structuredClone(table);
}

function frameworkContext(unitYear: UnitYearRow | undefined, opts: ImportOptions): UnitYearRow {
  if (unitYear) return unitYear;
  const framework = findFrameworkByCode(opts.frameworkCode ?? FRAMEWORK_2015.code);
  if (!framework) throw new ActionError('invalid', `指标体系 ${opts.frameworkCode} 不存在`);
  // An unsaved stand-in so findings can be computed for a unit-year that the import will create.
  return { id: 0, unitId: 0, year: 0, frameworkId: framework.id, projectExpenditureYuan: null, ruleProfile: null, createdAt: 0, updatedAt: 0 };
}

/** The same size and format limits as the editor's schema; an import must not store what a save could not. */
function schemaProblem(table: TargetTable): string | null {
  const r = tableSchema.safeParse(table);
  if (r.success) return null;
  const issue = r.error.issues[0]!;
  return `${issue.path.join('.')}：${issue.message}`;
}

function planItem(t: ParsedTable, existing: ProjectRow | undefined, unitYear: UnitYearRow): ImportItem {
  const table = stripSource(t);
  const invalid = schemaProblem(table);
  const base = {
    number: t.source.number,
    code: t.code,
    name: t.name,
    total: t.budget.total,
    rows: t.indicators.length,
    findings: findingsOf(table, unitYear),
  };
  if (invalid) return { ...base, action: 'skip', reason: `内容不符合要求，未导入（${invalid}）` };
  if (!existing) return { ...base, action: 'create', reason: null };
  if (!isEditable(existing.status)) {
    return { ...base, action: 'skip', reason: `库中此表为“${STATUS_LABELS[existing.status]}”，未覆盖` };
  }
  return { ...base, action: 'update', reason: null };
}

export function planImport(actor: Actor, doc: PublishedDocument, opts: ImportOptions = {}): ImportPlan {
  const target = resolveTarget(doc, opts);
  const unit = findUnitByCode(target.unitCode);
  if (unit ? !can(actor, 'project.import', unit.id) : !can(actor, 'admin.manage', null)) throw denied();
  const unitYear = unit ? findUnitYear(unit.id, target.year) : undefined;
  const ctx = frameworkContext(unitYear, opts);
  const ctxWithYear = { ...ctx, year: target.year };
  return {
    unit: { code: target.unitCode, name: unit?.name ?? target.unitName, exists: unit !== undefined },
    year: target.year,
    unitYearExists: unitYear !== undefined,
    projectExpenditure: doc.projectExpenditure,
    items: doc.projects.map((t) => planItem(t, unitYear ? findProjectByCode(unitYear.id, t.code) : undefined, ctxWithYear)),
    problems: doc.problems,
  };
}

export type ImportResult = ImportPlan & { unitYearId: number; created: number; updated: number; skipped: number };

export function applyImport(who: Who, doc: PublishedDocument, opts: ImportOptions = {}): ImportResult {
  return transaction(() => {
    const plan = planImport(who.actor, doc, opts);
    const unit = findUnitByCode(plan.unit.code) ?? insertUnit(plan.unit.code, plan.unit.name);
    let unitYear = findUnitYear(unit.id, plan.year);
    if (!unitYear) {
      unitYear = insertUnitYear(unit.id, plan.year, {
        frameworkId: frameworkContext(undefined, opts).frameworkId,
        projectExpenditureYuan: doc.projectExpenditure === null ? null : wanyuanToYuan(doc.projectExpenditure),
        ruleProfile: null,
      });
      appendAudit({ userId: who.actor.id, username: who.actor.username, action: 'create', entity: 'unit-year', entityId: unitYear.id, unitId: unit.id, changes: { year: plan.year, projectExpenditure: doc.projectExpenditure }, ip: who.ip });
    } else if (unitYear.projectExpenditureYuan === null && doc.projectExpenditure !== null) {
      updateUnitYear(unitYear.id, { projectExpenditureYuan: wanyuanToYuan(doc.projectExpenditure) });
    }
    let created = 0;
    let updated = 0;
    doc.projects.forEach((parsed, i) => {
      const item = plan.items[i]!;
      if (item.action === 'skip') return;
      const counts = countFindings(item.findings);
      const existing = findProjectByCode(unitYear.id, parsed.code);
      if (!existing) {
        const table = stripSource(parsed);
        const project = insertProject(unitYear.id, tableHeader(table, counts), who.actor.id, 'draft', parsed.source.number);
        replaceProjectContent(project.id, tablePlan(table), tableRows(table));
        auditProject(who, 'import', project.id, unit.id, diffTables(null, table));
        created++;
        return;
      }
      const before = loadTable(existing.id)?.table ?? null;
      const table = withKeptKeys(stripSource(parsed), before);
      const changes = diffTables(before, table);
      if (changes.length === 0) return;
      updateProjectHeader(existing.id, existing.version, tableHeader(table, counts), who.actor.id);
      replaceProjectContent(existing.id, tablePlan(table), tableRows(table));
      auditProject(who, 'import', existing.id, unit.id, changes);
      updated++;
    });
    const skipped = plan.items.filter((i) => i.action === 'skip').length;
    return { ...plan, unitYearId: unitYear.id, created, updated, skipped };
  });
}
