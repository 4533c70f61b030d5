/**
 * The indicator grid's keys, as in a spreadsheet. Pure: a key press and the kind of field it happened
 * in become a grid action; the tree carries it out. Keys a field needs for itself (↑/↓ in a list of
 * suggestions, text lines, a select's options) are left to it.
 */

/** What the focused element is, as far as the keys are concerned. */
export type CellKind = 'line' | 'number' | 'multiline' | 'select' | 'other';

export type KeyPress = { key: string; shiftKey: boolean; ctrlKey: boolean; metaKey: boolean; altKey: boolean; isComposing: boolean };

export type GridAction =
  | { type: 'move'; rows: -1 | 1 }
  | { type: 'fill-down' }
  | { type: 'insert-below' }
  | null;

export function gridAction(k: KeyPress, cell: CellKind): GridAction {
  if (k.isComposing || cell === 'other') return null;
  const ctrl = k.ctrlKey || k.metaKey;
  if (ctrl && !k.altKey && !k.shiftKey && k.key.toLowerCase() === 'd') return { type: 'fill-down' };
  if (ctrl && !k.altKey && !k.shiftKey && k.key === 'Enter') return { type: 'insert-below' };
  if (ctrl || k.altKey) return null; // Alt+↑/↓ moves the row; Alt+Enter is a new line in a long text
  if (k.key === 'Enter') return { type: 'move', rows: k.shiftKey ? -1 : 1 };
  if (k.shiftKey) return null;
  // ↑/↓ never step a number or a select's choice here; a long text keeps them for its own lines.
  if ((k.key === 'ArrowUp' || k.key === 'ArrowDown') && (cell === 'line' || cell === 'number')) return { type: 'move', rows: k.key === 'ArrowUp' ? -1 : 1 };
  return null;
}

/** Undo and redo work anywhere in the table: Ctrl+Z, Ctrl+Y and Ctrl+Shift+Z. */
export function historyKey(k: KeyPress): 'undo' | 'redo' | null {
  if (!(k.ctrlKey || k.metaKey) || k.altKey || k.isComposing) return null;
  const key = k.key.toLowerCase();
  if (key === 'z') return k.shiftKey ? 'redo' : 'undo';
  if (key === 'y' && !k.shiftKey) return 'redo';
  return null;
}

/** A grid cell's element id (`f-indicators-4-target-unit`) → { index: 4, column: 'target-unit' }; null elsewhere. */
export function cellOf(id: string): { index: number; column: string } | null {
  const m = /^f-indicators-(\d+)-(.+)$/.exec(id);
  return m ? { index: Number(m[1]), column: m[2]! } : null;
}

/** The row `step` rows away in print order (the order rows appear in), or null past either end. */
export function neighbourRow(order: readonly number[], index: number, step: -1 | 1): number | null {
  const at = order.indexOf(index);
  if (at < 0) return null;
  return order[at + step] ?? null;
}

/**
 * What Ctrl+D copies from the row above: a text column is copied as it is; any part of the 指标值
 * copies the whole value (kind, comparator, number, unit or date) so the row reads the same.
 */
export function fillDownPaths(column: string): string[] {
  if (column === 'value' || column.startsWith('target')) return ['target', 'value'];
  return ['name', 'description', 'basis'].includes(column) ? [column] : [];
}
