/**
 * Issue 18 item 2 in Chromium: a unit-year switched to two-level review by the administrator on the
 * department page; a copy of demo table 1 in a unit of its own (so that no other spec's demo tables move)
 * goes submitted → 部门已审核 → returned by the finance level → resubmitted → 部门已审核 → 已审核. Each user
 * finds their work in 我的待办, and the department roll-up shows the state at each step.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { account } from './fixtures/accounts';
import { apiSignIn } from './fixtures/api-session';
import { signIn } from './fixtures/app';
import { callAction, isOk, type ActionReply } from './fixtures/server-actions';

/** `npm run pt -- …` against the server's own database. */
function pt(...args: string[]): void {
  const env = { ...process.env };
  if (!process.env.DATABASE_URL) env.DATABASE_PATH = path.join(process.env.E2E_DIR!, 'e2e.db');
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'lib/cli/main.ts', ...args], { env, encoding: 'utf8', timeout: 60_000 });
  expect(r.status, `pt ${args.join(' ')}: ${r.stderr}`).toBe(0);
}

function dataOf<T>(reply: ActionReply, what: string): T {
  expect(isOk(reply), `${what}: ${reply.raw.slice(0, 300)}`).toBe(true);
  return (reply.result as { data: T }).data;
}

const NAME = '两级审核演示表';
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(process.env.E2E_DIR!, `two-level-${name}.png`), fullPage: true });

async function versionOf(c: APIRequestContext, id: number): Promise<number> {
  return ((await (await c.get(`/api/projects/${id}`)).json()) as { project: { version: number } }).project.version;
}

test('two-level review end to end, with a return at the finance level', async ({ browser, baseURL }) => {
  test.setTimeout(240_000);
  // The tree 770 财政局 → 7701 主管部门 → 770101 本级 and its year (administrator), the three people (CLI, permanent passwords).
  const admin = await apiSignIn(baseURL!, account('admin').username, account('admin').password);
  const unit = async (code: string, name: string, parentId: number | null) => {
    const { unitId } = dataOf<{ unitId: number }>(await callAction(admin, 'createUnitAction', [{ code, name }]), name);
    if (parentId !== null) dataOf(await callAction(admin, 'moveUnitAction', [{ unitId, parentId }]), `${name} in the tree`);
    return unitId;
  };
  const top = await unit('770', '两级测试财政局', null);
  const deptId = await unit('7701', '两级测试主管部门', top);
  const unitId = await unit('770101', '两级测试本级', deptId);
  const { unitYearId } = dataOf<{ unitYearId: number }>(await callAction(admin, 'createUnitYearAction', [{ unitId, year: 2024, frameworkId: 1, projectExpenditure: null }]), 'year');
  pt('user', 'create', '--username', 'tl-owner', '--name', '两级编制人', '--password', 'Bianzhi2024tl', '--role', 'owner', '--unit', '770101', '--permanent');
  pt('user', 'create', '--username', 'tl-dept', '--name', '部门审核人', '--password', 'Bumen2024tl', '--role', 'reviewer', '--unit', '7701', '--permanent');
  pt('user', 'create', '--username', 'tl-fin', '--name', '财政审核人', '--password', 'Caizheng2024tl', '--role', 'reviewer', '--unit', '770', '--permanent');
  const demoOwner = await apiSignIn(baseURL!, account('owner').username, account('owner').password);
  const ownerApi = await apiSignIn(baseURL!, 'tl-owner', 'Bianzhi2024tl');
  const deptApi = await apiSignIn(baseURL!, 'tl-dept', 'Bumen2024tl');

  // Seeded through the app: demo table 1's content, in 770101's year, as its owner.
  const source = ((await (await demoOwner.get('/api/projects/1')).json()) as { table: Record<string, unknown> }).table;
  const indicators = (source.indicators as Record<string, unknown>[]).map(({ key: _key, ...row }) => row);
  const content = { ...source, code: '13080024P00009877001A', name: NAME, indicators };
  const { projectId } = dataOf<{ projectId: number }>(await callAction(ownerApi, 'createTableAction', [{ unitYearId, table: content }]), 'create');

  // The administrator switches the year to two levels on the department page.
  const adminPage = await signIn(browser, account('admin').username, account('admin').password);
  await adminPage.goto(`/departments/${deptId}`);
  const rollup = adminPage.getByRole('table', { name: '各单位编报进度' });
  const chart = adminPage.getByRole('img', { name: /全部 \d+ 张表/ });
  await expect(rollup.getByRole('row', { name: /770101/ })).toContainText('一级');
  const levels = adminPage.locator('form').filter({ has: adminPage.getByRole('button', { name: '更改审核级数' }) });
  await levels.getByLabel('审核级数').selectOption('2');
  await levels.getByRole('button', { name: '更改审核级数' }).click();
  await expect(levels.getByText('审核级数已更改')).toBeVisible();
  await adminPage.reload();
  await expect(rollup.getByRole('row', { name: /770101/ })).toContainText('两级');
  await expect(chart).toHaveAccessibleName(/草稿 1/);

  // Owner: the draft waits in 待我填写; submitted from the editor.
  const owner = await signIn(browser, 'tl-owner', 'Bianzhi2024tl');
  await owner.goto('/tasks');
  await owner.getByRole('region', { name: '待我填写' }).getByRole('link', { name: NAME }).click();
  await owner.getByRole('button', { name: '提交审核' }).click();
  await owner.waitForURL(new RegExp(`/projects/${projectId}$`));
  await adminPage.reload();
  await expect(chart).toHaveAccessibleName(/已提交 1/);

  // Finance: nothing yet (the department decides first). Department: finds it in 待我审核 and approves.
  const finance = await signIn(browser, 'tl-fin', 'Caizheng2024tl');
  await finance.goto('/tasks');
  await expect(finance.getByRole('link', { name: NAME })).toHaveCount(0);
  const dept = await signIn(browser, 'tl-dept', 'Bumen2024tl');
  await dept.goto('/tasks');
  await dept.getByRole('region', { name: '待我审核' }).getByRole('link', { name: NAME }).click();
  await dept.getByRole('button', { name: '审核通过', exact: true }).click();
  await dept.getByRole('dialog', { name: /^审核通过“/ }).getByRole('button', { name: '确认审核通过' }).click();
  await expect(dept.getByText('部门审核已通过，等待财政审核。')).toBeVisible();
  await shot(dept, 'dept-approved');
  await adminPage.reload();
  await expect(chart).toHaveAccessibleName(/部门已审核 1/);
  await shot(adminPage, 'rollup-dept-approved');

  // Finance: finds it in 待我财政审核 and returns it with a reason.
  await finance.goto('/tasks');
  await finance.getByRole('region', { name: '待我财政审核' }).getByRole('link', { name: NAME }).click();
  await finance.getByRole('button', { name: '退回修改' }).click();
  await finance.getByLabel('退回理由（必填）').fill('请细化数量指标的口径');
  await finance.getByRole('button', { name: '确认退回修改' }).click();
  await expect(finance.getByText('已退回').first()).toBeVisible();
  await adminPage.reload();
  await expect(chart).toHaveAccessibleName(/已退回 1/);

  // Owner: 被退回 lists it; the editor says the finance level returned it, and why.
  await owner.goto('/tasks');
  await owner.getByRole('region', { name: '被退回' }).getByRole('link', { name: NAME }).click();
  const panel = owner.getByRole('region', { name: /审核意见（/ });
  await expect(panel).toContainText('财政审核退回理由');
  await expect(panel).toContainText('请细化数量指标的口径');
  await shot(owner, 'owner-returned');
  await owner.goto(`/projects/${projectId}/history`);
  await expect(owner.locator('main')).toContainText('财政审核退回');
  await expect(owner.locator('main')).toContainText('部门审核通过');

  // Resubmitted (through the API, as the editor's save and submit do) and approved again by the department.
  const saved = dataOf<{ version: number }>(await callAction(ownerApi, 'saveTableAction', [{ projectId, version: await versionOf(ownerApi, projectId), table: content }]), 'save');
  dataOf(await callAction(ownerApi, 'submitTableAction', [{ projectId, version: saved.version }]), 'resubmit');
  dataOf(await callAction(deptApi, 'approveTableAction', [{ projectId, version: await versionOf(ownerApi, projectId) }]), 'department approval');

  // Finance approves from its task list: 已审核.
  await finance.goto('/tasks');
  await finance.getByRole('region', { name: '待我财政审核' }).getByRole('link', { name: NAME }).click();
  await finance.getByRole('button', { name: '审核通过', exact: true }).click();
  await finance.getByRole('dialog', { name: /^审核通过“/ }).getByRole('button', { name: '确认审核通过' }).click();
  await expect(finance.getByText('已审核通过，此表现在只读。')).toBeVisible();
  await adminPage.reload();
  await expect(chart).toHaveAccessibleName(/已审核 1/);
  await expect(rollup.getByRole('row', { name: /770101/ })).toContainText('100%');
  await shot(adminPage, 'rollup-approved');

  // The department document now holds it.
  const doc = await deptApi.get(`/api/departments/${deptId}/document?format=pdf&year=2024`);
  expect(doc.status()).toBe(200);
  expect(doc.headers()['content-type']).toBe('application/pdf');
  for (const p of [adminPage, owner, dept, finance]) await p.context().close();
});
