/**
 * Exporting the demo unit-year from the database: the XLSX reads back as the database's tables cell for
 * cell with the expected merges, the PDF carries every cell, the published text parses back to the
 * database's tables; and a database restored from a backup exports the same bytes.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buffer } from 'node:stream/consumers';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { useDatabase } from '@/db/client';
import { backupTo, checkDatabaseFile, replaceDatabaseFile } from '@/db/queries/maintenance';
import { toInterchange } from '@/lib/format/published/interchange';
import { parsePublished } from '@/lib/format/published/parse';
import { tableLayout } from '@/lib/format/table-layout';
import { loadDemo } from '@/lib/setup/demo';
import { freshDatabase } from '@/lib/testing/db';
import { exportSection, type ExportFormat } from './export';
import { sectionById, type Section } from './section';

let dbFile = '';
let section: Section;

async function bytes(format: ExportFormat, s: Section = section): Promise<Buffer> {
  return buffer((await exportSection(s, format, { includeCover: true })).body);
}

beforeAll(async () => {
  dbFile = freshDatabase();
  await loadDemo();
  section = sectionById(1, { includeDrafts: true })!;
}, 60_000);

describe('exporting the demo unit-year', () => {
  it('has all 23 tables, drafts marked', () => {
    expect(section.tables).toHaveLength(23);
    expect(section.tables.filter((t) => t.isDraft).map((t) => t.number)).toEqual([1, 2, 3, 4, 5]);
  });

  it('XLSX reads back as the database, cell for cell, with the merges', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await bytes('xlsx')) as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.name).toBe('项目清单');
    section.tables.forEach((t, i) => {
      const ws = wb.worksheets[i + 1]!;
      expect(ws.getCell(1, 1).value).toBe(`${t.number}、${t.table.name}绩效目标表${t.isDraft ? '（草稿）' : ''}`);
      const merges = (ws.model as unknown as { merges: string[] }).merges;
      tableLayout(t.table).forEach((row, r) => {
        for (const c of row.cells) {
          expect(ws.getCell(3 + r, c.col).value ?? '', `表 ${t.number}`).toBe(c.text);
          if (c.rowSpan > 1 || c.colSpan > 1) {
            expect(merges).toContain(`${ws.getCell(3 + r, c.col).address}:${ws.getCell(3 + r + c.rowSpan - 1, c.col + c.colSpan - 1).address}`);
          }
        }
      });
    });
  });

  it('PDF contains every cell of every table', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pt-exp-')), 's.pdf');
    fs.writeFileSync(file, await bytes('pdf'));
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const t of section.tables) {
      for (const r of t.table.indicators) for (const cell of [r.level1, r.level2, r.name, r.description, r.value, r.basis]) expect(text).toContain(cell.replace(/\s+/g, ''));
      for (const cell of [t.table.code, t.table.name, t.table.purpose, t.table.goal]) expect(text).toContain(cell.replace(/\s+/g, ''));
    }
  });

  it('published text parses back to the database’s tables', async () => {
    const parsed = parsePublished((await bytes('text')).toString('utf8'));
    expect(parsed.problems).toEqual([]);
    const fromDb = toInterchange({ unit: section.unit, year: section.year, projectExpenditure: section.projectExpenditure, projects: section.tables.map((t) => t.table), problems: [] });
    expect(toInterchange(parsed)).toEqual(fromDb);
  });

  it('a restored backup exports byte-identical documents', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-backup-'));
    const before = { xlsx: await bytes('xlsx'), pdf: await bytes('pdf'), text: await bytes('text'), json: await bytes('json') };
    await backupTo(path.join(dir, 'backup.db'));
    expect(checkDatabaseFile(path.join(dir, 'backup.db'))).toMatchObject({ ok: true, projects: 23 });
    replaceDatabaseFile(path.join(dir, 'backup.db'), path.join(dir, 'restored.db'));
    useDatabase(path.join(dir, 'restored.db'));
    const restored = sectionById(1, { includeDrafts: true })!;
    for (const f of ['xlsx', 'pdf', 'text', 'json'] as const) expect((await bytes(f, restored)).equals(before[f]), f).toBe(true);
    useDatabase(dbFile);
  });

  it('a file that is not one of our databases is refused before restoring', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-badbackup-'));
    fs.writeFileSync(path.join(dir, 'junk.db'), 'not a database');
    expect(checkDatabaseFile(path.join(dir, 'junk.db')).ok).toBe(false);
    expect(checkDatabaseFile(path.join(dir, 'missing.db'))).toMatchObject({ ok: false, message: expect.stringContaining('不存在') });
  });
});
