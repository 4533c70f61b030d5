import { describe, expect, it } from 'vitest';
import { cellOf, fillDownPaths, gridAction, historyKey, neighbourRow, type KeyPress } from './grid-keys';

const press = (key: string, mods: Partial<KeyPress> = {}): KeyPress => ({ key, shiftKey: false, ctrlKey: false, metaKey: false, altKey: false, isComposing: false, ...mods });

describe('grid keys', () => {
  it('Enter and Shift+Enter move down and up a column, in every kind of cell', () => {
    expect(gridAction(press('Enter'), 'line')).toEqual({ type: 'move', rows: 1 });
    expect(gridAction(press('Enter', { shiftKey: true }), 'number')).toEqual({ type: 'move', rows: -1 });
    // Enter never puts a new line into a value: a long text too moves on (Alt+Enter is its new line).
    expect(gridAction(press('Enter'), 'multiline')).toEqual({ type: 'move', rows: 1 });
    expect(gridAction(press('Enter', { altKey: true }), 'multiline')).toBeNull();
  });

  it('↑/↓ move between rows in one-line fields and numbers (never stepping the number), not in long texts or selects', () => {
    expect(gridAction(press('ArrowDown'), 'number')).toEqual({ type: 'move', rows: 1 });
    expect(gridAction(press('ArrowUp'), 'line')).toEqual({ type: 'move', rows: -1 });
    expect(gridAction(press('ArrowUp'), 'multiline')).toBeNull();
    expect(gridAction(press('ArrowDown'), 'select')).toBeNull();
    // Alt+↑/↓ is the row move, handled by the row.
    expect(gridAction(press('ArrowDown', { altKey: true }), 'line')).toBeNull();
  });

  it('Ctrl+D fills down, Ctrl+Enter inserts a row below; nothing while an IME composes', () => {
    expect(gridAction(press('d', { ctrlKey: true }), 'line')).toEqual({ type: 'fill-down' });
    expect(gridAction(press('D', { metaKey: true }), 'select')).toEqual({ type: 'fill-down' });
    expect(gridAction(press('Enter', { ctrlKey: true }), 'multiline')).toEqual({ type: 'insert-below' });
    expect(gridAction(press('Enter', { isComposing: true }), 'line')).toBeNull();
    expect(gridAction(press('Enter'), 'other')).toBeNull();
    expect(gridAction(press('Tab'), 'line')).toBeNull();
  });

  it('Ctrl+Z undoes, Ctrl+Y and Ctrl+Shift+Z redo', () => {
    expect(historyKey(press('z', { ctrlKey: true }))).toBe('undo');
    expect(historyKey(press('Z', { ctrlKey: true, shiftKey: true }))).toBe('redo');
    expect(historyKey(press('y', { ctrlKey: true }))).toBe('redo');
    expect(historyKey(press('z'))).toBeNull();
  });

  it('finds the cell and the row above or below in print order', () => {
    expect(cellOf('f-indicators-4-target-unit')).toEqual({ index: 4, column: 'target-unit' });
    expect(cellOf('f-name')).toBeNull();
    const order = [0, 1, 5, 2, 3];
    expect(neighbourRow(order, 5, 1)).toBe(2);
    expect(neighbourRow(order, 5, -1)).toBe(1);
    expect(neighbourRow(order, 3, 1)).toBeNull();
    expect(neighbourRow(order, 9, 1)).toBeNull();
  });

  it('fill-down copies a text column as it is, and the whole 指标值 from any of its parts', () => {
    expect(fillDownPaths('basis')).toEqual(['basis']);
    expect(fillDownPaths('target-number')).toEqual(['target', 'value']);
    expect(fillDownPaths('remove')).toEqual([]);
    expect(fillDownPaths('value')).toEqual(['target', 'value']);
  });
});
