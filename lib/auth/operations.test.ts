import { describe, expect, it } from 'vitest';
import { TRANSITIONS } from '@/lib/domain/workflow';
import { decide, decideCaller, ROUTES, SERVER_ACTIONS, type Caller, type Operation } from './operations';
import type { Actor } from './permissions';

const actor = (isAdmin: boolean, memberships: [number, ('owner' | 'reviewer')[]][]): Actor => ({
  id: 7,
  username: 'u',
  displayName: 'u',
  isAdmin,
  memberships: new Map(memberships),
});
const as = (a: Actor | null, mustChangePassword = false): Caller => ({ actor: a, mustChangePassword });
const ownerA = actor(false, [[1, ['owner']]]);
const reviewerA = actor(false, [[1, ['reviewer']]]);
const admin = actor(true, []);

describe('the operations table', () => {
  it('takes the workflow rows from the workflow table', () => {
    const approve: Operation = SERVER_ACTIONS.approveTableAction;
    expect(approve.statuses).toEqual(TRANSITIONS.approve.from);
    expect(approve.isRefusedToAuthors).toBe(true);
    expect(SERVER_ACTIONS.returnTableAction.isRefusedToAuthors).toBe(true);
    expect(SERVER_ACTIONS.withdrawTableAction.isRefusedToAuthors).toBe(false);
    expect(SERVER_ACTIONS.bulkApproveAction.eachItem).toBe(approve);
    // A returned table goes back to draft (its owner's next save) before it can be submitted again.
    expect(SERVER_ACTIONS.submitTableAction.statuses).toEqual(['draft']);
  });

  it('lets nobody but the public rows through without a session', () => {
    for (const [name, op] of Object.entries({ ...SERVER_ACTIONS, ...ROUTES })) {
      const isPublic = (op as Operation).access.kind === 'public';
      expect(decideCaller(op, as(null)) === 'allow', name).toBe(isPublic);
    }
  });

  it('allows only changing the password and signing out before a reset password is changed', () => {
    const allowed = Object.entries({ ...SERVER_ACTIONS, ...ROUTES })
      .filter(([, op]) => (op as Operation).access.kind !== 'public' && decideCaller(op, as(admin, true)) === 'allow')
      .map(([name]) => name);
    expect(allowed).toEqual(['changePassword']);
    expect(decideCaller(SERVER_ACTIONS.saveTableAction, as(ownerA, true))).toBe('password-change');
  });

  it('decides on the unit, then separation of duties, then the status', () => {
    const save = SERVER_ACTIONS.saveTableAction;
    expect(decide(save, as(ownerA), { unitId: 1, status: 'draft' })).toBe('allow');
    expect(decide(save, as(ownerA), { unitId: 2, status: 'draft' })).toBe('denied');
    expect(decide(save, as(ownerA), { unitId: 1, status: 'approved' })).toBe('state');
    expect(decide(save, as(reviewerA), { unitId: 1, status: 'draft' })).toBe('denied');
    const approve = SERVER_ACTIONS.approveTableAction;
    expect(decide(approve, as(reviewerA), { unitId: 1, status: 'submitted', isAuthor: false })).toBe('allow');
    expect(decide(approve, as(reviewerA), { unitId: 1, status: 'submitted', isAuthor: true })).toBe('author');
    expect(decide(approve, as(reviewerA), { unitId: 1, status: 'draft', isAuthor: false })).toBe('state');
    expect(decide(SERVER_ACTIONS.reopenTableAction, as(admin), { unitId: 1, status: 'approved' })).toBe('allow');
    expect(decide(SERVER_ACTIONS.createUnitAction, as(ownerA), { unitId: null })).toBe('denied');
  });

  it('leaves a decision to the command only where it needs nothing but the table and its unit-year', () => {
    const decidedInCommand = Object.entries(SERVER_ACTIONS).filter(([, op]) => (op as Operation).isDecidedInCommand);
    expect(decidedInCommand.map(([name]) => name)).toEqual(['saveTableAction']);
    for (const [name, op] of decidedInCommand as [string, Operation][]) {
      expect(op.access, name).toMatchObject({ kind: 'permission', scope: 'project' });
      expect(op.isRefusedToAuthors ?? false, name).toBe(false);
      expect(op.reviewDecision, name).toBeUndefined();
    }
  });

  it('refuses a user with the permission in no unit before reading the input', () => {
    expect(decideCaller(SERVER_ACTIONS.approveTableAction, as(ownerA))).toBe('denied');
    expect(decideCaller(SERVER_ACTIONS.approveTableAction, as(reviewerA))).toBe('allow');
  });
});
