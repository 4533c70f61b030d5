import { describe, expect, it } from 'vitest';
import { isAllSelected, selectAll, selectedRows, toggleRow, type QueueRow } from './queue-selection';

const rows: QueueRow[] = [
  { id: 1, name: '甲', warningCount: 0, errorCount: 0 },
  { id: 2, name: '乙', warningCount: 2, errorCount: 0 },
  { id: 3, name: '丙', warningCount: 0, errorCount: 0 },
  { id: 4, name: '丁', warningCount: 1, errorCount: 0 },
];

describe('批量审核通过 selection', () => {
  it('全选 leaves out the tables with 提醒', () => {
    expect([...selectAll(rows, new Set(), true)]).toEqual([1, 3]);
  });

  it('keeps a table with 提醒 that was ticked on purpose, also through 全选 off and on again', () => {
    const ticked = toggleRow(new Set(), 2);
    expect([...selectAll(rows, ticked, true)]).toEqual([1, 2, 3]);
    expect([...selectAll(rows, new Set([1, 2, 3]), false)]).toEqual([2]);
    expect([...selectAll(rows, new Set([2]), true)]).toEqual([1, 2, 3]);
  });

  it('reads 全选 as checked once every quiet table is selected, whatever the warned ones', () => {
    expect(isAllSelected(rows, new Set([1, 3]))).toBe(true);
    expect(isAllSelected(rows, new Set([1, 2]))).toBe(false);
    expect(isAllSelected([rows[1]!], new Set([2]))).toBe(false);
  });

  it('toggles one row and gives the selected rows in queue order', () => {
    expect([...toggleRow(new Set([1, 3]), 3)]).toEqual([1]);
    expect(selectedRows(rows, new Set([4, 1, 99])).map((r) => r.id)).toEqual([1, 4]);
  });
});
