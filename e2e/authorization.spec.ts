/**
 * The authorization matrix: every server action the build holds and every API route, called directly
 * over HTTP (not through the UI) as anonymous, owner of unit A, owner of unit B, reviewer of unit A,
 * administrator, and a user who both owns and reviews unit A, on tables of unit A in each status.
 * Expectations come from the operations table (lib/auth/operations.ts); the test fails when the
 * build holds an action or route that table does not list. Each call is shaped so that an allowed
 * caller is stopped by a later check (a stale version, a duplicate code, an empty upload) and writes
 * nothing, or writes harmlessly in the matrix's own year, while a refused caller is stopped by the
 * permission or status check.
 */
import { expect, test } from '@playwright/test';
import { ROUTES, SERVER_ACTIONS, type RouteName, type ServerActionName } from '@/lib/auth/operations';
import { apiSignIn, sessionStatus } from './fixtures/api-session';
import { builtPaths, samplePath } from './fixtures/build-paths';
import { account } from './fixtures/accounts';
import { buildStage, completeSelfEval, expectAllowed, makeApprovedTable, MATRIX_YEAR, readAction, readItem, readRoute, STALE, WHO, type MatrixTable, type Outcome, type Stage, type Who } from './fixtures/matrix';
import { builtActions, callAction, callFormAction, isOk } from './fixtures/server-actions';

let stage: Stage;
type Result = { who: Who; name: string; table: string | null; expected: boolean; actual: Outcome };
const results: Result[] = [];
const calledActions = new Set<string>();
const calledRoutes = new Set<string>();

function action(who: Who, name: ServerActionName, outcome: Outcome, table?: MatrixTable): void {
  calledActions.add(name);
  results.push({ who, name, table: table?.label ?? null, expected: expectAllowed(SERVER_ACTIONS[name], who, stage, table), actual: outcome });
}

function route(who: Who, name: RouteName, outcome: Outcome, table?: MatrixTable): void {
  calledRoutes.add(name);
  results.push({ who, name, table: table?.label ?? null, expected: expectAllowed(ROUTES[name], who, stage, table), actual: outcome });
}

const ctx = (who: Who) => stage.contexts.get(who)!;

const PUBLIC = ['signIn', 'signOut', 'noopAction', 'POST /api/session', 'DELETE /api/session', 'GET /api/disclosure/[unit]/[year]', 'GET /api/disclosure/[unit]/[year]/export', 'GET /health'];
const AUTHORING = [
  'createTableAction', 'saveTableAction', 'deleteTableAction', 'duplicateTableAction', 'startNextYearAction', 'submitTableAction', 'withdrawTableAction',
  'saveMonitoringReportAction', 'submitMonitoringReportAction', 'proposeAdjustmentAction',
  'saveSelfEvalAction', 'submitSelfEvalAction', 'importSelfEvalAction',
];
const REVIEWING = ['approveTableAction', 'returnTableAction', 'bulkApproveAction', 'approveMonitoringReportAction', 'returnMonitoringReportAction', 'approveAdjustmentAction', 'returnAdjustmentAction', 'approveSelfEvalAction', 'returnSelfEvalAction'];

/**
 * What issue 6 says in words, checked apart from the operations table, so that a wrong row in that
 * table (which the expectations above are derived from) still fails the test.
 */
function breaksPolicy(r: Result): string | null {
  if (r.actual !== 'allowed') return null;
  if (r.who === 'anonymous' && !PUBLIC.includes(r.name)) return 'anonymous got past sign-in';
  const isOwnOnly = ['changePassword', 'GET /api/unit-years', 'GET /api/session', 'GET /api/library/search'].includes(r.name);
  if (r.who === 'ownerB' && !PUBLIC.includes(r.name) && !isOwnOnly) return 'a unit B user reached unit A';
  if (r.who === 'reviewerSibling' && !PUBLIC.includes(r.name) && !isOwnOnly) return 'a sibling department reached unit A';
  if ((r.who === 'reviewerDept' || r.who === 'reviewerFinance') && (AUTHORING.includes(r.name) || r.name.startsWith('POST /api/import'))) return 'a department or finance reviewer authored';
  // Two-level review (issue 18): 部门审核 by the department's reviewers only, 财政审核 by the finance bureau's only.
  if (REVIEWING.includes(r.name) && r.table === 'two-level submitted' && r.who !== 'reviewerDept') return 'reviewed at the department level without being the department';
  if (REVIEWING.includes(r.name) && r.table === 'two-level dept-approved' && r.who !== 'reviewerFinance') return 'reviewed at the finance level without being the finance bureau';
  if (r.who === 'reviewerA' && (AUTHORING.includes(r.name) || r.name.startsWith('POST /api/import'))) return 'a reviewer authored';
  if (r.who === 'admin' && (AUTHORING.includes(r.name) || REVIEWING.includes(r.name))) return 'an administrator authored or reviewed';
  if ((r.who === 'ownerA' || r.who === 'ownerB') && REVIEWING.includes(r.name)) return 'an owner reviewed';
  const isReviewable = r.table === 'submitted' || r.table?.startsWith('two-level') || r.table === 'report submitted' || r.table === 'adjustment submitted' || r.table === 'selfeval submitted' || (r.table === 'submitted by owner-reviewer' && r.who !== 'ownerReviewerA');
  if (REVIEWING.includes(r.name) && !isReviewable) return 'reviewed a table not awaiting review, or their own';
  if (['saveTableAction', 'deleteTableAction'].includes(r.name) && !['draft', 'returned'].includes(r.table ?? '')) return 'changed a submitted or approved table';
  if (r.name === 'saveMonitoringReportAction' && r.table !== 'report draft') return 'changed a submitted monitoring report';
  if ((r.name === 'saveSelfEvalAction' || r.name === 'importSelfEvalAction') && r.table !== 'selfeval draft') return 'changed a submitted 自评表';
  if (r.name.startsWith('createUnit') || r.name.startsWith('updateUnit') || r.name.startsWith('renameUnit') || /User|Password|Membership|moveUnit|Provisioning|Deadline|Library|ReviewLevels/.test(r.name)) {
    if (r.name !== 'changePassword' && r.who !== 'admin') return 'administration by a non-administrator';
  }
  return null;
}

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ baseURL }) => {
  test.setTimeout(120_000);
  stage = await buildStage(baseURL!);
});

test('the operations table lists every server action and API route of the build', async () => {
  const unlisted = builtActions().filter((a) => !(a.name in SERVER_ACTIONS));
  expect(unlisted, 'server actions missing from lib/auth/operations.ts').toEqual([]);
  const paths = builtPaths('route').filter((p) => !/^\/(icon|apple-icon|favicon|robots|sitemap|manifest|opengraph-image)[^/]*$/.test(p));
  const listed = Object.keys(ROUTES).map((k) => k.replace(/\?.*$/, ''));
  const missing: string[] = [];
  for (const p of paths) {
    // Next answers OPTIONS with the methods the route module exports.
    const allow = (await ctx('anonymous').fetch(samplePath(p), { method: 'OPTIONS' })).headers()['allow'] ?? '';
    for (const method of allow.split(',').map((m) => m.trim()).filter((m) => m && m !== 'HEAD' && m !== 'OPTIONS')) {
      if (!listed.includes(`${method} ${p}`)) missing.push(`${method} ${p}`);
    }
  }
  expect(paths.length).toBeGreaterThan(5);
  expect(missing, 'routes missing from lib/auth/operations.ts').toEqual([]);
});

test('actions on each table of unit A, in every status', async () => {
  test.setTimeout(180_000);
  const stale = (t: MatrixTable) => [{ projectId: t.id, version: STALE, reason: '矩阵测试' }];
  const perTable: [ServerActionName, (t: MatrixTable) => unknown[]][] = [
    ['saveTableAction', (t) => [{ projectId: t.id, version: STALE, table: t.content }]],
    ['deleteTableAction', (t) => [{ projectId: t.id, version: STALE }]],
    ['submitTableAction', stale],
    ['withdrawTableAction', stale],
    ['returnTableAction', stale],
    ['approveTableAction', stale],
    ['reopenTableAction', stale],
    ['addCommentAction', (t) => [{ projectId: t.id, target: null, body: '矩阵测试意见' }]],
    // An unknown comment: an allowed caller is answered 不存在, anyone else is refused first.
    ['markCommentAction', (t) => [{ projectId: t.id, commentId: 999_999, isHandled: true }]],
    // Allowed callers really copy the table, into the matrix's own years.
    ['duplicateTableAction', (t) => [{ projectId: t.id }]],
    ['startNextYearAction', (t) => [{ projectId: t.id }]],
  ];
  for (const who of WHO) {
    for (const t of stage.tables) {
      for (const [name, args] of perTable) action(who, name, readAction(await callAction(ctx(who), name, args(t))), t);
      const bulk = await callAction(ctx(who), 'bulkApproveAction', [{ items: [{ projectId: t.id, version: STALE }] }]);
      action(who, 'bulkApproveAction', readItem(bulk), t);
      const view = await ctx(who).get(`/api/projects/${t.id}`);
      route(who, 'GET /api/projects/[id]', readRoute(view.status(), [200], [401, 403, 404]), t);
      const one = await ctx(who).get(`/api/projects/${t.id}/export?format=json`);
      route(who, 'GET /api/projects/[id]/export', readRoute(one.status(), [200], [401, 403]), t);
    }
  }
});

test('two-level review: each level decided by its own reviewers only, and never twice by one person', async () => {
  const stale = (t: MatrixTable) => [{ projectId: t.id, version: STALE, reason: '矩阵测试' }];
  const perTable: [ServerActionName, (t: MatrixTable) => unknown[]][] = [
    ['approveTableAction', stale],
    ['returnTableAction', stale],
    ['withdrawTableAction', stale],
    ['submitTableAction', stale],
  ];
  for (const who of WHO) {
    for (const t of stage.twoLevel) {
      for (const [name, args] of perTable) action(who, name, readAction(await callAction(ctx(who), name, args(t))), t);
      const bulk = await callAction(ctx(who), 'bulkApproveAction', [{ items: [{ projectId: t.id, version: STALE }] }]);
      action(who, 'bulkApproveAction', readItem(bulk), t);
      const view = await ctx(who).get(`/api/projects/${t.id}`);
      route(who, 'GET /api/projects/[id]', readRoute(view.status(), [200], [401, 403, 404]), t);
    }
  }
});

test('actions on unit A, administration and accounts', async () => {
  for (const who of WHO) {
    const c = ctx(who);
    // A code the matrix year already holds: an allowed caller is refused beside the code field.
    action(who, 'createTableAction', readAction(await callAction(c, 'createTableAction', [{ unitYearId: stage.unitYear, table: stage.tables[0]!.content }])));
    const admin: [ServerActionName, unknown][] = [
      ['createUnitAction', { code: '441001', name: '重复' }],
      ['renameUnitAction', { unitId: 999_999, name: '无' }],
      ['createUnitYearAction', { unitId: 999_999, year: 2030, frameworkId: 1, projectExpenditure: null }],
      ['updateUnitYearAction', { unitYearId: 999_999, frameworkId: 1, projectExpenditure: null, ruleProfile: null }],
      ['renumberUnitYearAction', { unitYearId: 999_999 }],
      ['createUserAction', { username: 'owner', displayName: '重复', password: 'Abcdefg123', isAdmin: false }],
      ['setUserDisabledAction', { userId: 999_999, isDisabled: true }],
      ['setUserAdminAction', { userId: 999_999, isAdmin: true }],
      ['resetPasswordAction', { userId: 999_999 }],
      ['setMembershipAction', { userId: 999_999, unitId: 1, role: 'owner', isMember: true }],
      ['moveUnitAction', { unitId: 999_999, parentId: null }],
      // One bad row: an administrator gets the row's error, and nothing is imported.
      ['previewProvisioningAction', { kind: 'units', file: Buffer.from('单位编码,单位名称\n44-x,坏编码\n').toString('base64') }],
      ['importProvisioningAction', { kind: 'units', file: Buffer.from('单位编码,单位名称\n44-x,坏编码\n').toString('base64') }],
      ['setDeadlineAction', { unitYearId: 999_999, dueOn: null }],
      // Issue 16 curation: unknown entries; a standard sheet whose only row is bad (nothing imported).
      ['retireLibraryEntryAction', { entryId: 999_999, isRetired: true }],
      ['mergeLibraryEntriesAction', { fromId: 999_999, intoId: 999_998 }],
      ['previewStandardLibraryAction', { file: Buffer.from('framework,一级,二级,三级\ncz9999,产出指标,质量指标,坏行\n').toString('base64') }],
      ['importStandardLibraryAction', { file: Buffer.from('framework,一级,二级,三级\ncz9999,产出指标,质量指标,坏行\n').toString('base64') }],
      ['setReviewLevelsAction', { unitYearId: 999_999, reviewLevels: 2 }],
    ];
    for (const [name, input] of admin) action(who, name, readAction(await callAction(c, name, [input])));
    // Confirmation differs: an allowed caller gets the field error, and no password is checked.
    const pw = await callAction(c, 'changePassword', [{ current: 'x', password: 'Abcdefg123', confirm: 'Abcdefg124' }], '/account/password');
    action(who, 'changePassword', readAction(pw));
    action(who, 'noopAction', readAction(await callAction(c, 'noopAction', [])));
    const signIn = await callFormAction(c, 'signIn', { username: `mx-nobody-${who}`, password: 'wrong-1x' });
    action(who, 'signIn', signIn.hasResult ? 'allowed' : 'broken');
  }
});

test('monitoring: opening rounds, reports in draft and submitted, their exports', async () => {
  test.setTimeout(120_000);
  const admin = ctx('admin');
  const owner = ctx('ownerA');
  // Two rounds of the matrix year: the approved matrix table gets a report in each; one is then submitted by owner A.
  const open = async (month: number) => {
    const reply = await callAction(admin, 'openMonitoringRoundsAction', [{ unitYearIds: [stage.unitYear], month, deadline: `${MATRIX_YEAR}-08-15` }]);
    expect(isOk(reply), reply.raw.slice(0, 300)).toBe(true);
    return (reply.result as { data: { roundId: number; reportIds: number[] }[] }).data[0]!;
  };
  const draftRound = await open(7);
  const submittedRound = await open(8);
  const submittedId = submittedRound.reportIds[0]!;
  const empty = { budget: '10.00', executed: '', forecast: '', goalProgress: '', analysis: '', needsRectification: false, rectification: '', entries: [] };
  const saved = await callAction(owner, 'saveMonitoringReportAction', [{ reportId: submittedId, version: 1, report: empty }]);
  expect(isOk(saved), saved.raw.slice(0, 300)).toBe(true);
  const submitted = await callAction(owner, 'submitMonitoringReportAction', [{ reportId: submittedId, version: 2 }]);
  expect(isOk(submitted), submitted.raw.slice(0, 300)).toBe(true);
  const reports: MatrixTable[] = [
    { label: 'report draft', id: draftRound.reportIds[0]!, status: 'draft', authors: [], content: {} },
    { label: 'report submitted', id: submittedId, status: 'submitted', authors: ['ownerA'], content: {} },
  ];
  const stale = (t: MatrixTable) => [{ reportId: t.id, version: STALE, reason: '矩阵测试' }];
  const perReport: [ServerActionName, (t: MatrixTable) => unknown[]][] = [
    ['saveMonitoringReportAction', (t) => [{ reportId: t.id, version: STALE, report: empty }]],
    ['submitMonitoringReportAction', stale],
    ['returnMonitoringReportAction', stale],
    ['approveMonitoringReportAction', stale],
  ];
  for (const who of WHO) {
    // A unit-year that does not exist: an allowed caller gets past the permission check to 'not found'.
    action(who, 'openMonitoringRoundsAction', readAction(await callAction(ctx(who), 'openMonitoringRoundsAction', [{ unitYearIds: [999_999], month: 7, deadline: '2031-08-15' }])));
    for (const t of reports) {
      for (const [name, args] of perReport) action(who, name, readAction(await callAction(ctx(who), name, args(t))), t);
      const one = await ctx(who).get(`/api/monitoring/reports/${t.id}/export?format=json`);
      route(who, 'GET /api/monitoring/reports/[id]/export', readRoute(one.status(), [200], [401, 403]), t);
    }
    const all = await ctx(who).get(`/api/monitoring/rounds/${draftRound.roundId}/export?format=json`);
    route(who, 'GET /api/monitoring/rounds/[id]/export', readRoute(all.status(), [200], [401, 403]));
  }
});

test('target adjustment: proposing on each table, deciding on a proposed one', async () => {
  const owner = ctx('ownerA');
  const firstKey = async (t: MatrixTable) =>
    ((await (await owner.get(`/api/projects/${t.id}`)).json()) as { table: { indicators: { key: string }[] } }).table.indicators[0]!.key;
  for (const t of stage.tables) {
    // A changed row without its reason: an allowed caller is stopped beside that row and nothing is written.
    const input = { projectId: t.id, reason: '矩阵测试', budgetAfter: '1.00', goalAfter: '目标', rows: [{ rowKey: await firstKey(t), after: '≥1 次', reason: '' }] };
    for (const who of WHO) action(who, 'proposeAdjustmentAction', readAction(await callAction(ctx(who), 'proposeAdjustmentAction', [input])), t);
  }
  const approved = stage.tables.find((t) => t.status === 'approved')!;
  const proposed = await callAction(owner, 'proposeAdjustmentAction', [
    { projectId: approved.id, reason: '矩阵测试', budgetAfter: '1.00', goalAfter: '矩阵测试目标', rows: [{ rowKey: await firstKey(approved), after: '≥2 次', reason: '矩阵测试' }] },
  ]);
  expect(isOk(proposed), proposed.raw.slice(0, 300)).toBe(true);
  const adjustment: MatrixTable = { label: 'adjustment submitted', id: (proposed.result as { data: { adjustmentId: number } }).data.adjustmentId, status: 'submitted', authors: ['ownerA'], content: {} };
  for (const who of WHO) {
    for (const name of ['approveAdjustmentAction', 'returnAdjustmentAction'] as const) {
      action(who, name, readAction(await callAction(ctx(who), name, [{ adjustmentId: adjustment.id, version: STALE, reason: '矩阵测试' }])), adjustment);
    }
  }
});

test('self-evaluation: opening, the public switch, 自评表 in draft and submitted', async () => {
  test.setTimeout(120_000);
  const admin = ctx('admin');
  const owner = ctx('ownerA');
  // A second approved table, then self-evaluation of the matrix year: a 自评表 for each; owner A submits one.
  const second = await makeApprovedTable(stage, 6);
  const opened = await callAction(admin, 'openSelfEvalRoundsAction', [{ unitYearIds: [stage.unitYear] }]);
  expect(isOk(opened), opened.raw.slice(0, 300)).toBe(true);
  const ids = (opened.result as { data: { selfEvalIds: number[] }[] }).data[0]!.selfEvalIds;
  expect(ids.length).toBe(2);
  const draftId = ids[0]!;
  const submittedId = ids[1]!;
  const rows = ((await (await owner.get(`/api/projects/${second}`)).json()) as { table: { indicators: { key: string; value: string; isPlaceholder: boolean }[] } }).table.indicators;
  const data = completeSelfEval(rows);
  const saved = await callAction(owner, 'saveSelfEvalAction', [{ selfEvalId: submittedId, version: 1, data }]);
  expect(isOk(saved), saved.raw.slice(0, 300)).toBe(true);
  const submitted = await callAction(owner, 'submitSelfEvalAction', [{ selfEvalId: submittedId, version: 2 }]);
  expect(isOk(submitted), submitted.raw.slice(0, 300)).toBe(true);
  const evaluations: MatrixTable[] = [
    { label: 'selfeval draft', id: draftId, status: 'draft', authors: [], content: {} },
    { label: 'selfeval submitted', id: submittedId, status: 'submitted', authors: ['ownerA'], content: {} },
  ];
  const stale = (t: MatrixTable) => [{ selfEvalId: t.id, version: STALE, reason: '矩阵测试' }];
  const perEvaluation: [ServerActionName, (t: MatrixTable) => unknown[]][] = [
    ['saveSelfEvalAction', (t) => [{ selfEvalId: t.id, version: STALE, data }]],
    ['submitSelfEvalAction', stale],
    ['returnSelfEvalAction', stale],
    ['approveSelfEvalAction', stale],
  ];
  for (const who of WHO) {
    // A unit-year that does not exist: an allowed caller gets past the permission check to 'not found'.
    action(who, 'openSelfEvalRoundsAction', readAction(await callAction(ctx(who), 'openSelfEvalRoundsAction', [{ unitYearIds: [999_999] }])));
    action(who, 'setSelfEvalPublicAction', readAction(await callAction(ctx(who), 'setSelfEvalPublicAction', [{ unitYearId: 999_999, isPublic: true }])));
    for (const t of evaluations) {
      for (const [name, args] of perEvaluation) action(who, name, readAction(await callAction(ctx(who), name, args(t))), t);
      const one = await ctx(who).get(`/api/selfeval/evaluations/${t.id}/export?format=json`);
      route(who, 'GET /api/selfeval/evaluations/[id]/export', readRoute(one.status(), [200], [401, 403]), t);
      // A file that matches no table of this 自评表: an allowed caller gets past the checks to that refusal.
      const imported = await callAction(ctx(who), 'importSelfEvalAction', [{ selfEvalId: t.id, version: STALE, fileName: 'x.txt', file: Buffer.from('无关文本').toString('base64') }]);
      action(who, 'importSelfEvalAction', readAction(imported), t);
    }
    const all = await ctx(who).get(`/api/selfeval/unit-years/${stage.unitYear}/export?format=json`);
    route(who, 'GET /api/selfeval/unit-years/[id]/export', readRoute(all.status(), [200], [401, 403]));
  }
});

test('unit-year, import, session and public routes', async () => {
  // The custom header, as the app's own import form sends it (uploads without it are refused: lib/http/same-origin.mjs).
  const body = { data: '## 1、x绩效目标表\n', headers: { 'content-type': 'text/plain', 'x-requested-with': 'fetch' } };
  for (const who of WHO) {
    const c = ctx(who);
    route(who, 'GET /api/unit-years', readRoute((await c.get('/api/unit-years')).status(), [200], [401]));
    route(who, 'GET /api/library/search', readRoute((await c.get('/api/library/search?q=%E6%BB%A1%E6%84%8F%E5%BA%A6')).status(), [200], [401]));
    route(who, 'GET /api/library/standard', readRoute((await c.get('/api/library/standard')).status(), [200], [401, 403]));
    // The roll-up of unit A itself (its subtree is itself): whoever may view unit A.
    const rollup = await c.get(`/api/departments/${stage.unitA}/export`);
    route(who, 'GET /api/departments/[id]/export', readRoute(rollup.status(), [200], [401, 403]));
    // The department document of unit A's subtree in the demo year, which has approved tables.
    const document = await c.get(`/api/departments/${stage.unitA}/document?format=xlsx&year=2024`);
    route(who, 'GET /api/departments/[id]/document', readRoute(document.status(), [200], [401, 403]));
    const section = await c.get(`/api/unit-years/${stage.unitYear}/export?format=json&all=1`);
    route(who, 'GET /api/unit-years/[id]/export', readRoute(section.status(), [200], [401, 403]));
    for (const mode of ['preview', 'apply'] as const) {
      // No table in the upload: an allowed caller gets past the permission check to the content check.
      const res = await c.post(`/api/import?mode=${mode}&unit=441001&year=${MATRIX_YEAR}`, body);
      route(who, `POST /api/import?mode=${mode}`, readRoute(res.status(), [400], [401, 403]));
    }
    const signIn = await c.post('/api/session', { data: { username: `mx-nobody-api-${who}`, password: 'wrong-1x' } });
    const isJudged = signIn.status() === 401 && ((await signIn.json()) as { message: string }).message === '用户名或密码错误';
    route(who, 'POST /api/session', isJudged ? 'allowed' : 'broken');
    route(who, 'GET /api/session', readRoute((await c.get('/api/session')).status(), [200], [401]));
    route(who, 'GET /api/disclosure/[unit]/[year]', readRoute((await c.get('/api/disclosure/441001/2024')).status(), [200], []));
    const pub = await c.get('/api/disclosure/441001/2024/export?format=json');
    route(who, 'GET /api/disclosure/[unit]/[year]/export', readRoute(pub.status(), [200], []));
    route(who, 'GET /health', readRoute((await c.get('/health')).status(), [200], []));
  }
});

test('signing out, by the API and by the action, ends every session', async ({ baseURL }) => {
  for (const who of WHO) {
    const res = await ctx(who).delete('/api/session');
    route(who, 'DELETE /api/session', readRoute(res.status(), [200], []));
    expect(await sessionStatus(ctx(who)), `${who} is signed out`).toBe(401);
  }
  const credentials: Partial<Record<Who, [string, string]>> = {
    ownerA: [account('owner').username, account('owner').password],
    reviewerA: [account('reviewer').username, account('reviewer').password],
    admin: [account('admin').username, account('admin').password],
    ownerB: ['mx-owner-b', stage.passwords.get('ownerB')![1]],
    ownerReviewerA: ['mx-dual-a', stage.passwords.get('ownerReviewerA')![1]],
    reviewerDept: ['mx-rev-dept', stage.passwords.get('reviewerDept')![1]],
    reviewerSibling: ['mx-rev-sib', stage.passwords.get('reviewerSibling')![1]],
    reviewerFinance: ['mx-rev-fin', stage.passwords.get('reviewerFinance')![1]],
  };
  for (const who of WHO) {
    const cred = credentials[who];
    const c = cred ? await apiSignIn(baseURL!, cred[0], cred[1]) : ctx(who);
    action(who, 'signOut', readAction(await callAction(c, 'signOut', [])));
    expect(await sessionStatus(c), `${who} is signed out`).toBe(401);
  }
});

test('the matrix has no unexpected allow and no unexpected refusal', () => {
  expect([...Object.keys(SERVER_ACTIONS)].filter((n) => !calledActions.has(n)), 'actions the matrix never called').toEqual([]);
  expect([...Object.keys(ROUTES)].filter((n) => !calledRoutes.has(n)), 'routes the matrix never called').toEqual([]);
  const unexpectedAllows = results.filter((r) => r.actual === 'allowed' && !r.expected);
  const unexpectedRefusals = results.filter((r) => r.actual === 'refused' && r.expected);
  const broken = results.filter((r) => r.actual === 'broken');
  const allowed = results.filter((r) => r.actual === 'allowed').length;
  console.log(
    `授权矩阵：${results.length} 次调用（${calledActions.size} 个服务器操作、${calledRoutes.size} 个接口，${WHO.length} 种身份，${stage.tables.length} 张表）；` +
      `放行 ${allowed}，拒绝 ${results.length - allowed - broken.length}；意外放行 ${unexpectedAllows.length}，意外拒绝 ${unexpectedRefusals.length}，无法判定 ${broken.length}`,
  );
  expect(unexpectedAllows, JSON.stringify(unexpectedAllows, null, 1)).toEqual([]);
  expect(unexpectedRefusals, JSON.stringify(unexpectedRefusals, null, 1)).toEqual([]);
  expect(broken, JSON.stringify(broken, null, 1)).toEqual([]);
  const policy = results.flatMap((r) => (breaksPolicy(r) ? [{ ...r, why: breaksPolicy(r) }] : []));
  expect(policy, JSON.stringify(policy, null, 1)).toEqual([]);
  expect(results.length).toBeGreaterThan(400);
});
