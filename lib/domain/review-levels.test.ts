import { describe, expect, it } from 'vitest';
import { grantLevel, isReturnAction, openReturn, returnLevelLabel, reviewStep, waitingStatuses } from './review-levels';

describe('review levels', () => {
  it('places a grant by where it sits above the unit: itself, the top two or more above, anything between', () => {
    expect(grantLevel(0, false)).toBe('unit');
    expect(grantLevel(0, true)).toBe('unit');
    expect(grantLevel(1, false)).toBe('department');
    // A department at the top with its unit directly below has no finance level above it.
    expect(grantLevel(1, true)).toBe('department');
    expect(grantLevel(2, true)).toBe('finance');
    expect(grantLevel(2, false)).toBe('department');
  });

  it('at one level any reviewer approves or returns a submitted table', () => {
    expect(reviewStep('approve', 'submitted', 1)).toEqual({ to: 'approved', level: null, recorded: 'approve' });
    expect(reviewStep('return', 'submitted', 1)).toEqual({ to: 'returned', level: null, recorded: 'return' });
    expect(reviewStep('approve', 'draft', 1)).toBeNull();
  });

  it('at two levels the department approves first and the finance level last; each level may return', () => {
    expect(reviewStep('approve', 'submitted', 2)).toEqual({ to: 'dept_approved', level: 'department', recorded: 'deptApprove' });
    expect(reviewStep('return', 'submitted', 2)).toEqual({ to: 'returned', level: 'department', recorded: 'deptReturn' });
    expect(reviewStep('approve', 'dept_approved', 2)).toEqual({ to: 'approved', level: 'finance', recorded: 'financeApprove' });
    expect(reviewStep('return', 'dept_approved', 2)).toEqual({ to: 'returned', level: 'finance', recorded: 'financeReturn' });
    expect(reviewStep('approve', 'approved', 2)).toBeNull();
  });

  it('shows each reviewer what waits at their level', () => {
    expect(waitingStatuses(['department'], 2)).toEqual(['submitted']);
    expect(waitingStatuses(['finance'], 2)).toEqual(['dept_approved']);
    expect(waitingStatuses(['unit'], 2)).toEqual([]);
    expect(waitingStatuses(['unit'], 1)).toEqual(['submitted', 'dept_approved']);
    expect(waitingStatuses([], 1)).toEqual([]);
  });

  it('says which level returned a table', () => {
    expect(isReturnAction('financeReturn')).toBe(true);
    expect(isReturnAction('approve')).toBe(false);
    expect(returnLevelLabel('deptReturn')).toBe('部门审核');
    expect(returnLevelLabel('financeReturn')).toBe('财政审核');
    expect(returnLevelLabel('return')).toBeNull();
  });
});

describe('the return an owner still has to answer', () => {
  const ev = (...actions: string[]) => actions.map((action, i) => ({ action, i }));
  it('is the latest return until the thing is submitted again', () => {
    expect(openReturn(ev('submit', 'return'))).toEqual({ action: 'return', i: 1 });
    expect(openReturn(ev('submit', 'deptApprove', 'financeReturn', 'save'))).toEqual({ action: 'financeReturn', i: 2 });
    expect(openReturn(ev('submit', 'return', 'submit'))).toBeUndefined();
    expect(openReturn(ev('submit', 'return', 'submit', 'approve'))).toBeUndefined();
    expect(openReturn(ev('submit', 'deptReturn', 'submit', 'return'))).toEqual({ action: 'return', i: 3 });
    expect(openReturn(ev())).toBeUndefined();
  });
});
