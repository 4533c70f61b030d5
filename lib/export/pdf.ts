/**
 * PDF in the published layout (pdfkit): A4, the CJK font embedded and subset, a page header with the
 * unit and year, page numbers, the indicator header repeated after page breaks. No browser needed.
 */
import { PassThrough } from 'node:stream';
import PDFDocument from 'pdfkit';
import { tableLayout } from '@/lib/format/table-layout';
import { drawHeaderRows, drawIndicatorRows, headerRowsHeight, indicatorRowHeight, type Grid } from './pdf-grid';
import { parsedFont } from './fonts';
import { draftWatermark, PAGE, pageFurniture, type PageFurniture } from './pdf-pages';
import { COLUMN_WIDTHS, coverList, SECTION_TITLE, summariesOf, tableTitle, type ExportSection, type ExportTable } from './model';
import { pacer } from './pace';

const FONT_SIZE = 9;

type Doc = PDFKit.PDFDocument;

/** The table grid's left edge and column widths in points (the XLSX widths scaled to the page). */
export function pdfColumns(): { x: number; widths: number[] } {
  const width = PAGE.width - 2 * PAGE.marginX;
  const total = COLUMN_WIDTHS.reduce((a, b) => a + b, 0);
  return { x: PAGE.marginX, widths: COLUMN_WIDTHS.map((w) => (w / total) * width) };
}

function grid(furniture: PageFurniture): Grid {
  return { ...pdfColumns(), top: PAGE.top, bottom: PAGE.height - PAGE.bottom, fontSize: FONT_SIZE, onNewPage: furniture.startPage };
}

/** Draws the table; a draft gets its watermark on each page before the page is left. */
function drawTable(doc: Doc, page: Grid, t: ExportTable, cur: { y: number }): void {
  let top = cur.y;
  const mark = (bottom: number) => {
    if (t.isDraft) draftWatermark(doc, { top, bottom });
  };
  const g: Grid = {
    ...page,
    onNewPage: () => {
      mark(page.bottom);
      page.onNewPage();
      top = page.top;
    },
  };
  const rows = tableLayout(t.table);
  const headAt = rows.findIndex((r) => r.kind === 'indicator-head');
  const head = rows[headAt]!;
  const headerRows = rows.slice(0, headAt);
  const body = rows.slice(headAt + 1);
  const regular = () => doc.font('cjk').fontSize(FONT_SIZE);
  const bold = () => doc.font('cjk-bold').fontSize(FONT_SIZE);
  const title = tableTitle(t);
  const titleWidth = PAGE.width - 2 * PAGE.marginX;
  // A table starts on a new page unless its title, header block, indicator header and first row fit
  // here. A header block taller than a page is split anyway: it may start here when the title, the
  // code and budget rows and the first lines of the purpose fit, so a title is never left alone.
  doc.font('cjk-bold').fontSize(12);
  const titleHeight = doc.heightOfString(title, { width: titleWidth }) + 4 + (t.isDraft ? 14 : 0) + 14;
  regular();
  const opening = titleHeight + headerRowsHeight(doc, g, [...headerRows, head]) + (body[0] ? indicatorRowHeight(doc, g, body[0]) : 0);
  const need = opening <= g.bottom - g.top ? opening : titleHeight + 150;
  if (cur.y > g.top && cur.y + need > g.bottom) {
    page.onNewPage();
    cur.y = g.top;
    top = cur.y;
  }
  doc.font('cjk-bold').fontSize(12);
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
    {
      rows: body,
      levels: [
        { keys: t.table.indicators.map((r) => r.level1), texts: t.table.indicators.map((r) => r.level1) },
        // Level 2 runs stop where level 1 changes, as in the table layout.
        { keys: t.table.indicators.map((r) => `${r.level1}\u0000${r.level2}`), texts: t.table.indicators.map((r) => r.level2) },
      ],
    },
    cur,
    bold,
    regular,
  );
  mark(cur.y);
  cur.y += 18;
}

async function drawCover(doc: Doc, g: Grid, section: ExportSection, cur: { y: number }, pace: () => Promise<void>): Promise<void> {
  const cover = coverList(section, summariesOf(section));
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
  for (const r of cover.rows) {
    cols([String(r.number), r.code, `${r.name}${r.isDraft ? '（草稿）' : ''}`, r.total], false, ['center', 'left', 'left', 'right']);
    await pace();
  }
  cols(['', '', '合计', cover.total], true, ['center', 'left', 'right', 'right']);
  if (cover.projectExpenditure !== null) {
    cols(['', '', '单位项目支出', cover.projectExpenditure], true, ['center', 'left', 'right', 'right']);
    cols(['', '', '差额（合计 − 项目支出）', cover.difference ?? ''], true, ['center', 'left', 'right', 'right']);
  }
  const width = widths.reduce((a, b) => a + b, 0);
  doc.font('cjk').fontSize(FONT_SIZE);
  if (cur.y + 4 + doc.heightOfString(cover.note, { width }) > g.bottom) {
    g.onNewPage();
    cur.y = g.top;
  }
  doc.text(cover.note, g.x, cur.y + 4, { width });
  cur.y += 4 + doc.heightOfString(cover.note, { width }) + 16;
}

type LayoutCaches = { _fontFamilies: Record<string, { layoutCache?: Record<string, unknown> }> };

/** Layouts kept per font: the labels and words every table repeats, and one table's cells. */
const MAX_LAYOUTS = 3000;

/**
 * pdfkit keeps the glyph layout of every string it has measured or drawn, for the whole document: with
 * thousands of distinct cells that grows without bound (about 50 KB a table). The cache still pays for
 * labels, level names and words that recur, so it is emptied only when it grows past a few tables'
 * worth.
 */
function boundLayouts(doc: Doc): void {
  for (const font of Object.values((doc as unknown as LayoutCaches)._fontFamilies)) {
    if (font.layoutCache && Object.keys(font.layoutCache).length > MAX_LAYOUTS) font.layoutCache = Object.create(null) as Record<string, unknown>;
  }
}

/** Bytes pdfkit may hold for a slow reader before the export waits for it. */
const MAX_UNSENT = 512 * 1024;

/**
 * Writes the PDF to `out` page by page as it is drawn, letting other requests run between tables and
 * waiting for a slow reader. Rejects with ExportAborted when `out` is closed early.
 */
export async function writePdf(section: ExportSection, out: NodeJS.WritableStream): Promise<void> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.top, bottom: 0, left: PAGE.marginX, right: PAGE.marginX },
    autoFirstPage: false,
    // Dated by the content, not the clock, so the same data gives the same bytes.
    info: { Title: `${section.unit.name}${section.year}年度项目绩效目标表`, Author: section.unit.name, Creator: '绩效目标管理', CreationDate: section.asOf, ModDate: section.asOf },
  });
  doc.pipe(out);
  const pace = pacer(out, { isFull: () => doc.readableLength > MAX_UNSENT, wait: () => new Promise((resolve) => setImmediate(resolve)) });
  try {
    // pdfkit takes an already parsed font too; its types list only files and bytes.
    doc.registerFont('cjk', parsedFont('regular') as unknown as Buffer);
    doc.registerFont('cjk-bold', parsedFont('bold') as unknown as Buffer);
    await drawSection(doc, section, pace);
  } catch (error) {
    doc.unpipe(out);
    throw error;
  }
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
  doc.end();
  await finished;
}

/** One unit's section from a fresh page: its pages carry the unit in their heading and count on their own. */
async function drawSection(doc: Doc, section: ExportSection, pace: () => Promise<void>): Promise<void> {
  const furniture = pageFurniture(doc, section);
  const g = grid(furniture);
  g.onNewPage();
  doc.lineWidth(0.6);
  const cur = { y: g.top };
  if (summariesOf(section).length > 1 || section.includeCover) {
    doc.font('cjk-bold').fontSize(14).text(SECTION_TITLE, g.x, cur.y);
    cur.y += 26;
  }
  if (section.includeCover) await drawCover(doc, g, section, cur, pace);
  for await (const t of section.tables) {
    drawTable(doc, g, t, cur);
    boundLayouts(doc);
    await pace();
  }
  furniture.finish();
}

/**
 * Several units' sections in one PDF (a department's export, issue 18): each starts on a new page with
 * its 项目清单, and every page is headed by its unit.
 */
export async function writePdfSections(title: string, sections: readonly ExportSection[], out: NodeJS.WritableStream): Promise<void> {
  const asOf = new Date(Math.max(0, ...sections.map((s) => s.asOf.getTime())));
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: PAGE.top, bottom: 0, left: PAGE.marginX, right: PAGE.marginX },
    autoFirstPage: false,
    info: { Title: title, Creator: '绩效目标管理', CreationDate: asOf, ModDate: asOf },
  });
  doc.pipe(out);
  const pace = pacer(out, { isFull: () => doc.readableLength > MAX_UNSENT, wait: () => new Promise((resolve) => setImmediate(resolve)) });
  try {
    doc.registerFont('cjk', parsedFont('regular') as unknown as Buffer);
    doc.registerFont('cjk-bold', parsedFont('bold') as unknown as Buffer);
    for (const section of sections) await drawSection(doc, { ...section, includeCover: true }, pace);
  } catch (error) {
    doc.unpipe(out);
    throw error;
  }
  const finished = new Promise<void>((resolve, reject) => {
    out.on('finish', resolve);
    out.on('error', reject);
  });
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
