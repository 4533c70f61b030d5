/**
 * The 项目支出绩效自评表 as XLSX: one sheet per table in the standard layout (selfeval-layout.ts), and
 * for a unit-year a 汇总 sheet first (project, 自评得分, 等级, the average and the grade distribution).
 * Amounts and scores are numbers shown with two decimals; text a spreadsheet would run as a formula
 * is quote-prefixed as in xlsx.ts. Data in, bytes out: the same sheets give the same bytes.
 */
import type ExcelJS from 'exceljs';
import { isFormulaLike } from '@/lib/domain/formula-text';
import type { SelfEvalSheet } from '@/lib/domain/selfeval-sheet';
import { installQuotePrefix } from './xlsx-quote-prefix';
import { stableWorkbook } from './xlsx-writer';
import { levelKeys, levelRuns, SELFEVAL_COLUMNS, selfEvalLayout, selfEvalTitle, type SelfEvalCell } from './selfeval-layout';
import { selfEvalSummary } from './selfeval-summary';

installQuotePrefix();

const FONT = '宋体';
export const SCORE_FORMAT = '0.00';
const THIN = { style: 'thin' as const };
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const WIDTHS = [12, 14, 24, 16, 16, 9, 9, 30];
/** The workbook's fixed dates, as lib/export's other workbooks: the bytes depend on the data only. */
const STAMP = new Date(Date.UTC(2000, 0, 1));

type Align = 'left' | 'center' | 'right';

function put(ws: ExcelJS.Worksheet, row: number, col: number, value: string | number, opts: { bold?: boolean; align?: Align; size?: number; border?: boolean } = {}): void {
  const c = ws.getCell(row, col);
  c.value = value;
  const isNumber = typeof value === 'number';
  c.style = {
    font: { name: FONT, size: opts.size ?? 10, bold: opts.bold ?? false },
    alignment: { vertical: 'middle', horizontal: opts.align ?? (isNumber ? 'right' : 'left'), wrapText: true },
    ...(opts.border === false ? {} : { border: BORDER }),
    ...(isNumber ? { numFmt: SCORE_FORMAT } : {}),
    // Read by xlsx-quote-prefix.ts; not in exceljs's Style type.
    ...(typeof value === 'string' && isFormulaLike(value) ? ({ quotePrefix: true } as Partial<ExcelJS.Style>) : {}),
  };
}

/** A merged range: the value in its first cell, the outline on every cell so Excel and WPS draw it. */
function putSpan(ws: ExcelJS.Worksheet, row: number, c: Pick<SelfEvalCell, 'col' | 'colSpan' | 'rowSpan'>, value: string | number, opts: { bold?: boolean; align?: Align } = {}): void {
  put(ws, row, c.col, value, opts);
  for (let dr = 0; dr < c.rowSpan; dr++) for (let dc = 0; dc < c.colSpan; dc++) if (dr > 0 || dc > 0) ws.getCell(row + dr, c.col + dc).style = { border: BORDER };
  if (c.colSpan > 1 || c.rowSpan > 1) ws.mergeCells(row, c.col, row + c.rowSpan - 1, c.col + c.colSpan - 1);
}

function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += ch.charCodeAt(0) > 0x2e80 ? 2 : 1;
  return w;
}

function rowHeight(cells: readonly SelfEvalCell[]): number {
  let lines = 1;
  for (const c of cells) {
    const width = WIDTHS.slice(c.col - 1, c.col - 1 + c.colSpan).reduce((a, b) => a + b, 0);
    const n = c.text.split('\n').reduce((k, part) => k + Math.max(1, Math.ceil(displayWidth(part) / Math.max(1, width - 1))), 0);
    lines = Math.max(lines, Math.ceil(n / c.rowSpan));
  }
  return Math.min(409, Math.max(18, lines * 13.5 + 4));
}

/** Writes one 自评表 on `ws`, with the indicator header as the print title. */
export function writeSelfEvalSheet(ws: ExcelJS.Worksheet, s: SelfEvalSheet): void {
  ws.columns = WIDTHS.map((width) => ({ width }));
  ws.mergeCells(1, 1, 1, SELFEVAL_COLUMNS);
  put(ws, 1, 1, selfEvalTitle(s), { bold: true, size: 14, align: 'center', border: false });
  ws.getRow(1).height = 24;
  const layout = selfEvalLayout(s);
  const start = 2;
  const firstIndicator = layout.findIndex((r) => r.kind === 'indicator');
  const [one, two] = levelKeys(s);
  const runStarts = [new Map(levelRuns(one)), new Map(levelRuns(two))];
  layout.forEach((row, i) => {
    const r = start + i;
    for (const c of row.cells) {
      const value = c.number ?? c.text;
      const bold = row.kind === 'indicator-head' || (c.role === 'label' && row.kind !== 'indicator');
      const align: Align | undefined = row.kind === 'indicator-head' || c.role === 'label' || c.role === 'level' ? 'center' : undefined;
      if (row.kind === 'indicator' && c.col <= 2) {
        // 一级 and 二级 are merged over their runs: written once, at the run's first row.
        const k = i - firstIndicator;
        const run = runStarts[c.col - 1]!.get(k);
        if (run !== undefined) putSpan(ws, r, { ...c, rowSpan: run }, value, { align });
        continue;
      }
      putSpan(ws, r, c, value, { bold, align });
    }
    ws.getRow(r).height = rowHeight(row.cells.filter((c) => c.rowSpan === 1));
  });
  const head = start + layout.findIndex((r) => r.kind === 'indicator-head');
  ws.pageSetup.printTitlesRow = `${head}:${head}`;
}

const PAGE_SETUP: Partial<ExcelJS.PageSetup> = {
  paperSize: 9,
  orientation: 'portrait',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
  horizontalCentered: true,
  margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
};

/** Sheet names: at most 31 characters, unique, none of `\/?*[]:`. */
function sheetNamer(): (wanted: string) => string {
  const used = new Set<string>();
  return (wanted) => {
    const base = wanted.replace(/[\\/?*[\]:]/g, '_').slice(0, 31) || '自评表';
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)}~${n}`;
    used.add(name.toLowerCase());
    return name;
  };
}

function writeSummarySheet(ws: ExcelJS.Worksheet, sheets: readonly SelfEvalSheet[], title: string): void {
  ws.columns = [8, 26, 44, 12, 10].map((width) => ({ width }));
  const summary = selfEvalSummary(sheets);
  ws.mergeCells(1, 1, 1, 5);
  put(ws, 1, 1, title, { bold: true, size: 14, align: 'center', border: false });
  ['序号', '项目编码', '项目名称', '自评得分', '等级'].forEach((h, i) => put(ws, 2, i + 1, h, { bold: true, align: 'center' }));
  sheets.forEach((s, i) => {
    const r = 3 + i;
    put(ws, r, 1, i + 1, { align: 'center' });
    ws.getCell(r, 1).numFmt = '0';
    put(ws, r, 2, s.projectCode);
    put(ws, r, 3, s.projectName);
    const score = s.selfScore.trim() === '' ? '' : Number(s.selfScore);
    put(ws, r, 4, Number.isFinite(score) ? score : s.selfScore);
    put(ws, r, 5, s.grade, { align: 'center' });
  });
  let r = 3 + sheets.length;
  const label = (text: string, value: string | number) => {
    putSpan(ws, r, { col: 1, colSpan: 3, rowSpan: 1 }, text, { bold: true, align: 'center' });
    put(ws, r, 4, value);
    put(ws, r, 5, '');
    r++;
  };
  label(`平均分（${summary.scored} 张已评分）`, summary.average === null ? '' : Number(summary.average));
  // A formula over the scores above (AVERAGE skips the empty ones, ROUND is half-up for positive
  // scores), its value cached, so the average still holds after someone corrects a score in the sheet.
  if (summary.average !== null) ws.getCell(r - 1, 4).value = { formula: `ROUND(AVERAGE(D3:D${2 + sheets.length}),2)`, result: Number(summary.average) };
  label('等级分布', (['优', '良', '中', '差'] as const).map((g) => `${g} ${summary.grades[g]}`).join(' · '));
  ws.pageSetup.printTitlesRow = '2:2';
}

async function finish(wb: ExcelJS.Workbook): Promise<Buffer> {
  wb.creator = '绩效目标管理';
  wb.created = STAMP;
  wb.modified = STAMP;
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One 自评表 as a workbook of one sheet. */
export async function selfEvalXlsx(s: SelfEvalSheet): Promise<Buffer> {
  const wb = stableWorkbook();
  writeSelfEvalSheet(wb.addWorksheet(sheetNamer()(s.projectName || s.projectCode), { pageSetup: PAGE_SETUP }), s);
  return finish(wb);
}

/** A unit-year: the 汇总 sheet, then one sheet per table in the order given. */
export async function selfEvalUnitYearXlsx(unit: { code: string; name: string }, year: number, sheets: readonly SelfEvalSheet[]): Promise<Buffer> {
  const wb = stableWorkbook();
  const name = sheetNamer();
  writeSummarySheet(wb.addWorksheet(name('汇总'), { pageSetup: PAGE_SETUP }), sheets, `${unit.code} ${unit.name} ${year}年度项目支出绩效自评汇总`);
  sheets.forEach((s, i) => writeSelfEvalSheet(wb.addWorksheet(name(`${i + 1}、${s.projectName || s.projectCode}`), { pageSetup: PAGE_SETUP }), s));
  return finish(wb);
}
