import { beforeAll, describe, expect, it } from 'vitest';
import { write } from '@/db/client';
import { listAuditFor } from '@/db/queries/audit';
import { getProject, listProjectsOfUnitYear } from '@/db/queries/projects';
import { findUnitByCode, findUnitYear, updateUnitYear } from '@/db/queries/units';
import { findFrameworkByCode } from '@/db/queries/frameworks';
import { good2021 } from '@/lib/domain/rules/test-fixtures';
import { parsePublished } from '@/lib/format/published/parse';
import { renderDocument } from '@/lib/format/published/render';
import { referenceText } from '@/lib/format/published/testing/reference';
import { makeActor, seededDatabase } from '@/lib/testing/db';
import type { Actor } from '@/lib/auth/permissions';
import { transitionTable } from './commands/transition-table';
import { countFindings, findingsOf } from './findings';
import { applyImport, planImport } from './import';
import { loadTable } from './read';

let admin: Actor;
const reference = referenceText();
const lines = reference.split('\n');
const who = () => ({ actor: admin, ip: null });
/** The reference imported into a unit of its own, so each test starts from the same 23 drafts. */
const freshUnit = async (code: string) => {
  const r = await applyImport(who(), parsePublished(reference), { unitCode: code, year: 2024 });
  return { r, projects: await listProjectsOfUnitYear(r.unitYearId) };
};

beforeAll(async () => {
  await seededDatabase();
  admin = await makeActor('importer', [], true);
});

describe('importing a published document', () => {
  it('creates the unit, the year with its 项目支出, and the 23 tables', async () => {
    const r = await applyImport(who(), parsePublished(reference));
    expect(r).toMatchObject({ created: 23, updated: 0, unchanged: 0, skipped: 0 });
    const unit = (await findUnitByCode('441001'))!;
    const uy = (await findUnitYear(unit.id, 2024))!;
    expect(uy.projectExpenditureYuan).toBe(34_478_700);
    expect((await listProjectsOfUnitYear(uy.id)).map((p) => p.position)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    expect(r.items.filter((i) => i.findings.some((f) => f.severity === 'error'))).toEqual([]);
    expect(r.unitYearFindings).toEqual([]);
    // The stored counts are the ones a save or a recount would store: the table's own findings only.
    for (const p of await listProjectsOfUnitYear(uy.id)) {
      expect([p.errorCount, p.warningCount]).toEqual(Object.values(countFindings(await findingsOf((await loadTable(p.id))!.table, uy))));
    }
    expect(r.items.some((i) => i.findings.some((f) => f.rule === 'identity.name-mismatch'))).toBe(true);
  });

  it('checks what it imports against last year, as a save does (指标值偏低), and stores those counts', async () => {
    await freshUnit('442030');
    const ref = parsePublished(reference);
    const first = ref.projects[0]!;
    const i = first.indicators.findIndex((r) => /^≥\s*\d/.test(r.value));
    expect(i).toBeGreaterThanOrEqual(0);
    const lowered = { ...first, indicators: first.indicators.map((r, k) => (k === i ? { ...r, value: r.value.replace(/\d+(\.\d+)?/, '1') } : r)) };
    const doc = parsePublished(renderDocument({ ...ref, unit: { code: '442030', name: '上年对照单位' }, year: 2025, projects: [{ ...lowered, number: 1 }] }));
    const r = await applyImport(who(), doc);
    expect(r.items[0]!.findings).toContainEqual(expect.objectContaining({ rule: 'value.below-last-year', path: `indicators.${i}.value` }));
    const uy = (await findUnitYear((await findUnitByCode('442030'))!.id, 2025))!;
    const [p] = await listProjectsOfUnitYear(uy.id);
    expect([p!.errorCount, p!.warningCount]).toEqual(Object.values(countFindings(await findingsOf((await loadTable(p!.id))!.table, uy))));
  });

  it('gives a year it creates the framework the document follows (2021 when cost is a level-1 section)', async () => {
    const ref = parsePublished(reference);
    const doc = parsePublished(renderDocument({ ...ref, unit: { code: '442021', name: '二〇二一版单位' }, year: 2025, projects: [{ ...good2021(), number: 1 }] }));
    expect(doc.projects).toHaveLength(1);
    await applyImport(who(), doc);
    const unitYear = (await findUnitYear((await findUnitByCode('442021'))!.id, 2025))!;
    expect(unitYear.frameworkId).toBe((await findFrameworkByCode('cz2021'))!.id);
    // The reference follows the 2015 framework.
    await applyImport(who(), parsePublished(reference), { unitCode: '442015', year: 2024 });
    expect((await findUnitYear((await findUnitByCode('442015'))!.id, 2024))!.frameworkId).toBe((await findFrameworkByCode('cz2015'))!.id);
  });

  it('refuses an owner a budget year that is not set up yet; an administrator may create it', async () => {
    const unit = (await findUnitByCode('441001'))!;
    const owner = await makeActor('owner-new-year', [{ unitId: unit.id, role: 'owner' }]);
    await expect(planImport(owner, parsePublished(reference), { year: 2031 })).rejects.toThrow(/尚未设立 2031 年度/);
    expect(await findUnitYear(unit.id, 2031)).toBeUndefined();
    expect(await planImport(admin, parsePublished(reference), { year: 2031 })).toMatchObject({ unitYearExists: false, year: 2031 });
    expect(await planImport(owner, parsePublished(reference))).toMatchObject({ unitYearExists: true, year: 2024 });
  });

  it('previews the same document again as 无变化 everywhere, and importing it changes nothing', async () => {
    const plan = await planImport(admin, parsePublished(reference));
    expect(plan.items.map((i) => i.action)).toEqual(Array(23).fill('unchanged'));
    const r = await applyImport(who(), parsePublished(reference));
    expect(r).toMatchObject({ created: 0, updated: 0, unchanged: 23, skipped: 0 });
    expect(await listProjectsOfUnitYear(r.unitYearId)).toHaveLength(23);
  });

  it('updates drafts in place, keeping row keys, and never overwrites a table past draft', async () => {
    const doc = parsePublished(reference);
    const uy = (await findUnitYear((await findUnitByCode('441001'))!.id, 2024))!;
    const [first, second] = await listProjectsOfUnitYear(uy.id);
    const keysBefore = (await loadTable(first!.id))!.table.indicators.map((r) => r.key);
    const owner = await makeActor('owner-import', [{ unitId: uy.unitId, role: 'owner' }]);
    await transitionTable({ actor: owner, ip: null }, 'submit', { projectId: second!.id, version: second!.version });
    doc.projects[0]!.indicators[1]!.value = '≤320 件';
    doc.projects[0]!.indicators[1]!.target = { kind: 'quantity', op: '<=', number: 320, unit: '件' };
    doc.projects[1]!.name = '被改掉的名称';
    const plan = await planImport(admin, doc);
    expect(plan.items[0]).toMatchObject({ action: 'update' });
    expect(plan.items[1]).toMatchObject({ action: 'skip', reason: expect.stringContaining('已提交') });
    // Overwriting a draft is confirmed table by table (issue 19 item 6; import-over-draft.test.ts).
    const r = await applyImport(who(), doc, { overwrite: 'all' });
    expect(r).toMatchObject({ created: 0, updated: 1, unchanged: 21, skipped: 1 });
    expect((await loadTable(first!.id))!.table.indicators[1]!.value).toBe('≤320 件');
    expect((await loadTable(first!.id))!.table.indicators.map((r) => r.key)).toEqual(keysBefore);
    expect((await getProject(second!.id))!.name).not.toBe('被改掉的名称');
  });

  it('leaves a returned table alone: only drafts are updated', async () => {
    const { projects } = await freshUnit('R00001');
    const p = projects[0]!;
    const owner = await makeActor('owner-returned', [{ unitId: (await findUnitByCode('R00001'))!.id, role: 'owner' }]);
    const reviewer = await makeActor('reviewer-returned', [{ unitId: (await findUnitByCode('R00001'))!.id, role: 'reviewer' }]);
    const submitted = await transitionTable({ actor: owner, ip: null }, 'submit', { projectId: p.id, version: p.version });
    await transitionTable({ actor: reviewer, ip: null }, 'return', { projectId: p.id, version: submitted.version, reason: '请补充' });
    const doc = parsePublished(reference);
    doc.projects[0]!.purpose = '导入时改写的用途';
    const r = await applyImport(who(), doc, { unitCode: 'R00001', year: 2024 });
    expect(r.items[0]).toMatchObject({ action: 'skip', reason: expect.stringContaining('已退回') });
    expect((await getProject(p.id))!.status).toBe('returned');
    expect((await loadTable(p.id))!.table.purpose).not.toBe('导入时改写的用途');
  });

  it('does not overwrite a stored draft with a truncated table unless forced', async () => {
    const { projects } = await freshUnit('T00001');
    const t14 = projects.find((p) => p.position === 14)!;
    const cut = parsePublished(lines.slice(0, 775).join('\n'));
    const plan = await planImport(admin, cut, { unitCode: 'T00001', year: 2024 });
    const item = plan.items.find((i) => i.number === 14)!;
    expect(item).toMatchObject({ action: 'skip', rows: 2, reason: expect.stringContaining('表可能不完整') });
    expect(item.problems.join('')).toContain('第 775 行');
    expect(plan.items.slice(0, 13).every((i) => i.action === 'unchanged')).toBe(true);
    await applyImport(who(), cut, { unitCode: 'T00001', year: 2024 });
    expect((await loadTable(t14.id))!.table.indicators).toHaveLength(9);
    const forced = await applyImport(who(), cut, { unitCode: 'T00001', year: 2024, force: true, overwrite: 'all' });
    expect(forced.items.find((i) => i.number === 14)).toMatchObject({ action: 'update', reason: expect.stringContaining('强制') });
    expect((await loadTable(t14.id))!.table.indicators).toHaveLength(2);
  });

  it('imports only the first of two tables with the same code', async () => {
    const at = lines.findIndex((l) => l.includes('13080024P00010210002Y'));
    const twice = [...lines];
    twice[at] = twice[at]!.replace('13080024P00010210002Y', '13080024P00009810002A');
    const doc = parsePublished(twice.join('\n'));
    const plan = await planImport(admin, doc, { unitCode: 'D00001', year: 2024 });
    expect(plan.items[0]).toMatchObject({ action: 'create' });
    expect(plan.items[13]).toMatchObject({ action: 'skip', reason: expect.stringContaining('与表 1') });
    const r = await applyImport(who(), doc, { unitCode: 'D00001', year: 2024 });
    expect(r).toMatchObject({ created: 22, skipped: 1 });
    const first = (await listProjectsOfUnitYear(r.unitYearId)).find((p) => p.code === '13080024P00009810002A')!;
    expect(first.name).toBe('2024 调解仲裁和信访慰问业务经费');
  });

  it('never changes a stored 项目支出 that differs, says so, and audits setting a missing one', async () => {
    const { r } = await freshUnit('E00001');
    const doc = parsePublished(reference);
    doc.projectExpenditure = '3000.00';
    const plan = await planImport(admin, doc, { unitCode: 'E00001', year: 2024 });
    expect(plan.projectExpenditure).toMatchObject({ outcome: 'kept', stored: '3447.87', message: expect.stringContaining('3000.00') });
    await applyImport(who(), doc, { unitCode: 'E00001', year: 2024 });
    expect((await findUnitYear((await findUnitByCode('E00001'))!.id, 2024))!.projectExpenditureYuan).toBe(34_478_700);

    await write(() => updateUnitYear(r.unitYearId, { projectExpenditureYuan: null }));
    expect((await planImport(admin, parsePublished(reference), { unitCode: 'E00001', year: 2024 })).projectExpenditure.outcome).toBe('set');
    await applyImport(who(), parsePublished(reference), { unitCode: 'E00001', year: 2024 });
    expect((await findUnitYear((await findUnitByCode('E00001'))!.id, 2024))!.projectExpenditureYuan).toBe(34_478_700);
    expect((await listAuditFor('unit-year', r.unitYearId)).map((a) => a.action)).toEqual(['create', 'update']);
  });

  it('reports the unit-year rules per table: names that disagree, and the sum against 项目支出', async () => {
    const doc = parsePublished(reference);
    const plan = await planImport(admin, doc, { unitCode: 'N00001', year: 2024 });
    // Table 1's title says 信访慰问, the budget narrative 信访维稳.
    expect(plan.items[0]!.findings.some((f) => f.rule === 'identity.name-mismatch' && f.message.includes('信访维稳'))).toBe(true);
    doc.projects.pop();
    const short = await planImport(admin, doc, { unitCode: 'N00001', year: 2024 });
    expect(short.unitYearFindings).toEqual([expect.objectContaining({ rule: 'money.project-expenditure-mismatch', severity: 'error' })]);
  });

  it('creates and audits a new unit named as the document names it, even with --unit', async () => {
    const r = await applyImport(who(), parsePublished(reference), { unitCode: 'U00001', year: 2024 });
    const unit = (await findUnitByCode('U00001'))!;
    expect(unit.name).toBe('承德市人力资源和社会保障局本级');
    expect(r.unit.name).toBe('承德市人力资源和社会保障局本级');
    expect(await listAuditFor('unit', unit.id)).toEqual([expect.objectContaining({ action: 'create', userId: admin.id })]);
  });

  it('skips a table whose cells exceed the limits, saying why', async () => {
    const doc = parsePublished(reference);
    doc.projects[2]!.indicators[0]!.description = '长'.repeat(600);
    const plan = await planImport(admin, doc);
    expect(plan.items[2]).toMatchObject({ action: 'skip', reason: expect.stringContaining('不能超过 500 字') });
  });

  it('refuses someone who may not import into the unit', async () => {
    const reviewer = await makeActor('reviewer-import', [{ unitId: (await findUnitByCode('441001'))!.id, role: 'reviewer' }]);
    await expect(planImport(reviewer, parsePublished(reference))).rejects.toThrow(/没有权限/);
  });
});
