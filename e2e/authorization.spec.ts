/**
 * The authorization matrix: every server action and API route called directly over HTTP (not through
 * the UI) as anonymous, owner of unit A, owner of unit B, reviewer of unit A and administrator, on
 * tables of unit A in each status. Each call is shaped so that an allowed caller is stopped by a later
 * check (a stale version, a duplicate code, a missing record) and writes nothing, while a refused
 * caller is stopped by the permission check; the outcome code tells which happened.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { ROLE_PERMISSIONS, type Permission } from '@/lib/auth/permissions';
import { TRANSITIONS, type Status, type WorkflowAction } from '@/lib/domain/workflow';
import { DEMO_UNIT_YEAR, signIn, tableWithStatus } from './fixtures/app';
import { account } from './fixtures/accounts';
import { callAction, failureCode, isOk } from './fixtures/server-actions';

type Who = 'anonymous' | 'ownerA' | 'ownerB' | 'reviewerA' | 'admin';
const WHO: Who[] = ['anonymous', 'ownerA', 'ownerB', 'reviewerA', 'admin'];
const STATUSES: Status[] = ['draft', 'submitted', 'returned', 'approved'];
const STALE = 999_999;

/** What the permission table says, for a permission in unit A. */
function permitted(who: Who, permission: Permission): boolean {
  if (who === 'anonymous' || who === 'ownerB') return false;
  if (who === 'admin') return ROLE_PERMISSIONS.admin.includes(permission);
  return ROLE_PERMISSIONS[who === 'ownerA' ? 'owner' : 'reviewer'].includes(permission);
}

const requests = new Map<Who, APIRequestContext>();
const pages: Page[] = [];
const tables = new Map<Status, { id: number; version: number }>();
let unitYearA = 0;
const results: { who: Who; what: string; expected: boolean; actual: boolean; code: string | null }[] = [];

function record(who: Who, what: string, expected: boolean, actual: boolean, code: string | null): void {
  results.push({ who, what, expected, actual, code });
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ browser, playwright, baseURL }) => {
  requests.set('anonymous', await playwright.request.newContext({ baseURL }));
  for (const [who, role] of [['ownerA', 'owner'], ['reviewerA', 'reviewer'], ['admin', 'admin']] as const) {
    const a = account(role);
    const page = await signIn(browser, a.username, a.password);
    pages.push(page);
    requests.set(who, page.request);
  }
  const admin = requests.get('admin')!;
  // Unit B and its owner, created through the admin's own actions.
  const unit = await callAction(admin, 'createUnitAction', [{ code: '550001', name: '测试单位乙' }]);
  const user = await callAction(admin, 'createUserAction', [{ username: 'owner-b', displayName: '乙单位编制人', password: 'Yidanwei2024', isAdmin: false }]);
  expect(isOk(unit) && isOk(user)).toBe(true);
  const unitBId = (unit.result as { data: { unitId: number } }).data.unitId;
  const userBId = (user.result as { data: { userId: number } }).data.userId;
  expect(isOk(await callAction(admin, 'setMembershipAction', [{ userId: userBId, unitId: unitBId, role: 'owner', isMember: true }]))).toBe(true);
  const ownerB = await signIn(browser, 'owner-b', 'Yidanwei2024');
  pages.push(ownerB);
  requests.set('ownerB', ownerB.request);

  const ownerPage = pages[0]!;
  const reviewerPage = pages[1]!;
  tables.set('draft', await tableWithStatus(ownerPage, 'draft'));
  tables.set('approved', await tableWithStatus(ownerPage, 'approved'));
  const submitted = await tableWithStatus(ownerPage, 'submitted');
  // Make a returned table from one of the submitted ones, through the reviewer's action.
  await reviewerPage.goto('/review');
  const ret = await callAction(requests.get('reviewerA')!, 'returnTableAction', [{ projectId: submitted.id, version: submitted.version, reason: '矩阵测试退回' }]);
  expect(isOk(ret)).toBe(true);
  tables.set('returned', await tableWithStatus(ownerPage, 'returned'));
  tables.set('submitted', await tableWithStatus(ownerPage, 'submitted'));
  unitYearA = DEMO_UNIT_YEAR;
});

test('workflow and editing actions on tables of unit A, in every status', async () => {
  const transitions: [string, WorkflowAction][] = [
    ['submitTableAction', 'submit'],
    ['withdrawTableAction', 'withdraw'],
    ['returnTableAction', 'return'],
    ['approveTableAction', 'approve'],
    ['reopenTableAction', 'reopen'],
  ];
  for (const who of WHO) {
    const request = requests.get(who)!;
    for (const status of STATUSES) {
      const t = tables.get(status)!;
      for (const [name, action] of transitions) {
        const tr = TRANSITIONS[action];
        const reply = await callAction(request, name, [{ projectId: t.id, version: STALE, reason: '测试' }]);
        const code = failureCode(reply);
        const expected = permitted(who, tr.permission) && tr.from.includes(status);
        // Permission passed but the status forbids it: the action refuses with 'state'; that is not an allow.
        record(who, `${action}@${status}`, expected, code === 'conflict' || isOk(reply), code);
      }
      const save = await callAction(request, 'saveTableAction', [{ projectId: t.id, version: STALE, table: validTable('13080024PMATRIX000001') }]);
      record(who, `save@${status}`, permitted(who, 'project.edit') && (status === 'draft' || status === 'returned'), failureCode(save) === 'conflict' || isOk(save), failureCode(save));
      const del = await callAction(request, 'deleteTableAction', [{ projectId: t.id, version: STALE }]);
      record(who, `delete@${status}`, permitted(who, 'project.delete') && status === 'draft', failureCode(del) === 'conflict' || isOk(del), failureCode(del));
      const comment = await callAction(request, 'addCommentAction', [{ projectId: t.id, target: null, body: `矩阵测试意见 ${who}` }]);
      record(who, `comment@${status}`, permitted(who, 'project.comment'), isOk(comment), failureCode(comment));
      const bulk = await callAction(request, 'bulkApproveAction', [{ items: [{ projectId: t.id, version: STALE }] }]);
      const item = isOk(bulk) ? ((bulk.result as { data: { code: string | null }[] }).data[0] ?? null) : null;
      const bulkCode = item ? item.code : failureCode(bulk);
      record(who, `bulk-approve@${status}`, permitted(who, 'project.review') && status === 'submitted', bulkCode === 'conflict', bulkCode);
    }
  }
});

test('creating and copying in unit A', async () => {
  for (const who of WHO) {
    const request = requests.get(who)!;
    // A code that already exists: an allowed caller is refused beside the code field.
    const create = await callAction(request, 'createTableAction', [{ unitYearId: unitYearA, table: validTable('13080024P00009810002A') }]);
    record(who, 'create', permitted(who, 'project.create'), failureCode(create) === 'invalid', failureCode(create));
    const draft = tables.get('draft')!;
    const dup = await callAction(request, 'duplicateTableAction', [{ projectId: draft.id }]);
    record(who, 'duplicate', permitted(who, 'project.create'), isOk(dup), failureCode(dup));
  }
});

test('administration actions', async () => {
  for (const who of WHO) {
    const request = requests.get(who)!;
    const cases: [string, unknown, string][] = [
      ['createUnitAction', { code: '441001', name: '重复' }, 'invalid'],
      ['renameUnitAction', { unitId: 999_999, name: '无' }, 'not-found'],
      ['createUnitYearAction', { unitId: 999_999, year: 2030, frameworkId: 1, projectExpenditure: null }, 'not-found'],
      ['updateUnitYearAction', { unitYearId: 999_999, frameworkId: 1, projectExpenditure: null, ruleProfile: null }, 'not-found'],
      ['createUserAction', { username: 'owner', displayName: '重复', password: 'Abcdefg123', isAdmin: false }, 'invalid'],
      ['setUserDisabledAction', { userId: 999_999, isDisabled: true }, 'not-found'],
      ['resetPasswordAction', { userId: 999_999 }, 'not-found'],
      ['setMembershipAction', { userId: 999_999, unitId: 1, role: 'owner', isMember: true }, 'not-found'],
    ];
    for (const [name, input, allowedCode] of cases) {
      const reply = await callAction(request, name, [input]);
      record(who, name, permitted(who, 'admin.manage'), failureCode(reply) === allowedCode, failureCode(reply));
    }
  }
});

test('download and import routes', async () => {
  const draft = tables.get('draft')!;
  for (const who of WHO) {
    const request = requests.get(who)!;
    const one = await request.get(`/api/projects/${draft.id}/export?format=json`);
    record(who, 'GET project export', permitted(who, 'project.export'), one.status() === 200, String(one.status()));
    const section = await request.get(`/api/unit-years/${unitYearA}/export?format=json&all=1`);
    record(who, 'GET unit-year export', permitted(who, 'project.export'), section.status() === 200, String(section.status()));
    const preview = await request.post('/api/import?mode=preview&unit=441001&year=2024', { data: '## 1、x绩效目标表\n', headers: { 'content-type': 'text/plain' } });
    // An allowed caller gets past the permission check to the content check (400); a refused one 401/403.
    const importAllowed = ![401, 403].includes(preview.status());
    record(who, 'POST import preview', permitted(who, 'project.import'), importAllowed, String(preview.status()));
    const pub = await request.get('/api/disclosure/441001/2024');
    record(who, 'GET public disclosure', true, pub.status() === 200, String(pub.status()));
  }
});

test('the matrix has no unexpected allow and no unexpected refusal', () => {
  const wrong = results.filter((r) => r.expected !== r.actual);
  const unexpectedAllows = wrong.filter((r) => r.actual && !r.expected);
  console.log(`授权矩阵：${results.length} 次调用，意外放行 ${unexpectedAllows.length}，意外拒绝 ${wrong.length - unexpectedAllows.length}`);
  expect(unexpectedAllows, JSON.stringify(unexpectedAllows, null, 1)).toEqual([]);
  expect(wrong, JSON.stringify(wrong, null, 1)).toEqual([]);
  expect(results.length).toBeGreaterThan(200);
});

function validTable(code: string) {
  return {
    code,
    name: '矩阵测试表',
    budget: { total: '1.00', fiscal: '1.00', other: null },
    purpose: '测试',
    goal: '1. 测试',
    schedule: [{ month: 12, percent: 100 }],
    indicators: [],
  };
}
