/** Importing other layouts (XLSX, DOCX, web pages): codes for tables without one, corrections carried, refusals kept out. */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listProjectsOfUnitYear } from '@/db/queries/projects';
import { findUnitByCode } from '@/db/queries/units';
import type { Actor } from '@/lib/auth/permissions';
import { tableSchema } from '@/lib/domain/schemas';
import { toInterchange } from '@/lib/format/published/interchange';
import { makeActor, seededDatabase } from '@/lib/testing/db';
import { saveTable } from './commands/save-table';
import { applyImport, planImport } from './import';
import { readForImport, type Corrections } from './import-reading';
import { loadTable } from './read';

const GENERATED = path.join(__dirname, '..', 'format', 'layouts', 'samples', 'generated');
const XLSX = fs.readFileSync(path.join(GENERATED, 'two-tables-merged.xlsx'));
const DOCX = fs.readFileSync(path.join(GENERATED, 'traditional-midterm-vmerge.docx'));
const none: Corrections = { overrides: {}, codes: {} };

let admin: Actor;
const who = () => ({ actor: admin, ip: null });

/** A table as stored, without the row keys the database gives it, to compare with what was read. */
async function stored(unitYearId: number) {
  const out = [];
  for (const p of await listProjectsOfUnitYear(unitYearId)) {
    const t = (await loadTable(p.id))!.table;
    out.push({ ...t, indicators: t.indicators.map(({ key: _key, ...r }) => r) });
  }
  return out;
}

beforeAll(async () => {
  await seededDatabase();
  admin = await makeActor('layout-importer', [], true);
});

describe('importing an XLSX 申报表', () => {
  it('a table without a code is skipped until one is given; with it both tables are imported as read', async () => {
    const first = await readForImport(XLSX, { fileName: '申报表.xlsx', corrections: none });
    expect(first.reading.format).toBe('xlsx');
    const plan = await planImport(admin, first.doc, { unitCode: '450001', year: 2024 });
    expect(plan.items.map((i) => [i.code, i.action])).toEqual([
      ['13080024P00049910001B', 'create'],
      ['', 'skip'],
    ]);
    expect(plan.items[1]!.reason).toContain('没有项目编码');
    expect(plan.items[1]!.problems).toEqual([expect.stringContaining('表中没有项目编码')]);

    const coded = await readForImport(XLSX, { fileName: '申报表.xlsx', corrections: { overrides: {}, codes: { '1': 'YY-2022-01' } } });
    const again = await planImport(admin, coded.doc, { unitCode: '450001', year: 2024 });
    // The given code takes the "no code" problem with it: the table imports like any other.
    expect(again.items.map((i) => [i.code, i.action, i.problems.length])).toEqual([
      ['13080024P00049910001B', 'create', 0],
      ['YY-2022-01', 'create', 0],
    ]);
    const r = await applyImport(who(), coded.doc, { unitCode: '450001', year: 2024 });
    expect(r).toMatchObject({ created: 2, skipped: 0 });
    const tables = await stored(r.unitYearId);
    expect(tables.map((t) => [t.code, t.budget.total, t.amountUnit])).toEqual([
      ['13080024P00049910001B', '200.00', '万元'],
      ['YY-2022-01', '854.00', '元'],
    ]);
    // Stored exactly as the preview's reading: every row, every value.
    expect(tables[1]!.indicators).toEqual(coded.doc.projects[1]!.indicators);
  });

  it('a code that is not a project code is refused beside its table', async () => {
    const { correctionsSchema } = await import('./import-reading');
    const r = correctionsSchema.safeParse({ codes: { '1': 'A B' } });
    expect(r.success).toBe(false);
    expect(r.error!.issues[0]).toMatchObject({ path: ['codes', '1'], message: '项目编码只能包含字母、数字和连字符' });
  });
});

describe('importing a DOCX with 中期 and 年度 values', () => {
  const opts = { unitCode: '450002', year: 2024 };
  const codes = { '0': 'DOCX-01' };

  it('the long-term values survive import → edit → export JSON', async () => {
    const { doc } = await readForImport(DOCX, { fileName: 'a.docx', corrections: { overrides: {}, codes } });
    const r = await applyImport(who(), doc, opts);
    expect(r.created).toBe(1);
    const project = (await listProjectsOfUnitYear(r.unitYearId))[0]!;
    const loaded = (await loadTable(project.id))!.table;
    expect(loaded.indicators.map((x) => x.longtermValue)).toEqual(doc.projects[0]!.indicators.map((x) => x.longtermValue));
    expect(loaded.indicators.some((x) => x.longtermValue)).toBe(true);
    expect(loaded.amountUnit).toBe('万元');
    // An edit by the unit's owner, through the editor's schema, keeps them.
    const owner = await makeActor('layout-owner', [{ unitId: (await findUnitByCode('450002'))!.id, role: 'owner' }]);
    const edited = { ...loaded, name: `${loaded.name}（修改）` };
    await saveTable({ actor: owner, ip: null }, project.id, project.version, tableSchema.parse(edited));
    const after = (await loadTable(project.id))!.table;
    expect(after.name).toMatch(/（修改）$/);
    expect(after.indicators.map((x) => x.longtermValue)).toEqual(loaded.indicators.map((x) => x.longtermValue));
    const json = toInterchange({ unit: null, year: 2024, projectExpenditure: null, projects: [{ ...after, number: 1 }], mentions: [], problems: [] } as never) as { projects: { amountUnit?: string; indicators: { longtermValue?: string }[] }[] };
    expect(json.projects[0]!.amountUnit).toBe('万元');
    expect(json.projects[0]!.indicators.map((x) => x.longtermValue)).toEqual(loaded.indicators.map((x) => x.longtermValue));
  });

  it('a corrected column meaning is carried: preview and apply read the same, and the store holds the preview', async () => {
    // The preview's user says the 中期 column (4th) is not to be read.
    const corrections: Corrections = { overrides: { '0': { columns: { '3': 'ignored' }, amountUnit: '元' } }, codes: { '0': 'DOCX-02' } };
    const preview = await readForImport(DOCX, { fileName: 'a.docx', corrections });
    expect(preview.reading.recognitions[0]!.columns[3]).toMatchObject({ text: '第 4 列 → 不读取', isOverridden: true });
    const plan = await planImport(admin, preview.doc, opts);
    const apply = await readForImport(DOCX, { fileName: 'a.docx', corrections });
    expect(apply.doc).toEqual(preview.doc);
    const r = await applyImport(who(), apply.doc, opts);
    expect(r.items.map((i) => [i.code, i.action, i.total, i.rows])).toEqual(plan.items.filter((i) => i.code === 'DOCX-02').map((i) => [i.code, i.action, i.total, i.rows]));
    const t = (await stored(r.unitYearId)).find((x) => x.code === 'DOCX-02')!;
    expect(t.indicators.every((x) => x.longtermValue === undefined)).toBe(true);
    expect(t.amountUnit).toBe('元');
    // The user's 元 wins over the label's 萬元: the number is read as 元, as the preview showed it.
    expect(t.budget.total).toBe(preview.doc.projects[0]!.budget.total);
    expect(t.budget.total).not.toBe((await readForImport(DOCX, { fileName: 'a.docx', corrections: none })).doc.projects[0]!.budget.total);
  });
});

describe('tables that are not targets', () => {
  const selfEvaluation = `<html><body>
<h3>项目支出绩效自评表</h3>
<table><tr><td>项目名称</td><td>自评项目</td></tr><tr><td>项目编码</td><td>SELF-01</td></tr></table>
<table><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>年度指标值</th><th>实际完成值</th><th>得分</th></tr>
<tr><td>产出指标</td><td>数量指标</td><td>培训人次</td><td>≥100人次</td><td>120人次</td><td>10</td></tr></table>
<h3>项目支出绩效目标申报表</h3>
<table><tr><td>项目名称</td><td>目标项目</td></tr><tr><td>项目编码</td><td>GOAL-01</td></tr><tr><td>年度资金总额（万元）</td><td>10</td></tr></table>
<table><tr><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>指标值</th></tr>
<tr><td>产出指标</td><td>数量指标</td><td>培训人次</td><td>≥100人次</td></tr></table>
</body></html>`;

  it('a 自评表 beside a target table is never imported, whatever code is given for it', async () => {
    const { doc, reading } = await readForImport(Buffer.from(selfEvaluation), { fileName: 'page.html', corrections: { overrides: {}, codes: { '0': 'SELF-02' } } });
    expect(reading.recognitions.map((x) => x.kind)).toEqual(['self-evaluation', 'targets']);
    expect(doc.problems.filter((p) => p.isTableSkipped).map((p) => p.message)).toEqual([expect.stringContaining('自评表')]);
    const r = await applyImport(who(), doc, { unitCode: '450003', year: 2024 });
    expect(r.items.map((i) => i.code)).toEqual(['GOAL-01']);
    expect((await listProjectsOfUnitYear(r.unitYearId)).map((p) => p.code)).toEqual(['GOAL-01']);
  });
});
