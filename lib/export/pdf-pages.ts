/**
 * What every PDF page carries besides the tables: the header line, `第 N 页 / 共 M 页` and the draft
 * watermark. Pages are written out as they fill (memory stays flat however long the section), so M,
 * unknown until the end, is a form XObject that every page shows and that is filled in last.
 */
import type { ExportSection } from './model';

type Doc = PDFKit.PDFDocument;

export const PAGE = { width: 595.28, height: 841.89, marginX: 36, top: 58, bottom: 50 };
const SMALL = 8.5;
const GREY = '#333333';

/** The parts of pdfkit used here that its type declarations leave out. */
type Ref = { data: Record<string, unknown>; end(chunk?: string): void };
type Internals = {
  _font: { id: string; ref(): unknown; encode(text: string): [string[], unknown[]] };
  page: { xobjects: Record<string, unknown> };
  ref(data: Record<string, unknown>): Ref;
  addContent(data: string): Doc;
};
const internals = (doc: Doc) => doc as unknown as Internals;

export type PageFurniture = { startPage: () => void; finish: () => void };

export function pageFurniture(doc: Doc, section: ExportSection): PageFurniture {
  const total = internals(doc).ref({ Type: 'XObject', Subtype: 'Form', BBox: [0, -4, 120, 12] });
  let pages = 0;
  const w = PAGE.width - 2 * PAGE.marginX;
  const footerY = PAGE.height - 34;
  return {
    startPage: () => {
      doc.addPage();
      pages++;
      const y = 26;
      doc.font('cjk').fontSize(SMALL).fillColor(GREY);
      doc.text(`${section.unit.code} ${section.unit.name}`, PAGE.marginX, y, { width: w, align: 'left', lineBreak: false });
      doc.text(`预算年度：${section.year}`, PAGE.marginX, y, { width: w, align: 'center', lineBreak: false });
      doc.text('单位：万元', PAGE.marginX, y, { width: w, align: 'right', lineBreak: false });
      doc.moveTo(PAGE.marginX, y + 14).lineTo(PAGE.width - PAGE.marginX, y + 14).lineWidth(0.5).stroke();
      // `第 N 页 / ` ends at the page's centre line, where the shared `共 M 页` begins.
      const left = `第 ${pages} 页 / `;
      const cx = PAGE.width / 2;
      doc.text(left, cx - doc.widthOfString(left), footerY, { lineBreak: false });
      internals(doc).page.xobjects.PageTotal = total;
      const baseline = footerY + doc.currentLineHeight() * 0.8;
      // pdfkit's page space runs top-down; the form is drawn the right way up at the baseline.
      doc.save();
      internals(doc).addContent(`1 0 0 -1 ${cx.toFixed(2)} ${baseline.toFixed(2)} cm /PageTotal Do`);
      doc.restore();
      doc.fillColor('#000000').lineWidth(0.6);
    },
    finish: () => {
      doc.font('cjk').fontSize(SMALL);
      const font = internals(doc)._font;
      const [glyphs] = font.encode(`共 ${pages} 页`);
      total.data.Resources = { Font: { [font.id]: font.ref() } };
      total.end(`0.2 0.2 0.2 rg BT /${font.id} ${SMALL} Tf 0 0 Td <${glyphs.join('')}> Tj ET`);
    },
  };
}

/** Where a draft table lies on the current page. */
export type Extent = { top: number; bottom: number };

type Glyph = { advanceWidth: number; path: { toSVG(): string } };
type FontkitFont = { unitsPerEm: number; layout(text: string): { glyphs: Glyph[] } };
type FontInternals = { _font: { font: FontkitFont } };

const WATERMARK = '草稿';

/**
 * A large faint diagonal 草稿 over a draft table's part of the current page, drawn as the glyphs'
 * outlines rather than as text: it shows on the page and in print, but text extraction (pdftotext,
 * screen readers, copy and paste) does not read it among the cells. The visible, extractable notice is
 * the line under the title.
 */
export function draftWatermark(doc: Doc, e: Extent): void {
  const h = e.bottom - e.top;
  if (h < 40) return;
  const size = Math.min(110, h * 0.5);
  const cx = PAGE.width / 2;
  const cy = e.top + h / 2;
  doc.font('cjk-bold');
  const font = (doc as unknown as FontInternals)._font.font;
  const { glyphs } = font.layout(WATERMARK);
  const scale = size / font.unitsPerEm;
  let x = cx - (glyphs.reduce((w, g) => w + g.advanceWidth, 0) * scale) / 2;
  // CJK glyphs sit about 0.38 em above the baseline's centre line.
  const baseline = cy + size * 0.38;
  doc.save();
  doc.rotate(-30, { origin: [cx, cy] });
  doc.fillColor('#b42318').fillOpacity(0.1);
  for (const glyph of glyphs) {
    doc.save();
    // Font units run y-up; pdfkit's page space runs y-down.
    doc.transform(scale, 0, 0, -scale, x, baseline);
    doc.path(glyph.path.toSVG()).fill();
    doc.restore();
    x += glyph.advanceWidth * scale;
  }
  doc.restore();
  doc.fillOpacity(1).fillColor('#000000');
}
