/**
 * Loading a published document into the database. Tables are matched by project code: a new code is
 * created as a draft; a stored draft is updated in place; a table that has moved past draft (submitted,
 * returned or approved) is never overwritten but reported, and neither is a draft when the document's
 * table has reading problems (it may be truncated) unless the user forces it. Importing the same
 * document again changes nothing and never duplicates.
 */
import { write } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { findFrameworkByCode } from '@/db/queries/frameworks';
import { findProjectByCode, insertProject, listProjectsOfUnitYear, replaceProjectContent, updateProjectHeader } from '@/db/queries/projects';
import { findUnitByCode, findUnitYear, insertUnit, insertUnitYear, updateUnitYear } from '@/db/queries/units';
import type { ProjectRow, UnitYearRow } from '@/db/schema';
import { ActionError, denied } from '@/lib/actions/errors';
import { can, unitsWith, type Actor } from '@/lib/auth/permissions';
import { diffTables, type TableChange } from '@/lib/domain/diff';
import { frameworkOfRows } from '@/lib/domain/framework';
import { withKeptKeys } from '@/lib/domain/import-rows';
import { formatWanyuan, wanyuanToYuan } from '@/lib/domain/money';
import { checkTable, checkUnitYear, RULES, type Finding } from '@/lib/domain/rules';
import { tableSchema } from '@/lib/domain/schemas';
import type { TargetTable } from '@/lib/domain/table';
import { STATUS_LABELS } from '@/lib/domain/workflow';
import type { ParsedTable, PublishedDocument } from '@/lib/format/published/types';
import { lastYearLookup } from '@/lib/library/last-year';
import { auditProject, type Who } from './commands/shared';
import { countFindings, ruleContextOf } from './findings';
import { tableHeader, tablePlan, tableRows } from './mapping';
import { isProblemOf } from '@/lib/format/published/problem-of';
import { loadTable, loadTables } from './read';
import { assertOverwritesConfirmed, draftOverwrite, importRecords, recordImports, type DraftOverwrite } from './import-overwrite';
import { UNIT_CODE } from '@/lib/domain/limits';

const UNIT_YEAR_RULES = new Set(RULES.filter((r) => r.isUnitYear).map((r) => r.id));

export type ImportOptions = {
  unitCode?: string | undefined;
  year?: number | undefined;
  frameworkCode?: string | undefined;
  /** Overwrite stored drafts even with tables that had reading problems (possibly incomplete). */
  force?: boolean | undefined;
  /**
   * The stored drafts the user confirmed to overwrite (覆盖草稿), by code, each with the version the
   * preview showed; 'all' from the command line's --overwrite. An update of a draft not confirmed at
   * its current version refuses the whole import.
   */
  overwrite?: Readonly<Record<string, number>> | 'all' | undefined;
};


export type ImportAction = 'create' | 'update' | 'unchanged' | 'skip';

export type ImportItem = {
  number: number;
  /** The table's heading line in the document. */
  line: number;
  code: string;
  name: string;
  total: string;
  rows: number;
  action: ImportAction;
  reason: string | null;
  /** Skipped only because of reading problems: forcing the import would update it. */
  canForce: boolean;
  /** Reading problems of this table (the parser's messages). */
  problems: string[];
  /** Rules findings: the table's own, and the unit-year rules (name mismatches, duplicate codes) that concern it. */
  findings: Finding[];
  /** Set when the import would overwrite a stored draft (an update, or a skip that forcing would make one). */
  draft: DraftOverwrite | null;
};

/**
 * The unit-year's 项目支出. An import sets it only where none is stored (a new unit-year, or one without
 * it); a stored figure is never changed by an import, since it comes from the approved budget and only
 * an administrator edits it. A document that disagrees is reported.
 */
export type ExpenditurePlan = {
  document: string | null;
  stored: string | null;
  outcome: 'set' | 'same' | 'kept' | 'none';
  message: string | null;
};

export type ImportPlan = {
  unit: { code: string; name: string; exists: boolean };
  year: number;
  unitYearExists: boolean;
  projectExpenditure: ExpenditurePlan;
  items: ImportItem[];
  /** Unit-year findings that concern no single table (the budgets' sum against 项目支出). */
  unitYearFindings: Finding[];
  problems: PublishedDocument['problems'];
  isForced: boolean;
};

type Work = { item: ImportItem; parsed: ParsedTable; table: TargetTable; existing: ProjectRow | undefined; changes: TableChange[]; before: TargetTable | null; draft: DraftOverwrite | null };

async function resolveTarget(doc: PublishedDocument, opts: ImportOptions): Promise<{ unitCode: string; unitName: string; year: number }> {
  const unitCode = opts.unitCode ?? doc.unit?.code;
  const year = opts.year ?? doc.year ?? undefined;
  if (!unitCode) throw new ActionError('invalid', '文档中没有找到单位编码，请指定单位（--unit）');
  if (!year) throw new ActionError('invalid', '文档中没有找到预算年度，请指定年度（--year）');
  // The same rule as a unit made by an administrator: every way into the database checks it.
  if (!UNIT_CODE.test(unitCode)) throw new ActionError('invalid', `单位编码“${unitCode.slice(0, 40)}”无效：应为 3–20 位字母或数字`);
  // A unit the import creates is named as the document names it, even when its code was given by hand.
  return { unitCode, unitName: (await findUnitByCode(unitCode))?.name ?? doc.unit?.name ?? unitCode, year };
}

function stripSource(t: ParsedTable): TargetTable {
  const { source: _source, ...table } = t;
  return structuredClone(table);
}

async function frameworkContext(unitYear: UnitYearRow | undefined, unitId: number | undefined, opts: ImportOptions, year: number, doc: PublishedDocument): Promise<UnitYearRow> {
  if (unitYear) return unitYear;
  // A unit-year the import creates takes the framework asked for, or the one the document follows.
  const framework = await findFrameworkByCode(opts.frameworkCode ?? frameworkOfRows(doc.projects.flatMap((p) => p.indicators)).code);
  if (!framework) throw new ActionError('invalid', `指标体系 ${opts.frameworkCode} 不存在`);
  // An unsaved stand-in so findings can be computed for a unit-year that the import will create.
  return { id: 0, unitId: unitId ?? 0, year, frameworkId: framework.id, projectExpenditureYuan: null, ruleProfile: null, createdAt: 0, updatedAt: 0 };
}

/** The same size and format limits as the editor's schema; an import must not store what a save could not. */
function schemaProblem(table: TargetTable): string | null {
  const r = tableSchema.safeParse(table);
  if (r.success) return null;
  const issue = r.error.issues[0]!;
  return `${issue.path.join('.')}：${issue.message}`;
}

function expenditurePlan(doc: PublishedDocument, unitYear: UnitYearRow | undefined): ExpenditurePlan {
  const document = doc.projectExpenditure;
  const stored = unitYear?.projectExpenditureYuan == null ? null : formatWanyuan(unitYear.projectExpenditureYuan);
  if (document === null) return { document, stored, outcome: 'none', message: null };
  if (stored === null) return { document, stored, outcome: 'set', message: `本年度的项目支出将设为文件中的 ${document} 万元` };
  if (stored === document) return { document, stored, outcome: 'same', message: null };
  return {
    document,
    stored,
    outcome: 'kept',
    message: `文件中的项目支出 ${document} 万元与本年度已有的 ${stored} 万元不同；导入不修改项目支出，如文件中的数正确，请管理员在年度设置中修改`,
  };
}

/**
 * The unit-year rules over what the unit-year will hold: the document's tables plus the stored tables it
 * does not mention. Each finding goes to its table; the rest (the budgets' sum against 项目支出) is
 * general. Unit-year findings are those checkUnitYear gives beyond each table's own checks.
 */
async function unitYearFindings(
  doc: PublishedDocument,
  tables: readonly TargetTable[],
  others: readonly ProjectRow[],
  unitYear: UnitYearRow,
  expenditure: string | null,
): Promise<{ byTable: Finding[][]; general: Finding[] }> {
  const codes = new Set(tables.map((t) => t.code));
  const stored = (await loadTables(others.filter((p) => !codes.has(p.code)).map((p) => p.id))).map((x) => x.table);
  // Checked as a save checks them: with last year's rows each table continues (指标值偏低), so the counts
  // stored by the import are the ones the editor shows.
  const ctx = { ...(await ruleContextOf(unitYear)), lastYear: await lastYearLookup(unitYear, [...tables, ...stored]) };
  const own = [...tables, ...stored].map((t) => checkTable(t, ctx));
  const input = { tables: [...tables, ...stored], projectExpenditure: expenditure, mentions: doc.mentions, titles: doc.projects.map((p) => ({ code: p.code, title: p.source.title })) };
  const key = (f: Finding) => `${f.rule}\u0000${f.project}\u0000${f.path}\u0000${f.message}`;
  const seen = new Map<string, number>();
  for (const f of own.flat()) seen.set(key(f), (seen.get(key(f)) ?? 0) + 1);
  const extra = checkUnitYear(input, ctx).filter((f) => {
    const n = seen.get(key(f)) ?? 0;
    if (n > 0) seen.set(key(f), n - 1);
    return n === 0;
  });
  const byTable = tables.map((t, i) => [...own[i]!, ...extra.filter((f) => f.project === t.code)]);
  return { byTable, general: extra.filter((f) => !codes.has(f.project)) };
}

/** What happens to one table: the first matching rule wins. */
function decide(w: Omit<Work, 'item'>, base: Omit<ImportItem, 'action' | 'reason' | 'canForce' | 'draft'>, duplicateOf: ParsedTable | undefined, isForced: boolean): ImportItem {
  const skip = (reason: string, canForce = false): ImportItem => ({ ...base, action: 'skip', reason, canForce, draft: canForce ? w.draft : null });
  const go = (action: ImportAction, reason: string | null = null): ImportItem => ({ ...base, action, reason, canForce: false, draft: action === 'update' ? w.draft : null });
  // Tables of other layouts often print no code; one is given in the preview (or with --code) or the table stays out.
  if (w.table.code === '') return skip('表中没有项目编码：请在预览中为此表填写项目编码（命令行用 --code）后再导入');
  if (duplicateOf) return skip(`项目编码与表 ${duplicateOf.source.number}（第 ${duplicateOf.source.line} 行）重复，未导入`);
  const invalid = schemaProblem(w.table);
  if (invalid) return skip(`内容不符合要求，未导入（${invalid}）`);
  const hasProblems = base.problems.length > 0;
  if (!w.existing) return go('create', hasProblems ? '读取时发现问题，按读出的内容新建为草稿，请核对' : null);
  if (w.changes.length === 0) return go('unchanged');
  if (w.existing.status !== 'draft') return skip(`库中此表为“${STATUS_LABELS[w.existing.status]}”，只更新草稿，未覆盖`);
  if (hasProblems && !isForced) return skip('读取时发现问题（表可能不完整），未覆盖库中的草稿；核对原文无误后可选择“强制覆盖”', true);
  return go('update', hasProblems ? '读取时发现问题，按要求强制覆盖' : null);
}

async function buildPlan(actor: Actor, doc: PublishedDocument, opts: ImportOptions): Promise<{ plan: ImportPlan; work: Work[] }> {
  const target = await resolveTarget(doc, opts);
  const unit = await findUnitByCode(target.unitCode);
  if (unit ? !can(actor, 'project.import', unit.id) : !can(actor, 'admin.manage', null)) throw denied();
  const unitYear = unit ? await findUnitYear(unit.id, target.year) : undefined;
  // Setting up a budget year (and choosing its framework) is an administrator's job, as in the editor.
  if (unit && !unitYear && !can(actor, 'admin.manage', null)) {
    throw new ActionError('invalid', `${unit.code} ${unit.name} 尚未设立 ${target.year} 年度：请联系管理员在“管理”中新增该预算年度后再导入`);
  }
  const ctx = await frameworkContext(unitYear, unit?.id, opts, target.year, doc);
  const isForced = opts.force === true;
  const firstByCode = new Map<string, ParsedTable>();
  // One table after another (not Promise.all): a transaction's queries run one at a time anyway.
  const prepared: (Omit<Work, 'item' | 'draft'> & { duplicateOf: ParsedTable | undefined })[] = [];
  for (const parsed of doc.projects) {
    const hasCode = parsed.code !== '';
    const duplicateOf = hasCode ? firstByCode.get(parsed.code) : undefined;
    if (hasCode && !duplicateOf) firstByCode.set(parsed.code, parsed);
    const existing = unitYear && hasCode && !duplicateOf ? await findProjectByCode(unitYear.id, parsed.code) : undefined;
    const before = existing ? ((await loadTable(existing.id))?.table ?? null) : null;
    const table = withKeptKeys(stripSource(parsed), before);
    prepared.push({ parsed, table, existing, duplicateOf, before, changes: diffTables(before, table) });
  }
  const records = await importRecords(prepared.flatMap((p) => (p.existing ? [p.existing] : [])));
  const expenditure = expenditurePlan(doc, unitYear);
  // Only tables that will be stored count for the unit-year rules (a table without a code is left out).
  const kept = prepared.filter((p) => !p.duplicateOf && p.parsed.code !== '');
  const checked = await unitYearFindings(doc, kept.map((p) => p.table), unitYear ? await listProjectsOfUnitYear(unitYear.id) : [], ctx, expenditure.stored ?? expenditure.document);
  // A later duplicate is not imported; it is checked on its own, under the unit-year's rules.
  const ownCtx = await ruleContextOf(ctx);
  const work = prepared.map((p): Work => {
    const base = {
      number: p.parsed.source.number,
      line: p.parsed.source.line,
      code: p.parsed.code,
      name: p.parsed.name,
      total: p.parsed.budget.total,
      rows: p.parsed.indicators.length,
      problems: doc.problems.filter((x) => isProblemOf(x, p.parsed.source)).map((x) => x.message),
      findings: kept.includes(p) ? checked.byTable[kept.indexOf(p)]! : checkTable(p.table, ownCtx),
    };
    const draft = draftOverwrite(p, records, opts.overwrite);
    return { ...p, draft, item: decide({ ...p, draft }, base, p.duplicateOf, isForced) };
  });
  const plan: ImportPlan = {
    unit: { code: target.unitCode, name: target.unitName, exists: unit !== undefined },
    year: target.year,
    unitYearExists: unitYear !== undefined,
    projectExpenditure: expenditure,
    items: work.map((w) => w.item),
    unitYearFindings: checked.general,
    problems: doc.problems,
    isForced,
  };
  return { plan, work };
}

export async function planImport(actor: Actor, doc: PublishedDocument, opts: ImportOptions = {}): Promise<ImportPlan> {
  return (await buildPlan(actor, doc, opts)).plan;
}

/**
 * Whether the actor may import at all (no unit named) or into the named unit: the upload route asks
 * before reading a byte of the file. The import itself checks again, in its transaction.
 */
export async function mayImportInto(actor: Actor, unitCode: string | undefined): Promise<boolean> {
  const importable = unitsWith(actor, 'project.import');
  if (importable === null) return true;
  if (!unitCode) return importable.length > 0;
  const unit = await findUnitByCode(unitCode);
  return unit !== undefined && importable.includes(unit.id);
}

export type ImportResult = ImportPlan & { unitYearId: number; created: number; updated: number; unchanged: number; skipped: number };

async function audit(who: Who, action: string, entity: string, entityId: number, unitId: number, changes: unknown): Promise<void> {
  await appendAudit({ userId: who.actor.id, username: who.actor.username, action, entity, entityId, unitId, changes, ip: who.ip });
}

export async function applyImport(who: Who, doc: PublishedDocument, opts: ImportOptions = {}): Promise<ImportResult> {
  return write(async () => {
    const { plan, work } = await buildPlan(who.actor, doc, opts);
    assertOverwritesConfirmed(plan.items, opts);
    let unit = await findUnitByCode(plan.unit.code);
    if (!unit) {
      unit = await insertUnit(plan.unit.code, plan.unit.name);
      await audit(who, 'create', 'unit', unit.id, unit.id, { code: unit.code, name: unit.name, source: 'import' });
    }
    let unitYear = await findUnitYear(unit.id, plan.year);
    const expenditureYuan = doc.projectExpenditure === null ? null : wanyuanToYuan(doc.projectExpenditure);
    if (!unitYear) {
      const { frameworkId } = await frameworkContext(undefined, undefined, opts, plan.year, doc);
      unitYear = await insertUnitYear(unit.id, plan.year, { frameworkId, projectExpenditureYuan: expenditureYuan, ruleProfile: null });
      await audit(who, 'create', 'unit-year', unitYear.id, unit.id, { year: plan.year, projectExpenditure: doc.projectExpenditure, source: 'import' });
    } else if (plan.projectExpenditure.outcome === 'set') {
      await updateUnitYear(unitYear.id, { projectExpenditureYuan: expenditureYuan });
      await audit(who, 'update', 'unit-year', unitYear.id, unit.id, [{ field: 'projectExpenditure', before: null, after: doc.projectExpenditure, source: 'import' }]);
    }
    const count = { create: 0, update: 0, unchanged: 0, skip: 0 };
    const written: number[] = [];
    for (const w of work) {
      count[w.item.action]++;
      if (w.item.action !== 'create' && w.item.action !== 'update') continue;
      // Stored counts are the table's own findings, as a save or a recount stores them; the unit-year
      // findings (name mismatches in the document, duplicates) are for the preview only.
      const counts = countFindings(w.item.findings.filter((f) => !UNIT_YEAR_RULES.has(f.rule)));
      if (w.item.action === 'create') {
        const project = await insertProject(unitYear.id, tableHeader(w.table, counts), who.actor.id, 'draft', w.parsed.source.number);
        await replaceProjectContent(project.id, tablePlan(w.table), tableRows(w.table));
        await auditProject(who, 'import', project.id, unit.id, diffTables(null, w.table));
        written.push(project.id);
        continue;
      }
      const existing = w.existing!;
      if (!(await updateProjectHeader(existing.id, existing.version, tableHeader(w.table, counts), who.actor.id))) {
        throw new ActionError('conflict', `表 ${w.item.number}「${w.item.name}」在导入期间被他人修改，请重新预览后再导入`);
      }
      await replaceProjectContent(existing.id, tablePlan(w.table), tableRows(w.table));
      // One event for the whole overwrite, with the diff from the draft it replaced (what the preview showed).
      await auditProject(who, 'import', existing.id, unit.id, { changes: w.changes, overwrote: { version: existing.version, freshness: w.draft?.freshness.state ?? null } });
      written.push(existing.id);
    }
    await recordImports(written, who.actor.id);
    return { ...plan, unitYearId: unitYear.id, created: count.create, updated: count.update, unchanged: count.unchanged, skipped: count.skip };
  });
}
