/**
 * Drawing the table grid on PDF pages: measuring rows, merging level cells over their runs, repeating
 * the indicator header after a page break, and splitting only rows taller than a page.
 */
import type PDFKit from 'pdfkit';
import type { LayoutCell, LayoutRow } from '@/lib/format/table-layout';

export type Grid = { x: number; widths: number[]; top: number; bottom: number; fontSize: number; onNewPage: () => void };

const PAD = 3;

export function spanWidth(grid: Grid, col: number, span: number): number {
  let w = 0;
  for (let i = col; i < col + span; i++) w += grid.widths[i - 1]!;
  return w;
}

function colX(grid: Grid, col: number): number {
  return grid.x + spanWidth(grid, 1, col - 1);
}

export function textHeight(doc: PDFKit.PDFDocument, text: string, width: number): number {
  return text ? doc.heightOfString(text, { width: width - 2 * PAD, lineGap: 1 }) + 2 * PAD : 2 * PAD + 10;
}

function drawText(doc: PDFKit.PDFDocument, text: string, x: number, y: number, w: number, h: number, align: 'left' | 'center'): void {
  if (!text) return;
  const th = doc.heightOfString(text, { width: w - 2 * PAD, lineGap: 1 });
  const dy = Math.max(PAD, (h - th) / 2);
  doc.text(text, x + PAD, y + dy, { width: w - 2 * PAD, align, lineGap: 1, lineBreak: true });
}

function box(doc: PDFKit.PDFDocument, x: number, y: number, w: number, h: number): void {
  doc.rect(x, y, w, h).stroke();
}

/** The longest prefix of `text` that fits in `height` (binary search on heightOfString). */
function fitPrefix(doc: PDFKit.PDFDocument, text: string, width: number, height: number): number {
  let lo = 0;
  let hi = text.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (textHeight(doc, text.slice(0, mid), width) <= height) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(1, lo);
}

type Cursor = { y: number };

function alignOf(c: LayoutCell, kind: LayoutRow['kind']): 'left' | 'center' {
  return kind === 'indicator-head' || c.role === 'label' || c.role === 'level' || c.field === 'schedule' ? 'center' : 'left';
}

/** The heights of a unit of header rows tied together by row spans (a spanning cell's need goes to its last row). */
function unitHeights(doc: PDFKit.PDFDocument, grid: Grid, unit: LayoutRow[]): number[] {
  const heights = unit.map((r) => Math.max(18, ...r.cells.filter((c) => c.rowSpan === 1).map((c) => textHeight(doc, c.text, spanWidth(grid, c.col, c.colSpan)))));
  for (const c of unit[0]!.cells.filter((x) => x.rowSpan > 1)) {
    const need = textHeight(doc, c.text, spanWidth(grid, c.col, c.colSpan));
    const have = heights.reduce((a, b) => a + b, 0);
    if (need > have) heights[heights.length - 1]! += need - have;
  }
  return heights;
}

/** Header rows grouped into the units that row spans tie together. */
function headerUnits(rows: LayoutRow[]): LayoutRow[][] {
  const units: LayoutRow[][] = [];
  for (let i = 0; i < rows.length; ) {
    const span = Math.max(...rows[i]!.cells.map((c) => c.rowSpan));
    units.push(rows.slice(i, i + span));
    i += span;
  }
  return units;
}

/** How tall these header rows are drawn when none is split. */
export function headerRowsHeight(doc: PDFKit.PDFDocument, grid: Grid, rows: LayoutRow[]): number {
  return headerUnits(rows).reduce((sum, unit) => sum + unitHeights(doc, grid, unit).reduce((a, b) => a + b, 0), 0);
}

/** How tall an indicator row is drawn (its own cells; the level cells span runs). */
export function indicatorRowHeight(doc: PDFKit.PDFDocument, grid: Grid, row: LayoutRow): number {
  return Math.max(18, ...row.cells.filter((c) => c.col >= 3).map((c) => textHeight(doc, c.text, spanWidth(grid, c.col, c.colSpan))));
}

/**
 * Header rows tied together by row spans are drawn as one unit and kept on one page; a unit taller
 * than a page (a 资金用途 or 绩效目标 at its length limit) is split across pages.
 */
export function drawHeaderRows(doc: PDFKit.PDFDocument, grid: Grid, rows: LayoutRow[], cur: Cursor, bold: () => void, regular: () => void): void {
  const pageRoom = grid.bottom - grid.top;
  for (const unit of headerUnits(rows)) {
    const heights = unitHeights(doc, grid, unit);
    const total = heights.reduce((a, b) => a + b, 0);
    if (total > pageRoom) {
      drawUnitAcrossPages(doc, grid, unit, cur, regular);
      continue;
    }
    if (cur.y + total > grid.bottom) {
      grid.onNewPage();
      cur.y = grid.top;
    }
    let y = cur.y;
    unit.forEach((r, k) => {
      for (const c of r.cells) {
        const w = spanWidth(grid, c.col, c.colSpan);
        const h = heights.slice(k, k + c.rowSpan).reduce((a, b) => a + b, 0);
        box(doc, colX(grid, c.col), y, w, h);
        if (r.kind === 'indicator-head') bold();
        else regular();
        drawText(doc, c.text, colX(grid, c.col), y, w, h, alignOf(c, r.kind));
      }
      y += heights[k]!;
    });
    cur.y = y;
  }
  regular();
}

/**
 * A unit taller than a page: each row continues on the next page(s) where it stops, and a cell that
 * spans the unit's rows (预算规模及资金用途) gets a box on each page it reaches, its text in the first.
 */
function drawUnitAcrossPages(doc: PDFKit.PDFDocument, grid: Grid, unit: LayoutRow[], cur: Cursor, regular: () => void): void {
  const side = unit[0]!.cells.filter((c) => c.rowSpan > 1);
  let segmentTop = cur.y;
  let isFirstSegment = true;
  const flushSide = () => {
    const h = cur.y - segmentTop;
    if (h <= 0 || side.length === 0) return;
    regular();
    for (const c of side) {
      const w = spanWidth(grid, c.col, c.colSpan);
      box(doc, colX(grid, c.col), segmentTop, w, h);
      if (isFirstSegment) drawText(doc, c.text, colX(grid, c.col), segmentTop, w, h, alignOf(c, unit[0]!.kind));
    }
    isFirstSegment = false;
  };
  const newPage = () => {
    flushSide();
    grid.onNewPage();
    cur.y = grid.top;
    segmentTop = cur.y;
  };
  // Each row is drawn from where the one above ended, split where the page ends (no half-empty page).
  for (const r of unit) drawSplitRow(doc, grid, { ...r, cells: r.cells.filter((c) => c.rowSpan === 1) }, cur, regular, newPage);
  flushSide();
}

/** A row taller than the room left: its cells continue on the next page(s), each where it stopped. */
function drawSplitRow(doc: PDFKit.PDFDocument, grid: Grid, row: LayoutRow, cur: Cursor, regular: () => void, newPage: () => void): void {
  let rest = row.cells.map((c) => c.text);
  do {
    if (grid.bottom - cur.y < 40) newPage();
    // Measured in the cell font (a new page's furniture leaves another font set).
    regular();
    const room = grid.bottom - cur.y;
    const parts = rest.map((t, k) => {
      const c = row.cells[k]!;
      const w = spanWidth(grid, c.col, c.colSpan);
      if (textHeight(doc, t, w) <= room) return t;
      return t.slice(0, fitPrefix(doc, t, w, room));
    });
    rest = rest.map((t, k) => t.slice(parts[k]!.length));
    const isDone = rest.every((t) => t === '');
    // A part that does not end the row fills the page, so the row reads on at the next page's top.
    const h = isDone ? Math.max(18, ...parts.map((t, k) => textHeight(doc, t, spanWidth(grid, row.cells[k]!.col, row.cells[k]!.colSpan)))) : room;
    row.cells.forEach((c, k) => {
      const w = spanWidth(grid, c.col, c.colSpan);
      box(doc, colX(grid, c.col), cur.y, w, h);
      drawText(doc, parts[k]!, colX(grid, c.col), cur.y, w, h, alignOf(c, row.kind));
    });
    cur.y += h;
    if (!isDone) newPage();
  } while (rest.some((t) => t !== ''));
}

/** Per level column: the value that decides runs (level 2 keyed by its level 1) and the text printed. */
export type LevelColumn = { keys: string[]; texts: string[] };
type Body = { rows: LayoutRow[]; levels: [LevelColumn, LevelColumn] };

/**
 * The indicator header and rows: columns 3–7 per row; the level columns drawn as one box per run of
 * equal values on each page, with the text at its first row. The header is repeated on every new page.
 */
export function drawIndicatorRows(doc: PDFKit.PDFDocument, grid: Grid, head: LayoutRow, body: Body, cur: Cursor, bold: () => void, regular: () => void): void {
  const own = (r: LayoutRow) => r.cells.filter((c) => c.col >= 3);
  const heights = body.rows.map((r) => indicatorRowHeight(doc, grid, r));
  const levels = body.levels;
  // A run must be tall enough for its level text.
  for (const [k, { keys, texts }] of levels.entries()) {
    for (let i = 0; i < keys.length; ) {
      let j = i;
      while (j + 1 < keys.length && keys[j + 1] === keys[i]) j++;
      const need = textHeight(doc, texts[i]!, grid.widths[k]!);
      const have = heights.slice(i, j + 1).reduce((a, b) => a + b, 0);
      if (need > have) heights[j]! += need - have;
      i = j + 1;
    }
  }
  const pageRoom = grid.bottom - grid.top;
  // The header is kept with the first row: both start the next page when they do not fit here (a first
  // row too tall for any page needs only a start under the header).
  const headHeight = headerRowsHeight(doc, grid, [head]);
  const firstNeed = heights.length === 0 ? 0 : heights[0]! <= pageRoom - headHeight ? heights[0]! : 40;
  if (cur.y > grid.top && cur.y + headHeight + firstNeed > grid.bottom) {
    grid.onNewPage();
    cur.y = grid.top;
  }
  drawHeaderRows(doc, grid, [head], cur, bold, regular);
  // The rows on the current page with the height each takes there (a split row: its part on this page).
  let pageRows: { row: number; height: number }[] = [];
  let pageTop = cur.y;
  const flushLevels = () => {
    for (const [k, { keys, texts }] of levels.entries()) {
      let y = pageTop;
      for (let n = 0; n < pageRows.length; ) {
        let m = n;
        while (m + 1 < pageRows.length && keys[pageRows[m + 1]!.row] === keys[pageRows[n]!.row]) m++;
        const h = pageRows.slice(n, m + 1).reduce((a, r) => a + r.height, 0);
        box(doc, colX(grid, k + 1), y, grid.widths[k]!, h);
        regular();
        drawText(doc, texts[pageRows[n]!.row]!, colX(grid, k + 1), y, grid.widths[k]!, h, 'center');
        y += h;
        n = m + 1;
      }
    }
  };
  const newPage = () => {
    flushLevels();
    grid.onNewPage();
    cur.y = grid.top;
    drawHeaderRows(doc, grid, [head], cur, bold, regular);
    pageRows = [];
    pageTop = cur.y;
  };
  const drawCells = (cells: LayoutCell[], texts: string[], h: number) => {
    cells.forEach((c, k) => {
      const w = spanWidth(grid, c.col, c.colSpan);
      box(doc, colX(grid, c.col), cur.y, w, h);
      regular();
      drawText(doc, texts[k]!, colX(grid, c.col), cur.y, w, h, 'left');
    });
  };
  body.rows.forEach((row, i) => {
    const h = heights[i]!;
    const cells = own(row);
    if (h <= pageRoom && cur.y + h > grid.bottom && pageRows.length > 0) newPage();
    if (cur.y + h <= grid.bottom) {
      drawCells(cells, cells.map((c) => c.text), h);
      pageRows.push({ row: i, height: h });
      cur.y += h;
      return;
    }
    // Taller than the room under the header on a page of its own (cells at their length limit in
    // narrow columns): the row continues on the next page, under the repeated header, each cell's
    // text carried on where it stopped.
    let rest = cells.map((c) => c.text);
    if (grid.bottom - cur.y < 40 && pageRows.length > 0) newPage();
    for (;;) {
      const room = grid.bottom - cur.y;
      const parts = rest.map((t, k) => {
        const w = spanWidth(grid, cells[k]!.col, cells[k]!.colSpan);
        return textHeight(doc, t, w) <= room ? t : t.slice(0, fitPrefix(doc, t, w, room));
      });
      rest = rest.map((t, k) => t.slice(parts[k]!.length));
      const done = rest.every((t) => t === '');
      // A part that does not end the row fills the page, so the row reads on at the next page's top.
      const partHeight = done ? Math.max(18, ...parts.map((t, k) => textHeight(doc, t, spanWidth(grid, cells[k]!.col, cells[k]!.colSpan)))) : room;
      drawCells(cells, parts, partHeight);
      pageRows.push({ row: i, height: partHeight });
      cur.y += partHeight;
      if (done) break;
      newPage();
    }
  });
  flushLevels();
}
