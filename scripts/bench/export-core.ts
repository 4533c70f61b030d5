/** Export timings in process, beside the floor of writing the same cells with exceljs directly. */
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { renderPdf } from '@/lib/export/pdf';
import { renderXlsx } from '@/lib/export/xlsx';
import type { TargetTable } from '@/lib/domain/table';
import { parsePublished } from '@/lib/format/published/parse';
import { tableLayout } from '@/lib/format/table-layout';
import { time, type Timing } from './stats';

const REFERENCE = 'lib/demo/reference-441001-2024.txt';

function section(tables: TargetTable[]) {
  return {
    unit: { code: '441001', name: '承德市人力资源和社会保障局本级' },
    year: 2024,
    projectExpenditure: '3447.87',
    tables: tables.map((table, i) => ({ number: i + 1, table, isDraft: false })),
    includeCover: false,
  };
}

/** The floor: the same cells written with exceljs directly, one sheet per table, no styling logic. */
async function rawExcel(tables: TargetTable[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  tables.forEach((t, i) => {
    const ws = wb.addWorksheet(`${i + 1}`);
    for (const row of tableLayout(t)) ws.addRow(row.cells.map((c) => c.text));
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export type ExportBench = { xlsx23: Timing; floor23: Timing; pdf23: Timing; large: { tables: number; xlsxMs: number; pdfMs: number; peakRssMb: number }[] };

export async function exportBench(quick: boolean): Promise<ExportBench> {
  const tables = parsePublished(fs.readFileSync(REFERENCE, 'utf8')).projects;
  const runs = quick ? 10 : 30;
  const xlsx23 = await time(runs, () => renderXlsx(section(tables)), 3);
  const floor23 = await time(runs, () => rawExcel(tables), 3);
  const pdf23 = await time(quick ? 5 : 15, () => renderPdf(section(tables)), 2);
  const large: ExportBench['large'] = [];
  for (const n of quick ? [250, 1000] : [250, 500, 1000]) {
    const many = Array.from({ length: n }, (_, i) => ({ ...tables[i % tables.length]!, code: `X${i}` }));
    let peak = process.memoryUsage().rss;
    const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
    let t = performance.now();
    await renderXlsx(section(many));
    const xlsxMs = performance.now() - t;
    t = performance.now();
    await renderPdf(section(many));
    const pdfMs = performance.now() - t;
    clearInterval(timer);
    large.push({ tables: n, xlsxMs, pdfMs, peakRssMb: peak / 1024 / 1024 });
  }
  return { xlsx23, floor23, pdf23, large };
}
