import { describe, expect, it } from 'vitest';
import { deadlineState, filterAndSort, rollupRows, todayInChina, totals, type RollupInput } from './rollup';

const cell = (over: Partial<RollupInput>): RollupInput => ({
  unitYearId: 1, unitId: 1, unitCode: '441001', unitName: '本级', year: 2024, projectExpenditureYuan: 300, dueOn: null, status: null, tables: 0, budgetYuan: 0, ...over,
});
const zero = { draft: 0, submitted: 0, returned: 0, dept_approved: 0, approved: 0 };

describe('department roll-up rules', () => {
  it('counts tables by status and reconciles their sum with 项目支出', () => {
    const [row] = rollupRows([cell({ status: 'approved', tables: 2, budgetYuan: 200 }), cell({ status: 'draft', tables: 1, budgetYuan: 50 })], '2024-01-01');
    expect(row!.byStatus).toEqual({ ...zero, approved: 2, draft: 1 });
    expect(row!.differenceYuan).toBe(-50);
    expect(row!.progress).toBeCloseTo(2 / 3);
  });

  it('is overdue past the deadline with drafts or no tables, due soon within 7 days, done when all approved', () => {
    expect(deadlineState({ ...zero, draft: 1 }, 1, '2024-03-31', '2024-04-01')).toBe('overdue');
    expect(deadlineState(zero, 0, '2024-03-31', '2024-04-01')).toBe('overdue');
    expect(deadlineState({ ...zero, draft: 1 }, 1, '2024-03-31', '2024-03-31')).toBe('due-soon');
    expect(deadlineState({ ...zero, draft: 1 }, 1, '2024-04-30', '2024-03-31')).toBe('open');
    expect(deadlineState({ ...zero, submitted: 1 }, 1, '2024-03-31', '2024-04-05')).toBe('open');
    expect(deadlineState({ ...zero, approved: 3 }, 3, '2024-03-31', '2024-04-05')).toBe('done');
    expect(deadlineState({ ...zero, draft: 1 }, 1, null, '2024-04-05')).toBe('no-deadline');
  });

  it('filters and sorts, and totals the department', () => {
    const rows = rollupRows(
      [
        cell({ unitYearId: 1, unitCode: 'B', status: 'draft', tables: 1, dueOn: '2024-01-01' }),
        cell({ unitYearId: 2, unitCode: 'A', status: 'approved', tables: 1, budgetYuan: 300 }),
      ],
      '2024-02-01',
    );
    expect(filterAndSort(rows, 'overdue', 'code').map((r) => r.unitCode)).toEqual(['B']);
    expect(filterAndSort(rows, 'all', 'code').map((r) => r.unitCode)).toEqual(['A', 'B']);
    expect(filterAndSort(rows, 'mismatch', 'code').map((r) => r.unitCode)).toEqual(['B']);
    expect(filterAndSort(rows, 'all', 'progress').map((r) => r.unitCode)).toEqual(['B', 'A']);
    expect(totals(rows)).toMatchObject({ draft: 1, approved: 1, overdue: 1, units: 2 });
  });

  it('takes today in China Standard Time', () => {
    expect(todayInChina(Date.parse('2024-03-31T17:00:00Z'))).toBe('2024-04-01');
  });
});
