/**
 * One grid may hold several tables (a sheet with one table under another, a text with many): a new
 * table starts at a title or a project-name label once the current one has had its indicator header.
 */
import { flatHeaderRun, headerColumns } from './columns';
import type { CellGrid, GridRow } from './grid';
import { fieldLabel } from './header-fields';
import { toSimplified } from './traditional';

/** `项目支出绩效目标申报表`, `…绩效目标批复表`, `绩效目标表`, `…绩效自评表`. */
export const TITLE = /绩效(目标)?(申报|批复|自评|评价)?[表]|目标表|自评表/;

export type Segment = { rows: GridRow[] };

const isStart = (row: GridRow) =>
  row.cells.some((c) => {
    const t = c.trim();
    return (t.length <= 80 && TITLE.test(toSimplified(t))) || fieldLabel(t)?.field === 'name';
  });

export function segments(grid: CellGrid): Segment[] {
  const out: Segment[] = [];
  let current: GridRow[] = [];
  let hasHeader = false;
  let flatCells: string[] = [];
  for (const row of grid.rows) {
    if (hasHeader && isStart(row)) {
      out.push({ rows: current });
      current = [];
      hasHeader = false;
      flatCells = [];
    }
    current.push(row);
    if (!hasHeader) {
      if (grid.isFlat) {
        flatCells.push(row.cells[0] ?? '');
        // Only the last cells can complete a header run; looking at a window keeps this linear.
        const run = flatHeaderRun(flatCells, Math.max(0, flatCells.length - 16));
        hasHeader = run !== null && run.end < flatCells.length;
      } else hasHeader = headerColumns(row.cells) !== null;
    }
  }
  if (current.length > 0) out.push({ rows: current });
  return out;
}
