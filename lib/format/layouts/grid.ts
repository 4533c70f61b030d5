/** What every reader gives the recogniser: the cells of a table, row by row, with where they came from. */

export type GridRow = {
  cells: string[];
  /** 1-based line of a text document, or the row number in a sheet or a document's table; null when unknown. */
  line: number | null;
};

/** `prose`: rows built from sentences, so every cell stands in its column. */
export type GridKind = 'text' | 'prose' | 'html' | 'xlsx' | 'docx';

export type CellGrid = {
  /** Where the cells came from, for messages and the preview: `第 1 个表格`, `工作表“Sheet1”`. */
  name: string;
  kind: GridKind;
  rows: GridRow[];
  /**
   * One cell per row: text whose row boundaries were lost (one cell per line). The recogniser rebuilds
   * the indicator rows from the column header and from which cells are category labels.
   */
  isFlat: boolean;
  /** Cells split at spaces (columns run together on one line): a long text may stand in several cells. */
  isLoose: boolean;
};

export function gridOf(name: string, kind: GridKind, rows: GridRow[], flags: { isFlat?: boolean; isLoose?: boolean } = {}): CellGrid {
  return { name, kind, rows, isFlat: flags.isFlat ?? false, isLoose: flags.isLoose ?? false };
}
