import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { listAuditFor } from '@/db/queries/audit';
import type { Actor } from '@/lib/auth/permissions';
import { createTable } from '@/lib/projects/commands/create-table';
import { transitionTable } from '@/lib/projects/commands/transition-table';
import { makeActor, makeUnitYear, seededDatabase } from '@/lib/testing/db';
import { refusal } from '@/lib/testing/refusal';
import { sampleTable } from '@/lib/testing/tables';
import { importStandardLibrary, previewStandardLibrary } from './commands/import-standard';
import { mergeEntries } from './commands/merge-entries';
import { rebuildLibrary } from './commands/rebuild-library';
import { retireEntry } from './commands/retire-entry';
import { searchLibrary } from './search';
import { standardLibraryXlsx } from './standard-xlsx';

let admin: { actor: Actor; ip: string | null };
let owner: { actor: Actor; ip: string | null };

async function approved(who: { actor: Actor; ip: null }, reviewer: Actor, unitYearId: number, code: string, name: string): Promise<number> {
  const table = sampleTable(code);
  table.indicators[0]!.name = name;
  const { projectId, version } = await createTable(who, unitYearId, table);
  const s = await transitionTable(who, 'submit', { projectId, version });
  await transitionTable({ actor: reviewer, ip: null }, 'approve', { projectId, version: s.version });
  return projectId;
}

const find = async (q: string) => (await searchLibrary(null, { q, limit: 50 })).filter((e) => e.level2 === '质量指标');

beforeAll(async () => {
  await seededDatabase();
  const a = await makeUnitYear('320001', 2024);
  const ownerActor = await makeActor('cur-owner', [{ unitId: a.unit.id, role: 'owner' }]);
  const reviewer = await makeActor('cur-reviewer', [{ unitId: a.unit.id, role: 'reviewer' }]);
  owner = { actor: ownerActor, ip: null };
  admin = { actor: await makeActor('cur-admin', [], true), ip: '10.0.0.9' };
  await approved({ actor: ownerActor, ip: null }, reviewer, a.unitYear.id, '32000124P00009810001A', '仲裁案件结案率');
  await approved({ actor: ownerActor, ip: null }, reviewer, a.unitYear.id, '32000124P00009810002A', '仲裁案件结案率');
  await approved({ actor: ownerActor, ip: null }, reviewer, a.unitYear.id, '32000124P00009810003A', '仲裁案件结案比率');
});

describe('curation of the library by administrators', () => {
  it('merges a near-duplicate: uses and values move, the merged one is no longer suggested, and a rebuild keeps it', async () => {
    const [main] = await find('仲裁案件结案率');
    const [dup] = await find('仲裁案件结案比率');
    expect(main).toMatchObject({ name: '仲裁案件结案率', uses: 2 });
    expect(dup).toMatchObject({ name: '仲裁案件结案比率', uses: 1 });
    expect((await refusal(() => mergeEntries(owner, dup!.id, main!.id))).code).toBe('denied');
    expect((await refusal(() => mergeEntries(admin, dup!.id, dup!.id))).code).toBe('invalid');
    expect(await mergeEntries(admin, dup!.id, main!.id)).toEqual({ intoId: main!.id, tables: 1 });
    const after = await find('仲裁案件结案');
    expect(after.map((e) => [e.name, e.uses])).toEqual([['仲裁案件结案率', 3]]);
    expect(after[0]!.values[0]).toEqual({ value: '≥92%', count: 3 });
    await rebuildLibrary();
    expect((await find('仲裁案件结案')).map((e) => [e.name, e.uses])).toEqual([['仲裁案件结案率', 3]]);
    expect((await listAuditFor('library-entry', dup!.id))[0]).toMatchObject({ action: 'merge', username: 'cur-admin' });
  });

  it('retires an entry: never suggested; restoring brings it back', async () => {
    const [entry] = await find('仲裁案件结案率');
    expect((await refusal(() => retireEntry(owner, entry!.id, true))).code).toBe('denied');
    await retireEntry(admin, entry!.id, true);
    expect(await find('仲裁案件结案率')).toEqual([]);
    await rebuildLibrary();
    expect(await find('仲裁案件结案率')).toEqual([]);
    await retireEntry(admin, entry!.id, false);
    expect((await find('仲裁案件结案率')).map((e) => e.name)).toEqual(['仲裁案件结案率']);
    expect((await listAuditFor('library-entry', entry!.id)).map((a) => a.action).sort()).toEqual(['restore', 'retire']);
  });

  it('imports the standard library from XLSX: per-row errors first, then idempotent, and exports the same columns', async () => {
    const sheet = async (rows: string[][]) => {
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('标准指标库');
      ws.addRow(['framework', '一级', '二级', '三级', '指标解释', '计算方法', '取值参考', '计量单位', '指标值确定依据']);
      for (const r of rows) ws.addRow(r);
      return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
    };
    const good = ['cz2015', '产出指标', '质量指标', '标准化结案率', '按期结案的比例', '结案数/受理数×100%', '≥90%', '%', '行业标准'];
    const bad = await sheet([good, ['cz2015', '效益指标', '质量指标', '错放的指标', '', '', '', '', ''], ['cz2015', '产出指标', '质量指标', '无质量指标', '', '', '', '', ''], ['cz9999', '产出指标', '质量指标', 'x', '', '', '', '', ''], ['cz2015', '产出指标', '质量指标', '仲裁案件结案比率', '', '', '', '', '']]);
    const preview = await previewStandardLibrary(admin, bad);
    expect(preview.errors.map((e) => e.row)).toEqual([3, 4, 5, 6]);
    expect(preview.errors[3]!.message).toContain('已合并到另一条指标');
    expect(preview.errors[0]!.message).toContain('应在一级指标“产出指标”下');
    expect(preview.errors[1]!.message).toContain('占位');
    expect(preview.errors[2]!.message).toContain('未知的指标体系');
    expect((await refusal(() => importStandardLibrary(admin, bad))).code).toBe('invalid');
    expect((await refusal(() => previewStandardLibrary(owner, bad))).code).toBe('denied');

    const file = await sheet([good]);
    expect((await previewStandardLibrary(admin, file)).counts).toEqual({ create: 1, update: 0, unchanged: 0 });
    expect(await importStandardLibrary(admin, file)).toEqual({ create: 1, update: 0, unchanged: 0 });
    expect(await importStandardLibrary(admin, file)).toEqual({ create: 0, update: 0, unchanged: 1 });
    const [entry] = await searchLibrary(null, { q: '标准化结案率', isStandardOnly: true });
    expect(entry).toMatchObject({ name: '标准化结案率', standard: true, uses: 0 });

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await standardLibraryXlsx()) as unknown as ExcelJS.Buffer);
    const rows = wb.worksheets[0]!.getSheetValues().slice(1).map((r) => (r as unknown[]).slice(1));
    expect(rows).toEqual([['framework', '一级', '二级', '三级', '指标解释', '计算方法', '取值参考', '计量单位', '指标值确定依据'], good]);
    // The export imports back unchanged.
    const exported = Buffer.from(await standardLibraryXlsx()).toString('base64');
    expect((await previewStandardLibrary(admin, exported)).counts).toEqual({ create: 0, update: 0, unchanged: 1 });
  });
});
