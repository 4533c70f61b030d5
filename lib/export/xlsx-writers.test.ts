/** The two ways a workbook is written (in memory up to IN_MEMORY_TABLES tables, streamed beyond) give the same workbook. */
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { TargetTable } from '@/lib/domain/table';
import { fixtureSection, longTable, TABLE_1, TABLE_13, TABLE_16 } from './fixtures';
import { IN_MEMORY_TABLES, renderXlsx } from './xlsx';

// Sheet 2 is a long table, so page breaks are compared too.
const kinds = [TABLE_1, longTable(60), TABLE_13, TABLE_16];
const tables: TargetTable[] = Array.from({ length: IN_MEMORY_TABLES + 1 }, (_, i) => ({ ...kinds[i % kinds.length]!, code: `C${String(i).padStart(3, '0')}` }));

async function sheetsOf(buf: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb.worksheets.map((ws) => {
    const cells: string[] = [];
    // Empty cells too: an empty string reads back as '' from one writer and as null from the other.
    ws.eachRow((row, r) => row.eachCell({ includeEmpty: true }, (c, col) => cells.push(`${r}:${col}=${String(c.value ?? '')}|${c.font?.bold ?? false}|${c.alignment?.horizontal}|${c.border?.top?.style ?? ''}`)));
    const model = ws.model as unknown as { merges: string[] };
    const setup = { paper: ws.pageSetup.paperSize, fit: ws.pageSetup.fitToWidth, titles: ws.pageSetup.printTitlesRow, header: ws.headerFooter.oddHeader, footer: ws.headerFooter.oddFooter };
    return { name: ws.name, cells, merges: [...model.merges].sort(), heights: ws.getRows(1, ws.rowCount)?.map((r) => r.height), setup };
  });
}

async function zipFacts(buf: Buffer) {
  const zip = await JSZip.loadAsync(buf);
  const sheet = await zip.file('xl/worksheets/sheet2.xml')!.async('string');
  // Manual page breaks (exceljs does not read them back): a long table is split between rows.
  const breaks = [...sheet.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]));
  return { years: new Set(Object.values(zip.files).map((f) => f.date.getUTCFullYear())), isCentred: sheet.includes('<printOptions horizontalCentered="1"/>'), breaks };
}

describe('the in-memory and the streaming writer', () => {
  it('write the same sheets, cell for cell, with the same merges, heights, print titles, stamps and centring', async () => {
    const streamed = await renderXlsx(fixtureSection(tables));
    const inMemory = await renderXlsx(fixtureSection(tables.slice(0, IN_MEMORY_TABLES)));
    const a = await sheetsOf(streamed);
    const b = await sheetsOf(inMemory);
    expect(a).toHaveLength(IN_MEMORY_TABLES + 1);
    expect(a.slice(0, IN_MEMORY_TABLES)).toEqual(b);
    const facts = await zipFacts(inMemory);
    expect(facts).toMatchObject({ years: new Set([1980]), isCentred: true });
    expect(facts.breaks.length).toBeGreaterThan(0);
    expect(await zipFacts(streamed)).toEqual(facts);
  });
});
