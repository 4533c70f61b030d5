/** Export timings in process, beside the floor of writing the same cells with exceljs directly. */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { renderPdf } from '@/lib/export/pdf';
import { renderXlsx } from '@/lib/export/xlsx';
import type { TargetTable } from '@/lib/domain/table';
import { parsePublished } from '@/lib/format/published/parse';
import { tableLayout } from '@/lib/format/table-layout';
import { percentile, time, type Timing } from './stats';

const REFERENCE = 'lib/demo/reference-441001-2024.txt';

function section(tables: TargetTable[]) {
  return {
    unit: { code: '441001', name: '承德市人力资源和社会保障局本级' },
    year: 2024,
    projectExpenditure: '3447.87',
    tables: tables.map((table, i) => ({ number: i + 1, table, isDraft: false })),
    includeCover: false,
    asOf: new Date(Date.UTC(2024, 0, 15)),
  };
}

const FLOOR_BORDER: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
/** One style object for every cell, as exceljs is best used: it looks a seen style object up by identity. */
const FLOOR_STYLE: Partial<ExcelJS.Style> = { font: { name: '宋体', size: 10 }, alignment: { vertical: 'middle', wrapText: true }, border: FLOOR_BORDER };

/**
 * The floor: the same cells (values, merges, font, borders, wrapping) written with exceljs directly into
 * an in-memory workbook, with one shared style object — what the library costs for this output without
 * any of our code around it.
 * The cell positions are computed before timing starts.
 */
export function floorCells(tables: TargetTable[]) {
  return tables.map((t, i) => ({ name: `${i + 1}`, title: `${i + 1}、${t.name}绩效目标表`, rows: tableLayout(t) }));
}

export async function rawExcel(sheets: ReturnType<typeof floorCells>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    ws.getCell(1, 1).value = sheet.title;
    ws.mergeCells(1, 1, 1, 7);
    sheet.rows.forEach((row, r) => {
      for (const c of row.cells) {
        const cell = ws.getCell(r + 3, c.col);
        cell.value = c.text;
        cell.style = FLOOR_STYLE;
        if (c.colSpan > 1 || c.rowSpan > 1) ws.mergeCells(r + 3, c.col, r + 3 + c.rowSpan - 1, c.col + c.colSpan - 1);
      }
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** A large export in its own process, so the peak memory measured is that export's alone. */
function exportInChild(tables: number, format: 'xlsx' | 'pdf'): { ms: number; peakRssMb: number } {
  const out = execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/bench/export-one.ts', '--tables', String(tables), '--format', format], {
    encoding: 'utf8',
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as { ms: number; peakRssMb: number };
}

function timing(samples: number[]): Timing {
  const s = [...samples].sort((x, y) => x - y);
  return { runs: s.length, p50: percentile(s, 50), p95: percentile(s, 95), min: s[0]!, max: s[s.length - 1]! };
}

export type ExportBench = { xlsx23: Timing; floor23: Timing; pdf23: Timing; large: { tables: number; xlsxMs: number; pdfMs: number; peakRssMb: number }[] };

/** `large`: also 250/1,000-table sections, each in its own process (the HTTP figures cover them in `npm run bench`). */
export async function exportBench(quick: boolean, large = true): Promise<ExportBench> {
  const tables = parsePublished(fs.readFileSync(REFERENCE, 'utf8')).projects;
  const runs = quick ? 40 : 100;
  const cells = floorCells(tables);
  const ours = section(tables);
  // Warm both up, then alternate them so drift (JIT, GC, the other core) falls on both alike.
  for (let i = 0; i < 10; i++) {
    await renderXlsx(ours);
    await rawExcel(cells);
  }
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    let t = performance.now();
    await renderXlsx(ours);
    a.push(performance.now() - t);
    t = performance.now();
    await rawExcel(cells);
    b.push(performance.now() - t);
  }
  const xlsx23 = timing(a);
  const floor23 = timing(b);
  const pdf23 = await time(quick ? 5 : 15, () => renderPdf(section(tables)), 2);
  const sizes: ExportBench['large'] = [];
  for (const n of !large ? [] : quick ? [250, 1000] : [250, 500, 1000]) {
    const xlsx = exportInChild(n, 'xlsx');
    const pdf = exportInChild(n, 'pdf');
    sizes.push({ tables: n, xlsxMs: xlsx.ms, pdfMs: pdf.ms, peakRssMb: Math.max(xlsx.peakRssMb, pdf.peakRssMb) });
  }
  return { xlsx23, floor23, pdf23, large: sizes };
}
