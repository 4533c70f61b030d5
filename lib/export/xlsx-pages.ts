/**
 * Where a long table's printed pages end in the XLSX. A level cell merged over a page break is
 * printed once, centred over the whole run, so spreadsheet programs cut its text at the break; the
 * export therefore puts manual page breaks between indicator rows and splits the level cells there.
 */

/**
 * Sheet-row points that fit on one A4 portrait page. Printable height is 841.89 − 2 × 0.6 in =
 * 755.5 pt; fit-to-width scales the 100-character-wide grid (about 551 pt) to 523 pt, i.e. 94 %, giving
 * about 803 pt of rows. 720 leaves room for the programs' differing font metrics and scaling.
 */
export const PAGE_ROWS_HEIGHT = 720;

/**
 * The rows (indices into `heights`) that start a new page. `above` is the height printed above row 0;
 * `headerAt` is the indicator header row, repeated on every page as the print title. Breaks go only
 * between indicator rows, never between the header and the first indicator row.
 */
export function pageStarts(heights: readonly number[], headerAt: number, above: number, page = PAGE_ROWS_HEIGHT): number[] {
  const starts: number[] = [];
  let y = above;
  heights.forEach((h, i) => {
    if (y + h > page && y > 0) {
      if (i >= headerAt + 2) {
        starts.push(i);
        y = heights[headerAt]! + h;
        return;
      }
      // Elsewhere the program breaks by itself; count from the new page's top (its print title).
      y = i > headerAt ? heights[headerAt]! : 0;
    }
    y += h;
  });
  return starts;
}

/** Splits rows [first, first + span) at page starts into runs of [first row, row count]. */
export function splitAtPages(first: number, span: number, starts: readonly number[]): [number, number][] {
  const cuts = starts.filter((s) => s > first && s < first + span);
  const edges = [first, ...cuts, first + span];
  return edges.slice(0, -1).map((a, k) => [a, edges[k + 1]! - a]);
}
