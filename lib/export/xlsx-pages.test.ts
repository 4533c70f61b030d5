import { describe, expect, it } from 'vitest';
import { pageStarts, splitAtPages } from './xlsx-pages';

describe('XLSX page breaks', () => {
  it('starts a page before the row that would overflow, counting the repeated header on later pages', () => {
    // Rows 0–1 header block (40 each), 2 the indicator header (20), then ten 30-point rows; page 200.
    const heights = [40, 40, 20, ...Array<number>(10).fill(30)];
    // Page 1: 10 above + 100 + rows 3–5 (90) = 200 exactly; row 6 starts page 2 with the repeated
    // header: 20 + rows 6–11 (180) = 200; row 12 starts page 3.
    expect(pageStarts(heights, 2, 10, 200)).toEqual([6, 12]);
  });

  it('never separates the indicator header from the first indicator row', () => {
    // The first indicator row does not fit on page 1: no manual break before it; the program's own
    // break puts it on page 2 under the repeated header (20 + 50 × 3 = 170), and row 5 starts page 3.
    expect(pageStarts([150, 20, 50, 50, 50, 50], 1, 0, 200)).toEqual([5]);
  });

  it('leaves a table that fits on one page alone', () => {
    expect(pageStarts([40, 20, 30, 30], 1, 30, 200)).toEqual([]);
  });

  it('splits a merged run at the page starts inside it only', () => {
    expect(splitAtPages(4, 6, [2, 6, 8, 10, 12])).toEqual([
      [4, 2],
      [6, 2],
      [8, 2],
    ]);
    expect(splitAtPages(4, 1, [4, 5])).toEqual([[4, 1]]);
    expect(splitAtPages(4, 3, [4])).toEqual([[4, 3]]);
  });
});
