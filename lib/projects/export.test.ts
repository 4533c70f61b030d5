/**
 * Exporting the demo unit-year from the database: the XLSX reads back as the database's tables cell for
 * cell with the expected merges, the PDF carries every cell, the published text parses back to the
 * database's tables, every format numbers and marks the tables alike; and a database restored from a
 * backup exports the same bytes.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useDatabase, write } from '@/db/client';
import { backupTo, checkDatabaseFile, replaceDatabaseFile } from '@/db/queries/maintenance';
import { getProject, updateProjectStatus } from '@/db/queries/projects';
import { displayedText } from '@/lib/export/testing';
import { toInterchange, type Interchange } from '@/lib/format/published/interchange';
import { parsePublished } from '@/lib/format/published/parse';
import { logicalTables } from '@/lib/format/published/testing/cells';
import { referenceText } from '@/lib/format/published/testing/reference';
import { tableLayout } from '@/lib/format/table-layout';
import { loadDemo } from '@/lib/setup/demo';
import { freshDatabase, isPostgresRun } from '@/lib/testing/db';
import { exportSection, type ExportFormat } from './export';
import { sectionById, sectionTables, type Section } from './section';

let dbFile = '';
let section: Section;

async function bytes(format: ExportFormat, s: Section = section, includeCover = true): Promise<Buffer> {
  return buffer(exportSection(s, format, { includeCover }).body);
}

function pdfToText(buf: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pt-exp-')), 's.pdf');
  fs.writeFileSync(file, buf);
  return execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
}

/** The table titles a document prints, in order, with their number and draft mark, in every format. */
async function titles(s: Section): Promise<Record<ExportFormat, string[]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await bytes('xlsx', s, false)) as unknown as ArrayBuffer);
  const text = (await bytes('text', s, false)).toString('utf8');
  const json = JSON.parse((await bytes('json', s, false)).toString('utf8')) as Interchange;
  const sectionTitle = s.entries.length > 1 ? 1 : 0;
  return {
    xlsx: wb.worksheets.map((ws, i) => String(ws.getCell(1 + (i === 0 ? sectionTitle : 0), 1).value)),
    pdf: [...pdfToText(await bytes('pdf', s, false)).matchAll(/^\d+、.*绩效目标表(?:（草稿）)?$/gm)].map((m) => m[0]),
    // The text marks a draft on the line after its title (a title must end in 绩效目标表 to be read back).
    text: [...text.matchAll(/^## (\d+、.*绩效目标表)\n\n(【草稿】)?/gm)].map((m) => `${m[1]}${m[2] ? '（草稿）' : ''}`),
    json: json.projects.map((p) => `${p.number}、${p.name}绩效目标表${p.draft ? '（草稿）' : ''}`),
  };
}

beforeAll(async () => {
  dbFile = await freshDatabase();
  await loadDemo();
  section = (await sectionById(1, { includeDrafts: true }))!;
}, 60_000);

describe('exporting the demo unit-year', () => {
  it('has all 23 tables, drafts marked', async () => {
    expect(section.entries).toHaveLength(23);
    expect(section.entries.filter((t) => t.isDraft).map((t) => t.number)).toEqual([1, 2, 3, 4, 5]);
  });

  it('numbers and marks the tables alike in XLSX, PDF, text and JSON', async () => {
    const expected = section.entries.map((e) => `${e.number}、${e.name}绩效目标表${e.isDraft ? '（草稿）' : ''}`);
    const got = await titles(section);
    for (const f of ['xlsx', 'pdf', 'text', 'json'] as const) expect(got[f], f).toEqual(expected);
  });

  it('gives an approved table the same number in the staff download, the public download and the page', async () => {
    const published = (await sectionById(1, { includeDrafts: false }))!;
    const first = published.entries[0]!;
    // Table 6 of the whole unit-year is the first approved one: 1、 wherever it is printed alone.
    expect(section.entries.find((e) => e.code === first.code)!.number).toBe(6);
    expect(first.number).toBe(1);
    const staff = (await sectionById(1, { includeDrafts: true, projectCode: first.code }))!;
    const pub = (await sectionById(1, { includeDrafts: false, projectCode: first.code }))!;
    expect((await sectionTables(published))[0]!.number).toBe(1);
    for (const one of [staff, pub]) {
      const got = await titles(one);
      for (const f of ['xlsx', 'pdf', 'text', 'json'] as const) expect(got[f], f).toEqual([`1、${first.name}绩效目标表`]);
    }
    // A draft is printed as part of the full section, and only when drafts are asked for.
    const draft = section.entries[2]!;
    expect((await sectionById(1, { includeDrafts: true, projectCode: draft.code }))!.entries).toMatchObject([{ number: 3, isDraft: true }]);
    expect((await sectionById(1, { includeDrafts: false, projectCode: draft.code }))!.entries).toEqual([]);
  });

  it('lists the cover in the text and the JSON, with a total equal to 项目支出', async () => {
    const text = (await bytes('text')).toString('utf8');
    const head = text.slice(0, text.indexOf('## 1、'));
    expect(head).toContain('项目清单（单位：万元）');
    for (const e of section.entries) expect(head).toContain(`${e.number}\t${e.code}\t${e.name}${e.isDraft ? '（草稿）' : ''}\t${e.total}`);
    expect(head).toMatch(/\t合计\t3447\.87\n\t\t单位项目支出\t3447\.87\n\t\t差额（合计 − 项目支出）\t0\.00/);
    const json = JSON.parse((await bytes('json')).toString('utf8')) as Interchange;
    expect(json.cover).toMatchObject({ total: '3447.87', projectExpenditure: '3447.87', difference: '0.00' });
    expect(json.cover!.projects.map((p) => [p.number, p.code, p.draft])).toEqual(section.entries.map((e) => [e.number, e.code, e.isDraft]));
    expect(JSON.parse((await bytes('json', section, false)).toString('utf8'))).not.toHaveProperty('cover');
  });

  it('streams the JSON laid out exactly as the whole document would be', async () => {
    const streamed = (await bytes('json')).toString('utf8');
    expect(streamed).toBe(JSON.stringify(JSON.parse(streamed), null, 2));
  });

  it('XLSX reads back as the database, cell for cell, with the merges', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await bytes('xlsx')) as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.name).toBe('项目清单');
    (await sectionTables(section)).forEach((t, i) => {
      const ws = wb.worksheets[i + 1]!;
      expect(ws.getCell(1, 1).value).toBe(`${t.number}、${t.table.name}绩效目标表${t.isDraft ? '（草稿）' : ''}`);
      const merges = (ws.model as unknown as { merges: string[] }).merges;
      tableLayout(t.table).forEach((row, r) => {
        for (const c of row.cells) {
          expect(displayedText(ws.getCell(3 + r, c.col)), `表 ${t.number}`).toBe(c.text);
          if (c.rowSpan > 1 || c.colSpan > 1) {
            expect(merges).toContain(`${ws.getCell(3 + r, c.col).address}:${ws.getCell(3 + r + c.rowSpan - 1, c.col + c.colSpan - 1).address}`);
          }
        }
      });
    });
  });

  it('XLSX indicator rows equal the reference document’s own, read without the layout code', async () => {
    // logicalTables reads the raw published text on its own (lib/format/published/testing/cells.ts):
    // the export is checked against the source document, not against the layout it was drawn from.
    const reference = logicalTables(referenceText());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await bytes('xlsx', section, false)) as unknown as ArrayBuffer);
    const squash = (v: unknown) => String(v ?? '').replace(/\s+/g, '').replace(/（/g, '(').replace(/）/g, ')');
    let rows = 0;
    wb.worksheets.forEach((ws, i) => {
      const expected = reference[i]!;
      let head = 0;
      ws.eachRow((row, n) => {
        if (!head && squash(row.getCell(1).value) === '一级指标') head = n;
      });
      expect(head, ws.name).toBeGreaterThan(0);
      const got: string[][] = [];
      // Seven grid columns as printed: 绩效指标描述 spans the fourth and fifth.
      for (let r = head + 1; r <= ws.rowCount; r++) {
        expect(ws.getCell(r, 5).isMerged && ws.getCell(r, 5).master.address).toBe(ws.getCell(r, 4).address);
        got.push([1, 2, 3, 4, 6, 7].map((c) => squash(ws.getCell(r, c).value)));
      }
      expect(got, `表 ${i + 1}`).toEqual(expected.rows);
      rows += got.length;
    });
    expect(rows).toBe(212);
  });

  it('PDF contains every cell of every table', async () => {
    const text = pdfToText(await bytes('pdf')).replace(/\s+/g, '');
    for (const t of await sectionTables(section)) {
      for (const r of t.table.indicators) for (const cell of [r.level1, r.level2, r.name, r.description, r.value, r.basis]) expect(text).toContain(cell.replace(/\s+/g, ''));
      for (const cell of [t.table.code, t.table.name, t.table.purpose, t.table.goal]) expect(text).toContain(cell.replace(/\s+/g, ''));
    }
  });

  it('published text parses back to the database’s tables', async () => {
    const parsed = parsePublished((await bytes('text')).toString('utf8'));
    expect(parsed.problems).toEqual([]);
    const tables = await sectionTables(section);
    // The parser reads the numbers back; the draft marks are for readers (it takes a text as published).
    const fromDb = toInterchange({ ...section, projects: tables.map((t) => ({ ...t.table, number: t.number })), problems: [] });
    expect(toInterchange(parsed)).toEqual(fromDb);
  });

  // SQLite's file backup and restore; PostgreSQL is backed up with pg_dump, outside the app.
  it.skipIf(isPostgresRun())('a restored backup exports byte-identical documents', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-backup-'));
    const before = { xlsx: await bytes('xlsx'), pdf: await bytes('pdf'), text: await bytes('text'), json: await bytes('json') };
    await backupTo(path.join(dir, 'backup.db'));
    expect(checkDatabaseFile(path.join(dir, 'backup.db'))).toMatchObject({ ok: true, projects: 23 });
    replaceDatabaseFile(path.join(dir, 'backup.db'), path.join(dir, 'restored.db'));
    await useDatabase(path.join(dir, 'restored.db'));
    const restored = (await sectionById(1, { includeDrafts: true }))!;
    for (const f of ['xlsx', 'pdf', 'text', 'json'] as const) expect((await bytes(f, restored)).equals(before[f]), f).toBe(true);
    await useDatabase(dbFile);
  });

  it('stops instead of mixing versions when a table changes while it is exported', async () => {
    const s = (await sectionById(1, { includeDrafts: false }))!;
    const p = (await getProject(s.entries[3]!.projectId))!;
    await write(() => updateProjectStatus(p.id, { status: 'approved', version: p.version }, 'returned', 1));
    for (const f of ['text', 'pdf', 'xlsx'] as const) await expect(bytes(f, s), f).rejects.toThrow(/导出期间表 4「.*」被修改或删除，请重新导出/);
  });

  it('a file that is not one of our databases is refused before restoring', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-badbackup-'));
    fs.writeFileSync(path.join(dir, 'junk.db'), 'not a database');
    expect(checkDatabaseFile(path.join(dir, 'junk.db')).ok).toBe(false);
    expect(checkDatabaseFile(path.join(dir, 'missing.db'))).toMatchObject({ ok: false, message: expect.stringContaining('不存在') });
  });
});
