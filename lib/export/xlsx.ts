/**
 * XLSX in the published layout (exceljs; built in memory, or streamed for large sections): one sheet
 * per table, merged cells, borders, wrapped text, widths that fit Chinese text, A4 with the indicator
 * header repeated as print titles, 宋体.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { isFormulaLike } from '@/lib/domain/formula-text';
import { GRID_COLUMNS, tableLayout, type LayoutNumber, type LayoutRow } from '@/lib/format/table-layout';
import { pageStarts, splitAtPages } from './xlsx-pages';
import { installQuotePrefix } from './xlsx-quote-prefix';
import { stableWorkbook, StableWorkbookWriter, writePrintOptions } from './xlsx-writer';
import { pacer } from './pace';
import { COLUMN_WIDTHS, coverList, SECTION_TITLE, sheetNamer, summariesOf, tableTitle, type ExportSection, type ExportTable } from './model';

const FONT = '宋体';

/** A two-decimal 万元 string as the cell's number (`"-16.81"` included: a 差额 can be negative). */
function wanyuanNumber(text: string): number {
  return Number(text);
}
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

type StyleOptions = { bold?: boolean; align?: Align; border?: boolean; size?: number; numFmt?: string | undefined };

installQuotePrefix();

/**
 * Whole style objects are shared by every cell that looks alike: exceljs remembers the style id of a
 * style object it has seen (a WeakMap), so a shared one costs one lookup instead of serialising its
 * font, border and alignment again for each cell. Cells are given a style, never have one changed.
 * The cache key is a number built from the options (a string key cost about 2 µs a cell, a fifth of
 * the sheet-filling time); number formats get small ids in order of first use.
 */
const styles = new Map<number, Partial<ExcelJS.Style>>();
const numFmtIds = new Map<string, number>();
const ALIGN_BITS: Record<Align, number> = { left: 0, center: 1, right: 2 };

function styleKey(size: number, bold: boolean, align: Align, border: boolean, isQuoted: boolean, numFmt: string): number {
  let fmt = numFmtIds.get(numFmt);
  if (fmt === undefined) numFmtIds.set(numFmt, (fmt = numFmtIds.size));
  // size < 2^10 (points) and 5 bits of flags: distinct options give distinct keys.
  return ((fmt * 1024 + size) * 4 + ALIGN_BITS[align]) * 8 + (bold ? 4 : 0) + (border ? 2 : 0) + (isQuoted ? 1 : 0);
}

function styleOf({ bold = false, align = 'left', border = true, size = 10, numFmt }: StyleOptions, isQuoted: boolean): Partial<ExcelJS.Style> {
  const key = styleKey(size, bold, align, border, isQuoted, numFmt ?? '');
  let style = styles.get(key);
  if (!style) {
    style = {
      font: { name: FONT, size, bold },
      alignment: { vertical: 'middle', horizontal: align, wrapText: true },
      ...(border ? { border: BORDER } : {}),
      // Read by xlsx-quote-prefix.ts; not in exceljs's Style type.
      ...(isQuoted ? ({ quotePrefix: true } as Partial<ExcelJS.Style>) : {}),
      ...(numFmt ? { numFmt } : {}),
    };
    styles.set(key, style);
  }
  return style;
}

/** For the cells a merged range covers: only the outline, so Excel and WPS draw it. */
const BORDER_ONLY: Partial<ExcelJS.Style> = { border: BORDER };

/** Sets a cell's value and style: text a spreadsheet would take for a formula is marked as text. */
function putCell(cell: ExcelJS.Cell, value: ExcelJS.CellValue, opts: StyleOptions): void {
  cell.value = value;
  cell.style = styleOf(opts, typeof value === 'string' && isFormulaLike(value));
}

/** Styles a cell whose value is already set (see putCell). */
function styleCell(cell: ExcelJS.Cell, opts: StyleOptions): void {
  const value = cell.value;
  cell.style = styleOf(opts, typeof value === 'string' && isFormulaLike(value));
}

/** Amounts in 万元 print with two decimals, as the published tables do. */
export const AMOUNT_FORMAT = '0.00';

/** `0.00`, `0%`, `0.5%` → `0.0%`: the cell shows the number as the table prints it. */
export function numFmtOf(n: LayoutNumber): string {
  if (n.format === 'wanyuan') return AMOUNT_FORMAT;
  // Built once per decimals: the same string object for every cell keeps the style lookup cheap.
  return (PERCENT_FORMATS[n.decimals] ??= `${n.decimals > 0 ? `0.${'0'.repeat(n.decimals)}` : '0'}%`);
}
const PERCENT_FORMATS: string[] = [];

/** Excel's tallest row, in points. */
const MAX_ROW_HEIGHT = 409;
const lineHeight = (lines: number) => Math.min(MAX_ROW_HEIGHT, Math.max(18, lines * 13.5 + 4));

/** Row heights in points from the wrapped text; a merged cell's lines are shared by its rows. */
function rowHeights(rows: LayoutRow[]): number[] {
  const lines = rows.map(() => 1);
  rows.forEach((row, i) => {
    for (const c of row.cells) lines[i] = Math.max(lines[i]!, Math.ceil(linesFor(c.text, spanWidth(c.col, c.colSpan)) / c.rowSpan));
  });
  return lines.map(lineHeight);
}

/** Writes the table grid from `startRow`; `above` is the height of the rows above it (page 1). */
function writeLayout(ws: Sheet, rows: LayoutRow[], startRow: number, above: number): { headerRow: number } {
  const headerAt = rows.findIndex((r) => r.kind === 'indicator-head');
  const heights = rowHeights(rows);
  const starts = pageStarts(heights, headerAt, above);
  rows.forEach((row, i) => {
    const isHead = row.kind === 'indicator-head';
    for (const c of row.cells) {
      const align = isHead || c.role === 'label' || c.role === 'level' || c.field === 'schedule' ? 'center' : 'left';
      // Amounts and plan points are numbers with a display format, so a spreadsheet sums them.
      const value = c.number ? c.number.value : c.text;
      const opts: StyleOptions = { bold: isHead, align, numFmt: c.number ? numFmtOf(c.number) : undefined };
      // A level cell continued on the next page is split there and printed again.
      for (const [first, span] of c.rowSpan === 1 ? [[i, 1] as const] : splitAtPages(i, c.rowSpan, starts)) {
        const r = startRow + first;
        // By row, then column: ws.getCell(r, c) spells the address out and parses it back.
        putCell(ws.getRow(r).getCell(c.col), value, opts);
        // Every cell of a merged range carries the border, so Excel and WPS draw the outline: mergeCells
        // gives each covered cell the master's style object, which has it.
        if (c.colSpan > 1 || span > 1) ws.mergeCells(r, c.col, r + span - 1, c.col + c.colSpan - 1);
        if (span < c.rowSpan) {
          const need = lineHeight(linesFor(c.text, spanWidth(c.col, c.colSpan)));
          const have = heights.slice(first, first + span).reduce((a, b) => a + b, 0);
          if (need > have) heights[first + span - 1]! += need - have;
        }
      }
    }
  });
  // Excel's tallest row is 409 points; a taller height makes it repair the file. Text beyond it stays
  // whole in the cell (shown in the formula bar when the cell is selected), only not on the sheet.
  heights.forEach((h, i) => (ws.getRow(startRow + i).height = Math.min(h, MAX_ROW_HEIGHT)));
  for (const s of starts) ws.getRow(startRow + s - 1).addPageBreak();
  return { headerRow: startRow + headerAt };
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
  ws.getRow(r).height = 16;
  r++;
  let above = 0;
  for (let k = 1; k < r; k++) above += ws.getRow(k).height;
  const { headerRow } = writeLayout(ws, tableLayout(t.table), r, above);
  ws.pageSetup.printTitlesRow = `${headerRow}:${headerRow}`;
}

async function writeCoverSheet(ws: Sheet, section: ExportSection, pace: () => Promise<void>): Promise<void> {
  ws.columns = [{ width: 8 }, { width: 26 }, { width: 52 }, { width: 16 }];
  const cover = coverList(section, summariesOf(section));
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
  const amount = { align: 'right', numFmt: AMOUNT_FORMAT } as const;
  for (const [i, row] of cover.rows.entries()) {
    const values = [row.number, row.code, `${row.name}${row.isDraft ? '（草稿）' : ''}`];
    values.forEach((v, j) => {
      const c = ws.getCell(4 + i, j + 1);
      c.value = v;
      styleCell(c, { align: j === 0 ? 'center' : 'left' });
    });
    ws.getCell(4 + i, 4).value = wanyuanNumber(row.total);
    styleCell(ws.getCell(4 + i, 4), amount);
    // Written out row by row: a 1,000-row list committed at once would hold the event loop.
    ws.getRow(4 + i).commit();
    await pace();
  }
  const end = 4 + cover.rows.length;
  // 合计 and 差额 are formulas over the cells above (with their exact values cached), so the list
  // still adds up in the spreadsheet after someone edits an amount.
  const total: ExcelJS.CellValue = cover.rows.length > 0 ? { formula: `SUM(D4:D${end - 1})`, result: wanyuanNumber(cover.total) } : 0;
  const summary: [string, ExcelJS.CellValue][] = [['合计', total]];
  if (cover.projectExpenditure !== null) {
    summary.push(['单位项目支出', wanyuanNumber(cover.projectExpenditure)]);
    summary.push(['差额（合计 − 项目支出）', { formula: `D${end}-D${end + 1}`, result: wanyuanNumber(cover.difference ?? '0') }]);
  }
  summary.forEach(([label, value], i) => {
    ws.mergeCells(end + i, 1, end + i, 3);
    ws.getCell(end + i, 1).value = label;
    styleCell(ws.getCell(end + i, 1), { bold: true, align: 'center' });
    for (let c = 2; c <= 3; c++) ws.getCell(end + i, c).style = BORDER_ONLY;
    ws.getCell(end + i, 4).value = value;
    styleCell(ws.getCell(end + i, 4), { ...amount, bold: true });
  });
  const noteRow = end + summary.length;
  ws.mergeCells(noteRow, 1, noteRow, 4);
  ws.getCell(noteRow, 1).value = cover.note;
  styleCell(ws.getCell(noteRow, 1), { border: false });
  ws.getRow(noteRow).height = Math.max(18, linesFor(cover.note, 100) * 14);
  ws.pageSetup.printTitlesRow = '3:3';
}

type Fill = {
  addSheet: (wanted: string) => Sheet;
  /** Called when a sheet is complete (the streaming writer writes it out then). */
  done: (ws: Sheet) => void;
  pace: () => Promise<void>;
};

async function fillWorkbook(section: ExportSection, { addSheet, done, pace }: Fill): Promise<void> {
  if (section.includeCover) {
    const ws = addSheet('项目清单');
    await writeCoverSheet(ws, section, pace);
    done(ws);
    await pace();
  }
  const isSection = summariesOf(section).length > 1 && !section.includeCover;
  let i = 0;
  for await (const t of section.tables) {
    const ws = addSheet(`${t.number}、${t.table.name}`);
    writeTableSheet(ws, t, isSection && i === 0);
    done(ws);
    i++;
    await pace();
  }
}

/**
 * Up to this many tables a workbook is built in memory and written at once: for a unit-year of
 * ordinary size that is faster than the streaming zip pipeline, and still small (a few MB). Larger
 * sections stream, one sheet at a time, so memory stays flat whatever their size.
 */
export const IN_MEMORY_TABLES = 50;

function stampProperties(wb: { creator: string; created: Date; modified: Date }, section: ExportSection): void {
  wb.creator = '绩效目标管理';
  wb.created = section.asOf;
  wb.modified = section.asOf;
}

async function writeInMemory(section: ExportSection, out: NodeJS.WritableStream): Promise<void> {
  const wb = stableWorkbook();
  stampProperties(wb, section);
  const pace = pacer(out);
  const name = sheetNamer();
  await fillWorkbook(section, { addSheet: (wanted) => wb.addWorksheet(name(wanted), sheetOptions(section)), done: () => {}, pace });
  const bytes = Buffer.from(await wb.xlsx.writeBuffer());
  await pace();
  out.end(bytes);
}

/**
 * Streams the workbook as it goes: one sheet at a time, waiting for the zip (and through it for a slow
 * reader) and letting other requests run between sheets.
 */
async function writeStreamed(section: ExportSection, out: NodeJS.WritableStream): Promise<void> {
  const wb = new StableWorkbookWriter({ stream: out as unknown as import('stream').Stream, useStyles: true, useSharedStrings: false });
  stampProperties(wb, section);
  const pace = pacer(out, wb.backlog());
  const name = sheetNamer();
  const addSheet = (wanted: string) => {
    const ws = wb.addWorksheet(name(wanted), sheetOptions(section));
    writePrintOptions(ws);
    return ws;
  };
  await fillWorkbook(section, { addSheet, done: (ws) => ws.commit(), pace });
  await wb.commit();
}

/**
 * Several units' sections in one workbook (a department's export, issue 18), streamed: each unit's
 * sheets follow its own 项目清单, which heads them with the unit, and every sheet's page header names it.
 */
export async function writeXlsxSections(sections: readonly ExportSection[], out: NodeJS.WritableStream): Promise<void> {
  const wb = new StableWorkbookWriter({ stream: out as unknown as import('stream').Stream, useStyles: true, useSharedStrings: false });
  const asOf = new Date(Math.max(0, ...sections.map((s) => s.asOf.getTime())));
  wb.creator = '绩效目标管理';
  wb.created = asOf;
  wb.modified = asOf;
  const pace = pacer(out, wb.backlog());
  const name = sheetNamer();
  for (const section of sections) {
    const addSheet = (wanted: string) => {
      const ws = wb.addWorksheet(name(`${section.unit.code} ${wanted}`), sheetOptions(section));
      writePrintOptions(ws);
      return ws;
    };
    await fillWorkbook({ ...section, includeCover: true }, { addSheet, done: (ws) => ws.commit(), pace });
  }
  await wb.commit();
}

/** Writes the workbook to `out`; rejects with ExportAborted when `out` is closed early. */
export async function writeXlsx(section: ExportSection, out: NodeJS.WritableStream): Promise<void> {
  const tables = summariesOf(section).length;
  await (tables <= IN_MEMORY_TABLES ? writeInMemory(section, out) : writeStreamed(section, out));
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
