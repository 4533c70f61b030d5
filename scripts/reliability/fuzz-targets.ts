/**
 * One fuzz entry per server action: a valid payload to mutate, who calls it, and how its arguments
 * travel. The list is checked against the build's server-reference manifest, so an action added to
 * the app without an entry here fails the run instead of going unfuzzed.
 */
import type { ActionEntry } from './http';
import { scriptTable } from './fixtures';

export type FuzzContext = { projectId: number; version: number; unitYearId: number; unitId: number };

/** `admin`/`owner`/`reviewer`: signed in as that role; `anonymous`: no session; `throwaway`: a session it may end. */
export type Caller = 'admin' | 'owner' | 'reviewer' | 'anonymous' | 'throwaway';

export type FuzzTarget = {
  name: string;
  caller: Caller;
  /** `single`: one object argument; `form`: (previous state, FormData) as a form with useActionState posts it; `none`: no arguments. */
  shape: 'single' | 'form' | 'none';
  valid: (c: FuzzContext) => Record<string, unknown>;
  /** Replies that are not an action result but still a proper answer (a redirect rendered as a page). */
  mayRedirect?: boolean;
};

const NOBODY = 999_999;

export const TARGETS: FuzzTarget[] = [
  { name: 'saveTableAction', caller: 'owner', shape: 'single', valid: (c) => ({ projectId: c.projectId, version: c.version, table: scriptTable('13080024PFUZZ00000001') }) },
  { name: 'createTableAction', caller: 'owner', shape: 'single', valid: (c) => ({ unitYearId: c.unitYearId, table: scriptTable('13080024PFUZZ00000002') }) },
  { name: 'deleteTableAction', caller: 'owner', shape: 'single', valid: (c) => ({ projectId: c.projectId, version: c.version }) },
  { name: 'duplicateTableAction', caller: 'owner', shape: 'single', valid: (c) => ({ projectId: c.projectId }) },
  { name: 'startNextYearAction', caller: 'owner', shape: 'single', valid: (c) => ({ projectId: c.projectId }) },
  { name: 'submitTableAction', caller: 'owner', shape: 'single', valid: (c) => ({ projectId: c.projectId, version: c.version }) },
  { name: 'withdrawTableAction', caller: 'owner', shape: 'single', valid: (c) => ({ projectId: c.projectId, version: c.version }) },
  { name: 'returnTableAction', caller: 'reviewer', shape: 'single', valid: (c) => ({ projectId: c.projectId, version: c.version, reason: '理由', comments: [{ target: null, body: '意见' }] }) },
  { name: 'approveTableAction', caller: 'reviewer', shape: 'single', valid: (c) => ({ projectId: c.projectId, version: c.version }) },
  { name: 'reopenTableAction', caller: 'admin', shape: 'single', valid: (c) => ({ projectId: c.projectId, version: c.version, reason: '理由' }) },
  { name: 'bulkApproveAction', caller: 'reviewer', shape: 'single', valid: (c) => ({ items: [{ projectId: c.projectId, version: c.version }] }) },
  { name: 'markCommentAction', caller: 'owner', shape: 'single', valid: (c) => ({ projectId: c.projectId, commentId: NOBODY, isHandled: true }) },
  { name: 'addCommentAction', caller: 'reviewer', shape: 'single', valid: (c) => ({ projectId: c.projectId, target: null, body: '意见' }) },
  { name: 'noopAction', caller: 'anonymous', shape: 'none', valid: () => ({}) },
  { name: 'changePassword', caller: 'owner', shape: 'single', valid: () => ({ current: 'not-the-password-1', password: 'Abcdefg123', confirm: 'Abcdefg123' }) },
  // A username nobody has: wrong passwords must not lock a real account during the run.
  { name: 'signIn', caller: 'anonymous', shape: 'form', valid: () => ({ username: 'fuzz-nobody', password: 'Wrong-password-1', next: '/projects' }), mayRedirect: true },
  { name: 'signOut', caller: 'throwaway', shape: 'none', valid: () => ({}), mayRedirect: true },
  { name: 'createUnitAction', caller: 'admin', shape: 'single', valid: () => ({ code: '441001', name: '单位' }) },
  { name: 'renameUnitAction', caller: 'admin', shape: 'single', valid: () => ({ unitId: NOBODY, name: '单位' }) },
  { name: 'createUnitYearAction', caller: 'admin', shape: 'single', valid: (c) => ({ unitId: c.unitId, year: 2024, frameworkId: 1, projectExpenditure: null }) },
  { name: 'updateUnitYearAction', caller: 'admin', shape: 'single', valid: (c) => ({ unitYearId: c.unitYearId, frameworkId: 1, projectExpenditure: '3447.87', ruleProfile: null }) },
  // An unknown unit-year: renumbering the run's own year would change the numbers other checks read.
  { name: 'renumberUnitYearAction', caller: 'admin', shape: 'single', valid: () => ({ unitYearId: NOBODY }) },
  { name: 'createUserAction', caller: 'admin', shape: 'single', valid: () => ({ username: 'owner', displayName: '名', password: 'Abcdefg123', isAdmin: false }) },
  // Unknown user ids: a mutation that happens to be valid must not disable or reset the accounts the run uses.
  { name: 'setUserDisabledAction', caller: 'admin', shape: 'single', valid: () => ({ userId: NOBODY, isDisabled: true }) },
  { name: 'setUserAdminAction', caller: 'admin', shape: 'single', valid: () => ({ userId: NOBODY, isAdmin: true }) },
  { name: 'resetPasswordAction', caller: 'admin', shape: 'single', valid: () => ({ userId: NOBODY }) },
  { name: 'setMembershipAction', caller: 'admin', shape: 'single', valid: (c) => ({ userId: NOBODY, unitId: c.unitId, role: 'owner', isMember: true }) },
];

/** Actions in the build with no entry here (and entries for actions the build no longer has). */
export function coverage(manifest: readonly ActionEntry[]): { missing: string[]; stale: string[] } {
  const built = new Set(manifest.map((a) => a.name));
  const listed = new Set(TARGETS.map((t) => t.name));
  return { missing: [...built].filter((n) => !listed.has(n)).sort(), stale: [...listed].filter((n) => !built.has(n)).sort() };
}

/** The arguments as the client sends them: a FormData for form actions. */
export function argumentsFor(target: FuzzTarget, payload: unknown): unknown[] {
  if (target.shape === 'none') return payload === undefined ? [] : [payload];
  if (target.shape === 'single') return [payload];
  const form = new FormData();
  if (payload && typeof payload === 'object' && !Array.isArray(payload)) {
    for (const [k, v] of Object.entries(payload as Record<string, unknown>)) form.append(k, typeof v === 'string' ? v : JSON.stringify(v) ?? '');
  }
  return [null, form];
}
