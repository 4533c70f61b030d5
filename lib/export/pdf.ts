/**
 * PDF in the published layout (pdfkit): A4, the CJK font embedded and subset, a page header with the
 * unit and year, page numbers, the indicator header repeated after page breaks. No browser needed.
 */
import { PassThrough } from 'node:stream';
import PDFDocument from 'pdfkit';
import { tableLayout } from '@/lib/format/table-layout';
import { drawHeaderRows, drawIndicatorRows, type Grid } from './pdf-grid';
import { fontBuffer } from './fonts';
import { coverList, SECTION_TITLE, tableTitle, yieldToEventLoop, type ExportSection, type ExportTable } from './model';
import { COLUMN_WIDTHS } from './xlsx';

const PAGE = { width: 595.28, height: 841.89, marginX: 36, top: 58, bottom: 50 };
const FONT_SIZE = 9;

type Doc = PDFKit.PDFDocument;

function pageHeader(doc: Doc, section: ExportSection): void {
  const y = 26;
  const w = PAGE.width - 2 * PAGE.marginX;
  doc.font('cjk').fontSize(8.5).fillColor('#333333');
  doc.text(`${section.unit.code} ${section.unit.name}`, PAGE.marginX, y, { width: w, align: 'left', lineBreak: false });
  doc.text(`预算年度：${section.year}`, PAGE.marginX, y, { width: w, align: 'center', lineBreak: false });
  doc.text('单位：万元', PAGE.marginX, y, { width: w, align: 'right', lineBreak: false });
  doc.moveTo(PAGE.marginX, y + 14).lineTo(PAGE.width - PAGE.marginX, y + 14).lineWidth(0.5).stroke();
  doc.fillColor('#000000').fontSize(FONT_SIZE).lineWidth(0.6);
}

function grid(doc: Doc, section: ExportSection): Grid {
  const width = PAGE.width - 2 * PAGE.marginX;
  const total = COLUMN_WIDTHS.reduce((a, b) => a + b, 0);
  return {
    x: PAGE.marginX,
    widths: COLUMN_WIDTHS.map((w) => (w / total) * width),
    top: PAGE.top,
    bottom: PAGE.height - PAGE.bottom,
    fontSize: FONT_SIZE,
    onNewPage: () => {
      doc.addPage();
      pageHeader(doc, section);
    },
  };
}

function drawTable(doc: Doc, g: Grid, t: ExportTable, cur: { y: number }): void {
  const rows = tableLayout(t.table);
  const headAt = rows.findIndex((r) => r.kind === 'indicator-head');
  const head = rows[headAt]!;
  const headerRows = rows.slice(0, headAt + 1);
  const body = rows.slice(headAt + 1);
  const regular = () => doc.font('cjk').fontSize(FONT_SIZE);
  const bold = () => doc.font('cjk-bold').fontSize(FONT_SIZE);
  // Start a table on a new page unless its title, header block and a first row fit here.
  if (cur.y > g.top && cur.y + 260 > g.bottom) {
    g.onNewPage();
    cur.y = g.top;
  }
  doc.font('cjk-bold').fontSize(12);
  const title = tableTitle(t);
  const titleWidth = PAGE.width - 2 * PAGE.marginX;
  doc.text(title, PAGE.marginX, cur.y, { width: titleWidth, align: 'center' });
  cur.y += doc.heightOfString(title, { width: titleWidth }) + 4;
  if (t.isDraft) {
    doc.font('cjk-bold').fontSize(9).fillColor('#b42318');
    doc.text('草稿：本表尚未审核通过，不得作为公开文本', PAGE.marginX, cur.y, { width: titleWidth, align: 'center' });
    doc.fillColor('#000000');
    cur.y += 14;
  }
  doc.font('cjk').fontSize(FONT_SIZE).text('单位：万元', PAGE.marginX, cur.y, { width: titleWidth, align: 'right' });
  cur.y += 14;
  regular();
  drawHeaderRows(doc, g, headerRows, cur, bold, regular);
  drawIndicatorRows(
    doc,
    g,
    head,
    { rows: body, level1: t.table.indicators.map((r) => r.level1), level2: t.table.indicators.map((r) => `${r.level2}`) },
    cur,
    bold,
    regular,
  );
  cur.y += 18;
}

function drawCover(doc: Doc, g: Grid, section: ExportSection, cur: { y: number }): void {
  const cover = coverList(section);
  const widths = [40, 150, 240, g.widths.reduce((a, b) => a + b, 0) - 430];
  const cols = (cells: string[], bold: boolean, aligns: ('left' | 'center' | 'right')[]) => {
    doc.font(bold ? 'cjk-bold' : 'cjk').fontSize(FONT_SIZE);
    const h = Math.max(18, ...cells.map((c, i) => doc.heightOfString(c, { width: widths[i]! - 6 }) + 6));
    if (cur.y + h > g.bottom) {
      g.onNewPage();
      cur.y = g.top;
    }
    let x = g.x;
    cells.forEach((c, i) => {
      doc.rect(x, cur.y, widths[i]!, h).stroke();
      doc.text(c, x + 3, cur.y + 3, { width: widths[i]! - 6, align: aligns[i] });
      x += widths[i]!;
    });
    cur.y += h;
  };
  doc.font('cjk-bold').fontSize(11).text('项目清单', g.x, cur.y);
  cur.y += 18;
  cols(['序号', '项目编码', '项目名称', '预算数'], true, ['center', 'center', 'center', 'center']);
  for (const r of cover.rows) cols([String(r.number), r.code, `${r.name}${r.isDraft ? '（草稿）' : ''}`, r.total], false, ['center', 'left', 'left', 'right']);
  cols(['', '', '合计', cover.total], true, ['center', 'left', 'right', 'right']);
  if (cover.projectExpenditure !== null) {
    cols(['', '', '单位项目支出', cover.projectExpenditure], true, ['center', 'left', 'right', 'right']);
    cols(['', '', '差额（合计 − 项目支出）', cover.difference ?? ''], true, ['center', 'left', 'right', 'right']);
  }
  cur.y += 20;
}

export async function writePdf(section: ExportSection, out: NodeJS.WritableStream): Promise<void> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.top, bottom: 0, left: PAGE.marginX, right: PAGE.marginX },
    bufferPages: true,
    autoFirstPage: false,
    // Dated by the content, not the clock, so the same data gives the same bytes.
    info: { Title: `${section.unit.name}${section.year}年度项目绩效目标表`, Author: section.unit.name, Creator: '绩效目标管理', CreationDate: section.asOf, ModDate: section.asOf },
  });
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  doc.pipe(out);
  doc.registerFont('cjk', fontBuffer('regular'));
  doc.registerFont('cjk-bold', fontBuffer('bold'));
  const g = grid(doc, section);
  g.onNewPage();
  doc.lineWidth(0.6);
  const cur = { y: g.top };
  if (section.tables.length > 1 || section.includeCover) {
    doc.font('cjk-bold').fontSize(14).text(SECTION_TITLE, g.x, cur.y);
    cur.y += 26;
  }
  if (section.includeCover) drawCover(doc, g, section, cur);
  for (const [i, t] of section.tables.entries()) {
    drawTable(doc, g, t, cur);
    if (i % 10 === 9) await yieldToEventLoop();
  }
  const range = doc.bufferedPageRange();
  for (let i = 0; i < range.count; i++) {
    doc.switchToPage(range.start + i);
    doc.font('cjk').fontSize(8.5).fillColor('#333333');
    doc.text(`第 ${i + 1} 页 / 共 ${range.count} 页`, PAGE.marginX, PAGE.height - 34, { width: PAGE.width - 2 * PAGE.marginX, align: 'center', lineBreak: false });
  }
  doc.end();
  await finished;
}

export async function renderPdf(section: ExportSection): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve) => out.on('end', resolve));
  await writePdf(section, out);
  await done;
  return Buffer.concat(chunks);
}
