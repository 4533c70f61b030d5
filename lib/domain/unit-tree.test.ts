import { describe, expect, it } from 'vitest';
import { treeOrder, wouldCloseCycle } from './unit-tree';

describe('unit tree', () => {
  it('orders depth-first with children by code, and indents by depth', () => {
    const units = [
      { id: 3, code: '441002', parentId: 1 },
      { id: 1, code: '4410', parentId: null },
      { id: 2, code: '441001', parentId: 1 },
      { id: 4, code: '4420', parentId: null },
      { id: 5, code: '44100101', parentId: 2 },
    ];
    expect(treeOrder(units).map((r) => `${r.depth}:${r.unit.code}`)).toEqual(['0:4410', '1:441001', '2:44100101', '1:441002', '0:4420']);
  });

  it('puts a unit whose parent is not listed at the top', () => {
    expect(treeOrder([{ id: 2, code: 'B01', parentId: 9 }]).map((r) => r.depth)).toEqual([0]);
  });

  it('refuses a move under itself or under one of its own descendants', () => {
    expect(wouldCloseCycle(1, [1])).toBe(true);
    expect(wouldCloseCycle(1, [5, 2, 1])).toBe(true);
    expect(wouldCloseCycle(1, [4])).toBe(false);
  });
});
