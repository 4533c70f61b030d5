/**
 * XLSX → one grid per sheet (a sheet holding several tables is cut into them by the recogniser). Read
 * with exceljs after the zip passed the size checks. A cell merged over rows is repeated below (merged
 * level cells); one merged over columns leaves the others empty.
 */
import ExcelJS from 'exceljs';
import { LIMITS } from '@/lib/domain/limits';
import { gridOf, type CellGrid, type GridRow } from './grid';
import { refuse } from './refusal';
import { rezip, unzipBounded } from './zip-guard';

/**
 * A cell as the sheet shows it: exceljs gives a number without its format, so a percent-formatted
 * 0.95 is written `95%`, and a date `2024年12月31日`, as the printed table reads.
 */
function cellText(cell: ExcelJS.Cell): string {
  try {
    const v = cell.value;
    if (typeof v === 'number' && /%/.test(cell.numFmt ?? '')) return `${Number((v * 100).toPrecision(12))}%`;
    if (v instanceof Date) return `${v.getUTCFullYear()}年${v.getUTCMonth() + 1}月${v.getUTCDate()}日`;
    return (cell.text ?? '').replace(/\s+/g, ' ').trim();
  } catch {
    return '';
  }
}

export async function readXlsx(bytes: Uint8Array): Promise<CellGrid[]> {
  const entries = unzipBounded(bytes, 'XLSX', (name) => !/\.(png|jpe?g|gif|emf|wmf|bin)$/i.test(name));
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(rezip(entries)) as unknown as ArrayBuffer);
  } catch (error) {
    refuse(`XLSX 文件无法读取（${error instanceof Error ? error.message.slice(0, 80) : '格式错误'}）`);
  }
  const grids: CellGrid[] = [];
  let cells = 0;
  workbook.eachSheet((sheet) => {
    const rows: GridRow[] = [];
    const width = Math.min(sheet.columnCount, 200);
    for (let r = 1; r <= sheet.rowCount; r++) {
      cells += width;
      if (cells > LIMITS.documentCells) refuse(`XLSX 文件中的单元格超过 ${LIMITS.documentCells.toLocaleString('en-US')} 个，无法读取`);
      const row = sheet.getRow(r);
      const out: string[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = row.getCell(c);
        const master = cell.isMerged ? cell.master : cell;
        out.push(master !== cell && master.col !== cell.col ? '' : cellText(master));
      }
      if (out.some((t) => t !== '')) rows.push({ line: r, cells: out });
    }
    if (rows.length > 0) grids.push(gridOf(`工作表“${sheet.name}”`, 'xlsx', rows));
  });
  return grids;
}
