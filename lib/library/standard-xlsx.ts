/** The standard library as the administrators' XLSX: the columns of standard-sheet.ts, one row an entry. */
import type ExcelJS from 'exceljs';
import { standardEntries } from '@/db/queries/library-curation';
import { isFormulaLike } from '@/lib/domain/formula-text';
import { installQuotePrefix } from '@/lib/export/xlsx-quote-prefix';
import { stableWorkbook } from '@/lib/export/xlsx-writer';
import { STANDARD_COLUMNS } from './standard-sheet';

export async function standardLibraryXlsx(): Promise<Uint8Array> {
  installQuotePrefix();
  const entries = await standardEntries();
  const wb = stableWorkbook();
  const ws = wb.addWorksheet('标准指标库');
  ws.addRow(STANDARD_COLUMNS.map((c) => c.title)).font = { bold: true };
  for (const e of entries) {
    const cells = [e.frameworkCode ?? '', e.level1, e.level2, e.name, e.explanation ?? '', e.method ?? '', e.reference ?? '', e.measureUnit ?? '', e.basis ?? ''];
    const row = ws.addRow(cells);
    // Text that reads as a formula stays text in Excel and WPS.
    cells.forEach((c, i) => {
      if (isFormulaLike(c)) row.getCell(i + 1).style = { ...row.getCell(i + 1).style, quotePrefix: true } as Partial<ExcelJS.Style>;
    });
  }
  ws.columns.forEach((c, i) => (c.width = i < 3 ? 14 : i === 3 ? 24 : 30));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
