'use client';

import { useCallback } from 'react';
import { cellOf, fillDownPaths, gridAction, neighbourRow, type CellKind } from '@/lib/editor/grid-keys';
import type { Announcer } from './announcer';
import type { EditorForm } from './context';

function cellKind(el: Element): CellKind {
  if (el instanceof HTMLTextAreaElement) return 'multiline';
  if (el instanceof HTMLSelectElement) return 'select';
  if (el instanceof HTMLInputElement) {
    // An open list of suggestions keeps ↑/↓ and Enter for itself.
    if (el.getAttribute('aria-expanded') === 'true') return 'other';
    return el.type === 'number' ? 'number' : 'line';
  }
  return 'other';
}

/** The rows in the order they appear (print order), read from the page. */
function printOrder(root: HTMLElement): number[] {
  return [...root.querySelectorAll<HTMLElement>('[data-row]')].map((el) => Number(el.dataset.row));
}

/** The same column in another row, else that row's 指标值, else its first field. */
function cellIn(row: number, column: string): HTMLElement | null {
  return (
    document.getElementById(`f-indicators-${row}-${column}`) ??
    (column.startsWith('target') ? document.getElementById(`f-indicators-${row}-value`) : null) ??
    document.querySelector<HTMLElement>(`[data-row="${row}"] input, [data-row="${row}"] textarea, [data-row="${row}"] button`)
  );
}

/**
 * The indicator grid's keys (lib/editor/grid-keys.ts): Enter/Shift+Enter and ↑/↓ move along a column,
 * Ctrl+D fills down from the row above, Ctrl+Enter inserts a row below. A React handler on the grid,
 * so a field that handled a key itself (the suggestions list) has already said so with preventDefault.
 */
export function useGridKeys({ form, announcer, insertBelow }: { form: Pick<EditorForm, 'getValues' | 'setValue'>; announcer: Announcer; insertBelow: (index: number) => void }) {
  return useCallback(
    (e: React.KeyboardEvent<HTMLElement>) => {
      if (e.defaultPrevented) return;
      const el = e.target as HTMLElement;
      const cell = cellOf(el.id);
      if (!cell) return;
      const action = gridAction({ key: e.key, shiftKey: e.shiftKey, ctrlKey: e.ctrlKey, metaKey: e.metaKey, altKey: e.altKey, isComposing: e.nativeEvent.isComposing }, cellKind(el));
      if (!action) return;
      const order = printOrder(e.currentTarget);
      if (action.type === 'insert-below') {
        e.preventDefault();
        insertBelow(cell.index);
        announcer.say(`已在第 ${cell.index + 1} 行下方插入一行`);
        return;
      }
      if (action.type === 'fill-down') {
        e.preventDefault();
        const above = neighbourRow(order, cell.index, -1);
        const paths = fillDownPaths(cell.column);
        const rows = form.getValues('indicators');
        if (above === null || paths.length === 0 || rows[above]?.isPlaceholder || rows[cell.index]?.isPlaceholder) {
          announcer.say('上方没有可填充的内容');
          return;
        }
        for (const p of paths) {
          const path = `indicators.${cell.index}.${p}` as `indicators.${number}.name`;
          form.setValue(path, structuredClone(form.getValues(`indicators.${above}.${p}` as `indicators.${number}.name`)), { shouldDirty: true });
        }
        // The value's inputs may have been replaced (another kind): keep the keyboard in the row.
        requestAnimationFrame(() => {
          if (!el.isConnected) cellIn(cell.index, cell.column)?.focus();
        });
        announcer.say(`已从第 ${above + 1} 行向下填充`);
        return;
      }
      e.preventDefault();
      const next = neighbourRow(order, cell.index, action.rows);
      if (next === null) {
        announcer.say(action.rows > 0 ? '已是最后一行' : '已是第一行');
        return;
      }
      const target = cellIn(next, cell.column);
      if (!target) return;
      target.focus();
      target.scrollIntoView({ block: 'nearest' });
      announcer.say(`第 ${next + 1} 行`);
    },
    [form, announcer, insertBelow],
  );
}
