import { describe, expect, it } from 'vitest';
import { nextCheckpoint } from './plan';

const plan = (...months: number[]) => months.map((month, i) => ({ month, percent: Math.round(((i + 1) / months.length) * 100) }));

describe('nextCheckpoint', () => {
  it('adds three months after the last checkpoint, keeping its percent', () => {
    expect(nextCheckpoint(plan(3, 6))).toEqual({ index: 2, checkpoint: { month: 9, percent: 100 } });
    expect(nextCheckpoint([])).toEqual({ index: 0, checkpoint: { month: 3, percent: 0 } });
  });

  it('ends at 12 月 with 100%', () => {
    expect(nextCheckpoint([{ month: 10, percent: 75 }])).toEqual({ index: 1, checkpoint: { month: 12, percent: 100 } });
  });

  it('after 12 月 fills the widest gap instead of adding a second 12 月', () => {
    const r = nextCheckpoint([
      { month: 3, percent: 25 },
      { month: 6, percent: 50 },
      { month: 10, percent: 75 },
      { month: 12, percent: 100 },
    ]);
    expect(r).toEqual({ index: 2, checkpoint: { month: 8, percent: 50 } });
  });

  it('never repeats a month, and gives up when all twelve are listed', () => {
    const all = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, percent: 100 }));
    expect(nextCheckpoint(all)).toBeNull();
    const r = nextCheckpoint(plan(1, 2, 3, 5, 6, 7, 8, 9, 10, 11, 12));
    expect(r?.checkpoint.month).toBe(4);
  });
});
