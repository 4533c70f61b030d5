/**
 * XLSX in the published layout (exceljs, streamed): one sheet per table, merged cells, borders, wrapped
 * text, widths that fit Chinese text, A4 with the indicator header repeated as print titles, 宋体.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import jszipDefaults from 'jszip/lib/defaults';
import { GRID_COLUMNS, tableLayout, type LayoutRow } from '@/lib/format/table-layout';
import { coverList, SECTION_TITLE, sheetNamer, tableTitle, yieldToEventLoop, type ExportSection, type ExportTable } from './model';

// exceljs zips with jszip, which stamps every entry with the current time unless told otherwise. A
// fixed stamp makes the same data export to the same bytes (a restored backup can be checked that way).
jszipDefaults.date = new Date(Date.UTC(1980, 0, 1));

const FONT = '宋体';
/** Column widths in Excel character units; CJK characters take about two. Sums to fit A4 portrait. */
export const COLUMN_WIDTHS = [12, 13, 18, 13, 12, 14, 18] as const;
const BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

/** Rows needed for a text in a column span of the given width (in character units). */
function linesFor(text: string, width: number): number {
  if (!text) return 1;
  return text.split('\n').reduce((n, part) => n + Math.max(1, Math.ceil(displayWidth(part) / Math.max(1, width - 1))), 0);
}

function spanWidth(col: number, span: number): number {
  let w = 0;
  for (let i = col; i < col + span; i++) w += COLUMN_WIDTHS[i - 1]!;
  return w;
}

type Sheet = ExcelJS.Worksheet;

type Align = 'left' | 'center' | 'right';

// Style objects are shared, not rebuilt per cell: exceljs keys its style table on them.
const fonts = new Map<string, Partial<ExcelJS.Font>>();
const alignments = new Map<Align, Partial<ExcelJS.Alignment>>();

function font(size: number, bold: boolean): Partial<ExcelJS.Font> {
  const key = `${size}${bold}`;
  let f = fonts.get(key);
  if (!f) fonts.set(key, (f = { name: FONT, size, bold }));
  return f;
}

function alignment(align: Align): Partial<ExcelJS.Alignment> {
  let a = alignments.get(align);
  if (!a) alignments.set(align, (a = { vertical: 'middle', horizontal: align, wrapText: true }));
  return a;
}

function styleCell(cell: ExcelJS.Cell, opts: { bold?: boolean; align?: Align; border?: boolean; size?: number }): void {
  cell.font = font(opts.size ?? 10, opts.bold ?? false);
  cell.alignment = alignment(opts.align ?? 'left');
  if (opts.border !== false) cell.border = BORDER;
}

function writeLayout(ws: Sheet, rows: LayoutRow[], startRow: number): { headerRow: number; lastRow: number } {
  let headerRow = startRow;
  const heights = new Map<number, number>();
  rows.forEach((row, i) => {
    const r = startRow + i;
    if (row.kind === 'indicator-head') headerRow = r;
    for (const c of row.cells) {
      const cell = ws.getCell(r, c.col);
      cell.value = c.text;
      const isHead = row.kind === 'indicator-head';
      styleCell(cell, { bold: isHead, align: isHead || c.role === 'label' || c.role === 'level' || c.field === 'schedule' ? 'center' : 'left' });
      // Every cell of a merged range carries the border, so Excel and WPS draw the outline.
      for (let dr = 0; dr < c.rowSpan; dr++) for (let dc = 0; dc < c.colSpan; dc++) ws.getCell(r + dr, c.col + dc).border = BORDER;
      if (c.colSpan > 1 || c.rowSpan > 1) ws.mergeCells(r, c.col, r + c.rowSpan - 1, c.col + c.colSpan - 1);
      const lines = Math.ceil(linesFor(c.text, spanWidth(c.col, c.colSpan)) / c.rowSpan);
      heights.set(r, Math.max(heights.get(r) ?? 1, lines));
    }
  });
  for (const [r, lines] of heights) ws.getRow(r).height = Math.max(18, lines * 13.5 + 4);
  return { headerRow, lastRow: startRow + rows.length - 1 };
}

/** Passed when the sheet is created: the streaming writer writes the sheet's properties at once. */
function sheetOptions(section: ExportSection): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    pageSetup: {
      paperSize: 9,
      orientation: 'portrait',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: {
      oddHeader: `&L${section.unit.code} ${section.unit.name}&C预算年度：${section.year}&R单位：万元`,
      oddFooter: '&C第 &P 页 / 共 &N 页',
    },
  };
}

function setUpSheet(ws: Sheet): void {
  ws.columns = COLUMN_WIDTHS.map((width) => ({ width }));
}

function writeTableSheet(ws: Sheet, t: ExportTable, withSectionTitle: boolean): void {
  setUpSheet(ws);
  let r = 1;
  if (withSectionTitle) {
    ws.mergeCells(r, 1, r, GRID_COLUMNS);
    const c = ws.getCell(r, 1);
    c.value = SECTION_TITLE;
    styleCell(c, { bold: true, size: 14, align: 'left', border: false });
    ws.getRow(r).height = 24;
    r++;
  }
  ws.mergeCells(r, 1, r, GRID_COLUMNS);
  const title = ws.getCell(r, 1);
  title.value = tableTitle(t);
  styleCell(title, { bold: true, size: 13, align: 'center', border: false });
  ws.getRow(r).height = Math.max(22, linesFor(tableTitle(t), 90) * 18);
  r++;
  ws.mergeCells(r, 1, r, GRID_COLUMNS);
  const unit = ws.getCell(r, 1);
  unit.value = '单位：万元';
  styleCell(unit, { align: 'right', border: false });
  r++;
  const { headerRow } = writeLayout(ws, tableLayout(t.table), r);
  ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
}

function writeCoverSheet(ws: Sheet, section: ExportSection): void {
  ws.columns = [{ width: 8 }, { width: 26 }, { width: 52 }, { width: 16 }];
  const cover = coverList(section);
  ws.mergeCells(1, 1, 1, 4);
  ws.getCell(1, 1).value = SECTION_TITLE;
  styleCell(ws.getCell(1, 1), { bold: true, size: 14, border: false });
  ws.mergeCells(2, 1, 2, 4);
  ws.getCell(2, 1).value = `${section.unit.code} ${section.unit.name} · 预算年度：${section.year} · 单位：万元`;
  styleCell(ws.getCell(2, 1), { border: false });
  const header = ['序号', '项目编码', '项目名称', '预算数'];
  header.forEach((h, i) => {
    ws.getCell(3, i + 1).value = h;
    styleCell(ws.getCell(3, i + 1), { bold: true, align: 'center' });
  });
  cover.rows.forEach((row, i) => {
    const values = [row.number, row.code, `${row.name}${row.isDraft ? '（草稿）' : ''}`, row.total];
    values.forEach((v, j) => {
      const c = ws.getCell(4 + i, j + 1);
      c.value = v;
      styleCell(c, { align: j === 3 ? 'right' : j === 0 ? 'center' : 'left' });
    });
  });
  const end = 4 + cover.rows.length;
  const summary: [string, string][] = [['合计', cover.total]];
  if (cover.projectExpenditure !== null) {
    summary.push(['单位项目支出', cover.projectExpenditure]);
    summary.push(['差额（合计 − 项目支出）', cover.difference ?? '']);
  }
  summary.forEach(([label, value], i) => {
    ws.mergeCells(end + i, 1, end + i, 3);
    ws.getCell(end + i, 1).value = label;
    styleCell(ws.getCell(end + i, 1), { bold: true, align: 'center' });
    for (let c = 2; c <= 3; c++) ws.getCell(end + i, c).border = BORDER;
    ws.getCell(end + i, 4).value = value;
    styleCell(ws.getCell(end + i, 4), { bold: true, align: 'right' });
  });
  ws.pageSetup.printTitlesRow = '3:3';
}

export async function writeXlsx(section: ExportSection, out: NodeJS.WritableStream): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out as unknown as import('stream').Stream, useStyles: true, useSharedStrings: false });
  wb.creator = '绩效目标管理';
  wb.created = section.asOf;
  wb.modified = section.asOf;
  const name = sheetNamer();
  if (section.includeCover) {
    const ws = wb.addWorksheet(name('项目清单'), sheetOptions(section));
    writeCoverSheet(ws, section);
    ws.commit();
  }
  const isSection = section.tables.length > 1 && !section.includeCover;
  for (const [i, t] of section.tables.entries()) {
    const ws = wb.addWorksheet(name(`${t.number}、${t.table.name}`), sheetOptions(section));
    writeTableSheet(ws, t, isSection && i === 0);
    ws.commit();
    if (i % 20 === 19) await yieldToEventLoop();
  }
  await wb.commit();
}

export async function renderXlsx(section: ExportSection): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  await writeXlsx(section, out);
  await done;
  return Buffer.concat(chunks);
}
