/**
 * The 项目支出绩效自评表 as PDF (A4 portrait), drawn from the same cell layout as the XLSX
 * (selfeval-layout.ts) with the table grid of pdf-grid.ts: level cells merged over their runs, the
 * indicator header repeated after a page break. One table, or a unit-year (a 汇总 page, then each
 * table starting on a page of its own). Data in, bytes out.
 */
import PDFDocument from 'pdfkit';
import type { SelfEvalSheet } from '@/lib/domain/selfeval-sheet';
import type { LayoutRow } from '@/lib/format/table-layout';
import { parsedFont } from './fonts';
import { drawHeaderRows, drawIndicatorRows, type Grid } from './pdf-grid';
import { levelKeys, selfEvalLayout, selfEvalTitle, type SelfEvalRow } from './selfeval-layout';
import { selfEvalSummary } from './selfeval-summary';

type Doc = PDFKit.PDFDocument;

const PAGE = { width: 595.28, height: 841.89, margin: 36 };
const FONT_SIZE = 8;
const WIDTHS = [50, 64, 88, 68, 68, 36, 40, 109];
/** The document's fixed date (SOURCE_DATE_EPOCH when set), so the same sheets give the same bytes. */
function stamp(): Date {
  const epoch = Number(process.env.SOURCE_DATE_EPOCH);
  return Number.isFinite(epoch) ? new Date(epoch * 1000) : new Date(Date.UTC(2000, 0, 1));
}

function asLayout(row: SelfEvalRow): LayoutRow {
  return {
    kind: row.kind === 'indicator-head' ? 'indicator-head' : row.kind === 'indicator' ? 'indicator' : 'header',
    cells: row.cells.map(({ text, col, colSpan, rowSpan, role }) => ({ text, col, colSpan, rowSpan, role })),
  };
}

function newDocument(title: string): { doc: Doc; done: Promise<Buffer> } {
  const at = stamp();
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin, right: PAGE.margin },
    autoFirstPage: false,
    info: { Title: title, Creator: '绩效目标管理', CreationDate: at, ModDate: at },
  });
  doc.registerFont('cjk', parsedFont('regular') as unknown as Buffer);
  doc.registerFont('cjk-bold', parsedFont('bold') as unknown as Buffer);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, done };
}

function gridOn(doc: Doc, widths: number[], onNewPage: () => void): Grid {
  return { x: PAGE.margin, widths, top: PAGE.margin, bottom: PAGE.height - PAGE.margin, fontSize: FONT_SIZE, onNewPage };
}

/** One 自评表, from a new page; a continued page carries the title as `（续）`. */
function drawSheet(doc: Doc, s: SelfEvalSheet): void {
  const bold = () => doc.font('cjk-bold').fontSize(FONT_SIZE);
  const regular = () => doc.font('cjk').fontSize(FONT_SIZE);
  const title = selfEvalTitle(s);
  const heading = (text: string) => {
    doc.font('cjk-bold').fontSize(13).text(text, PAGE.margin, PAGE.margin, { width: PAGE.width - 2 * PAGE.margin, align: 'center' });
    doc.font('cjk').fontSize(FONT_SIZE).text('单位：万元', PAGE.margin, doc.y + 2, { width: PAGE.width - 2 * PAGE.margin, align: 'right' });
    return doc.y + 4;
  };
  doc.addPage();
  doc.lineWidth(0.5).strokeColor('#000000').fillColor('#000000');
  const cur = { y: heading(title) };
  const grid = gridOn(doc, WIDTHS, () => {
    doc.addPage();
    doc.lineWidth(0.5);
    grid.top = heading(`${title}（续）`);
  });
  const layout = selfEvalLayout(s);
  const head = layout.find((r) => r.kind === 'indicator-head')!;
  regular();
  drawHeaderRows(doc, grid, layout.filter((r) => r.kind === 'header').map(asLayout), cur, bold, regular);
  const [one, two] = levelKeys(s);
  drawIndicatorRows(
    doc,
    grid,
    asLayout(head),
    {
      rows: layout.filter((r) => r.kind === 'indicator').map(asLayout),
      levels: [
        { keys: one, texts: s.indicators.map((r) => r.level1) },
        { keys: two, texts: s.indicators.map((r) => r.level2) },
      ],
    },
    cur,
    bold,
    regular,
  );
  drawHeaderRows(doc, grid, layout.filter((r) => r.kind === 'footer').map(asLayout), cur, bold, regular);
}

const SUMMARY_WIDTHS = [36, 130, 247, 60, 50];

function drawSummary(doc: Doc, unit: { code: string; name: string }, year: number, sheets: readonly SelfEvalSheet[]): void {
  const bold = () => doc.font('cjk-bold').fontSize(FONT_SIZE);
  const regular = () => doc.font('cjk').fontSize(FONT_SIZE);
  doc.addPage();
  doc.lineWidth(0.5);
  doc.font('cjk-bold').fontSize(13).text(`${unit.code} ${unit.name} ${year}年度项目支出绩效自评汇总`, PAGE.margin, PAGE.margin, { width: PAGE.width - 2 * PAGE.margin, align: 'center' });
  const cur = { y: doc.y + 8 };
  const grid = gridOn(doc, SUMMARY_WIDTHS, () => {
    doc.addPage();
    doc.lineWidth(0.5);
  });
  const cell = (text: string, col: number, colSpan = 1) => ({ text, col, colSpan, rowSpan: 1, role: 'cell' as const });
  const head: LayoutRow = { kind: 'indicator-head', cells: ['序号', '项目编码', '项目名称', '自评得分', '等级'].map((t, i) => ({ ...cell(t, i + 1), role: 'head' as const })) };
  drawHeaderRows(doc, grid, [head], cur, bold, regular);
  const rows: LayoutRow[] = sheets.map((s, i) => ({ kind: 'header', cells: [cell(String(i + 1), 1), cell(s.projectCode, 2), cell(s.projectName, 3), cell(s.selfScore, 4), cell(s.grade, 5)] }));
  const summary = selfEvalSummary(sheets);
  rows.push({ kind: 'header', cells: [cell(`平均分（${summary.scored} 张已评分）`, 1, 3), cell(summary.average ?? '', 4), cell('', 5)] });
  rows.push({ kind: 'header', cells: [cell('等级分布', 1, 3), cell((['优', '良', '中', '差'] as const).map((g) => `${g} ${summary.grades[g]}`).join(' · '), 4, 2)] });
  drawHeaderRows(doc, grid, rows, cur, bold, regular);
}

/** One 自评表. */
export function selfEvalPdf(s: SelfEvalSheet): Promise<Buffer> {
  const { doc, done } = newDocument(`${s.projectName}${selfEvalTitle(s)}`);
  drawSheet(doc, s);
  doc.end();
  return done;
}

/** A unit-year: the 汇总 page, then every table from a page of its own. */
export function selfEvalUnitYearPdf(unit: { code: string; name: string }, year: number, sheets: readonly SelfEvalSheet[]): Promise<Buffer> {
  const { doc, done } = newDocument(`${unit.name}${year}年度项目支出绩效自评表`);
  drawSummary(doc, unit, year, sheets);
  for (const s of sheets) drawSheet(doc, s);
  doc.end();
  return done;
}
