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
const BAD_SHEET = Buffer.from('单位编码,单位名称\n44-x,坏编码\n').toString('base64');

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
  // The round the admin's valid payload opens in the demo year makes report 1 (the first approved demo table);
  // the report payloads carry a stale version, so a valid one is refused after every check has run.
  { name: 'openMonitoringRoundsAction', caller: 'admin', shape: 'single', valid: (c) => ({ unitYearIds: [c.unitYearId], month: 7, deadline: '2024-08-15' }) },
  {
    name: 'saveMonitoringReportAction',
    caller: 'owner',
    shape: 'single',
    valid: (c) => ({ reportId: 1, version: c.version, report: { budget: '10.00', executed: '4.00', forecast: '', goalProgress: '', analysis: '', needsRectification: false, rectification: '', entries: [{ rowKey: 'x', actual: '96%', forecast: '', reasons: ['其他'], reasonText: '', likelihood: '有可能', note: '', cumulative: null }] } }),
  },
  { name: 'submitMonitoringReportAction', caller: 'owner', shape: 'single', valid: (c) => ({ reportId: 1, version: c.version }) },
  { name: 'returnMonitoringReportAction', caller: 'reviewer', shape: 'single', valid: (c) => ({ reportId: 1, version: c.version, reason: '理由', comments: [{ target: null, body: '意见' }] }) },
  { name: 'approveMonitoringReportAction', caller: 'reviewer', shape: 'single', valid: (c) => ({ reportId: 1, version: c.version }) },
  // A changed row without its reason: a valid caller reaches the row check; an unknown adjustment for the decisions.
  { name: 'proposeAdjustmentAction', caller: 'owner', shape: 'single', valid: (c) => ({ projectId: c.projectId, reason: '理由', budgetAfter: '1.00', goalAfter: '目标', rows: [{ rowKey: 'x', after: '≥1 次', reason: '' }] }) },
  { name: 'approveAdjustmentAction', caller: 'reviewer', shape: 'single', valid: () => ({ adjustmentId: NOBODY, version: 1 }) },
  { name: 'returnAdjustmentAction', caller: 'reviewer', shape: 'single', valid: () => ({ adjustmentId: NOBODY, version: 1, reason: '理由' }) },
  // Self-evaluation (issue 15): the admin's valid payload opens the demo year, which makes 自评表 1 (the first
  // approved demo table); the 自评表 payloads carry a stale version, refused after every check has run.
  { name: 'openSelfEvalRoundsAction', caller: 'admin', shape: 'single', valid: (c) => ({ unitYearIds: [c.unitYearId] }) },
  { name: 'setSelfEvalPublicAction', caller: 'admin', shape: 'single', valid: (c) => ({ unitYearId: c.unitYearId, isPublic: false }) },
  {
    name: 'saveSelfEvalAction',
    caller: 'owner',
    shape: 'single',
    valid: (c) => ({ selfEvalId: 1, version: c.version, data: { funds: { initial: '10.00', annual: '10.00', executed: '9.50', weight: '10' }, goalActual: '', entries: [{ rowKey: 'x', actual: '96%', weight: '90', score: '', rating: null, deviation: '' }] } }),
  },
  // A text that holds no 自评表: a valid caller reaches the document check and nothing is saved.
  { name: 'importSelfEvalAction', caller: 'owner', shape: 'single', valid: (c) => ({ selfEvalId: 1, version: c.version, fileName: 'x.txt', file: Buffer.from('无关文本').toString('base64') }) },
  { name: 'submitSelfEvalAction', caller: 'owner', shape: 'single', valid: (c) => ({ selfEvalId: 1, version: c.version }) },
  { name: 'returnSelfEvalAction', caller: 'reviewer', shape: 'single', valid: (c) => ({ selfEvalId: 1, version: c.version, reason: '理由' }) },
  { name: 'approveSelfEvalAction', caller: 'reviewer', shape: 'single', valid: (c) => ({ selfEvalId: 1, version: c.version }) },
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
  { name: 'setMembershipAction', caller: 'admin', shape: 'single', valid: (c) => ({ userId: NOBODY, unitId: c.unitId, role: 'owner', isMember: true, isThisUnitOnly: false }) },
  // Issue 18: moving the fuzz unit to the top (where it is) changes nothing; the sheet's only row is bad, so nothing is imported.
  { name: 'moveUnitAction', caller: 'admin', shape: 'single', valid: (c) => ({ unitId: c.unitId, parentId: null }) },
  { name: 'previewProvisioningAction', caller: 'admin', shape: 'single', valid: () => ({ kind: 'units', file: BAD_SHEET }) },
  { name: 'setDeadlineAction', caller: 'admin', shape: 'single', valid: (c) => ({ unitYearId: c.unitYearId, dueOn: null }) },
  { name: 'importProvisioningAction', caller: 'admin', shape: 'single', valid: () => ({ kind: 'users', file: BAD_SHEET }) },
  // Issue 16 curation: unknown entries, and a standard-library sheet whose only row is bad, so nothing changes.
  { name: 'retireLibraryEntryAction', caller: 'admin', shape: 'single', valid: () => ({ entryId: NOBODY, isRetired: true }) },
  { name: 'mergeLibraryEntriesAction', caller: 'admin', shape: 'single', valid: () => ({ fromId: NOBODY, intoId: NOBODY - 1 }) },
  { name: 'previewStandardLibraryAction', caller: 'admin', shape: 'single', valid: () => ({ file: BAD_STANDARD_SHEET }) },
  { name: 'importStandardLibraryAction', caller: 'admin', shape: 'single', valid: () => ({ file: BAD_STANDARD_SHEET }) },
  // Issue 18 two-level review: one level is what the run's year has, so the valid payload changes nothing.
  { name: 'setReviewLevelsAction', caller: 'admin', shape: 'single', valid: (c) => ({ unitYearId: c.unitYearId, reviewLevels: 1 }) },
];

/** A standard-library CSV whose one row names an unknown framework: refused row by row. */
const BAD_STANDARD_SHEET = Buffer.from('framework,一级,二级,三级\ncz9999,产出指标,质量指标,坏行\n').toString('base64');

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

/** Every string in a valid payload, with the path `mutate` takes to it (by entry index) and its key. */
export function stringLeaves(value: unknown, path: number[] = [], key = ''): { path: number[]; key: string }[] {
  if (typeof value === 'string') return [{ path, key }];
  if (value === null || typeof value !== 'object') return [];
  const entries = Array.isArray(value) ? value.map((v, i) => [String(i), v] as const) : Object.entries(value as Record<string, unknown>);
  return entries.flatMap(([k, v], i) => stringLeaves(v, [...path, i], Array.isArray(value) ? key : k));
}
