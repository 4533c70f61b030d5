/**
 * Issue 18 in the running app. The acceptance check: with the command line (permanent passwords) a
 * department 4410 gets the demo unit 441001 moved under it and a reviewer granted on it; signed in
 * through /api/session, that reviewer gets 441001's unit-years and its submitted tables in the review
 * queue, and a reviewer of a sibling department none. Then the administration's tree and bulk import.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { storageStatePath } from './fixtures/accounts';
import { apiSignIn } from './fixtures/api-session';

/** `npm run pt -- …` against the server's own database. */
function pt(...args: string[]): { code: number; out: string; err: string } {
  const env = { ...process.env };
  if (!process.env.DATABASE_URL) env.DATABASE_PATH = path.join(process.env.E2E_DIR!, 'e2e.db');
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'lib/cli/main.ts', ...args], { env, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
}

test.describe.configure({ mode: 'serial' });

test('a department reviewer made with the CLI sees its units through the API; a sibling department sees none', async ({ baseURL }) => {
  test.setTimeout(120_000);
  for (const args of [
    ['unit', 'create', '--code', '4410', '--name', '承德市人力资源和社会保障局'],
    ['unit', 'create', '--code', '4420', '--name', '承德市民政局'],
    ['unit', 'update', '--code', '441001', '--parent', '4410'],
    ['user', 'create', '--username', 'e2e-dept-rev', '--name', '部门审核人', '--password', 'Bumen2024e2e', '--role', 'reviewer', '--unit', '4410', '--permanent'],
    ['user', 'create', '--username', 'e2e-sib-rev', '--name', '民政审核人', '--password', 'Minzheng2024e2e', '--role', 'reviewer', '--unit', '4420', '--permanent'],
  ]) {
    const r = pt(...args);
    expect(r.code, `pt ${args.join(' ')}: ${r.err}`).toBe(0);
  }
  const dept = await apiSignIn(baseURL!, 'e2e-dept-rev', 'Bumen2024e2e');
  const years = (await (await dept.get('/api/unit-years')).json()) as { unitYears: { unitCode: string; year: number }[] };
  expect(years.unitYears.map((u) => u.unitCode)).toContain('441001');
  expect(years.unitYears.every((u) => u.unitCode === '441001')).toBe(true);
  const queue = await (await dept.get('/review')).text();
  const queued = [...queue.matchAll(/href="\/projects\/(\d+)"/g)].map((m) => Number(m[1]));
  expect(queued.length).toBeGreaterThan(0);
  // Each queued table opens for this reviewer through the API, as one of 441001's.
  for (const id of new Set(queued)) expect((await dept.get(`/api/projects/${id}`)).status()).toBe(200);

  // The department's roll-up: listed for its reviewer, with 441001's row, and exported as XLSX.
  const deptId = Number(/href="\/departments\/(\d+)"/.exec(await (await dept.get('/departments')).text())?.[1]);
  expect(deptId).toBeGreaterThan(0);
  expect(await (await dept.get(`/departments/${deptId}`)).text()).toContain('441001');
  const xlsx = await dept.get(`/api/departments/${deptId}/export`);
  expect(xlsx.status()).toBe(200);
  expect(xlsx.headers()['content-type']).toContain('spreadsheetml');

  const sibling = await apiSignIn(baseURL!, 'e2e-sib-rev', 'Minzheng2024e2e');
  expect((await sibling.get(`/api/departments/${deptId}/export`)).status()).toBe(403);
  expect((await sibling.get(`/departments/${deptId}`)).status()).toBe(404);
  expect(((await (await sibling.get('/api/unit-years')).json()) as { unitYears: unknown[] }).unitYears).toEqual([]);
  expect([...(await (await sibling.get('/review')).text()).matchAll(/href="\/projects\/\d+"/g)]).toEqual([]);
  for (const id of new Set(queued)) expect((await sibling.get(`/api/projects/${id}`)).status()).toBe(404);
});

test.describe('administration', () => {
  test.use({ storageState: storageStatePath('admin') });

  test('the tree shows 441001 under 4410, and a move under its own unit is refused beside the field', async ({ page }) => {
    await page.goto('/admin/tree');
    const tree = page.getByRole('table', { name: '单位层级' });
    await expect(tree.getByRole('cell', { name: /第 2 级：\s*441001/ })).toBeVisible();
    const valueOf = async (label: string, text: string) => (await page.getByLabel(label, { exact: true }).locator('option', { hasText: text }).first().getAttribute('value'))!;
    await page.getByLabel('单位', { exact: true }).selectOption(await valueOf('单位', '4410 承德市人力资源和社会保障局'));
    await page.getByLabel('新的上级单位').selectOption(await valueOf('新的上级单位', '441001 承德市'));
    await page.getByRole('button', { name: '调整' }).click();
    await expect(page.getByText('441001 是 4410 的下级单位，不能作为它的上级')).toBeVisible();
    await page.screenshot({ path: path.join(process.env.E2E_DIR!, 'departments-tree.png'), fullPage: true });
  });

  test('the roll-up shows 441001 in 4410 with its tables by status; a deadline in the past makes it overdue', async ({ page }) => {
    await page.goto('/departments');
    await page.getByRole('link', { name: '4410 承德市人力资源和社会保障局' }).click();
    const table = page.getByRole('table', { name: '各单位编报进度' });
    await expect(table.getByRole('row', { name: /441001/ })).toContainText('未设截止日期');
    await page.getByLabel('编报截止日期').fill('2024-03-31');
    await page.getByRole('button', { name: '设置' }).click();
    await expect(page.getByText('已设置')).toBeVisible();
    await expect(table.getByRole('row', { name: /441001/ })).toContainText('2024-03-31 已逾期');
    await expect(page.getByRole('img', { name: /全部 \d+ 张表/ })).toBeVisible();
    await page.screenshot({ path: path.join(process.env.E2E_DIR!, 'departments-rollup.png'), fullPage: true });
  });

  test('bulk import: every bad row shown and nothing imported; the fixed file previewed, confirmed, and the same again changes nothing', async ({ page }) => {
    await page.goto('/admin/provision');
    const file = page.getByLabel('文件（XLSX 或 CSV）');
    const bad = '单位编码,单位名称,上级单位编码\n4430,某局,\n443001,某局本级,4430\n44-3,坏编码,\n443002,下属,9999\n';
    await file.setInputFiles({ name: 'units.csv', mimeType: 'text/csv', buffer: Buffer.from(bad) });
    const errors = page.getByRole('table', { name: '有误的行' });
    await expect(errors.getByRole('row')).toHaveCount(3);
    await expect(errors).toContainText('第 4 行');
    await expect(errors).toContainText('上级单位 9999 既不在文件中，也不在系统中');
    await expect(page.getByRole('button', { name: '确认导入' })).toHaveCount(0);
    await page.screenshot({ path: path.join(process.env.E2E_DIR!, 'departments-import-errors.png'), fullPage: true });

    const good = '单位编码,单位名称,上级单位编码\n443001,某局本级,4430\n4430,某局,\n';
    await file.setInputFiles({ name: 'units.csv', mimeType: 'text/csv', buffer: Buffer.from(good) });
    await expect(page.getByText('新建 2 个单位，修改 0 个，不变 0 个')).toBeVisible();
    await page.getByRole('button', { name: '确认导入' }).click();
    await expect(page.getByText('已导入单位：新建 2，修改 0，不变 0')).toBeVisible();

    await page.getByLabel('用户').check();
    const users = '用户名,姓名,角色,初始密码\ne2e-bulk-1,批量一,审核人:4430,\n';
    await file.setInputFiles({ name: 'users.csv', mimeType: 'text/csv', buffer: Buffer.from(users) });
    await expect(page.getByText('新建 1 个用户，修改 0 个，不变 0 个')).toBeVisible();
    await page.getByRole('button', { name: '确认导入' }).click();
    await expect(page.getByLabel('生成的初始密码')).toHaveValue(/^e2e-bulk-1\t\S{16}$/);
    await page.screenshot({ path: path.join(process.env.E2E_DIR!, 'departments-import-done.png'), fullPage: true });
    await file.setInputFiles({ name: 'users.csv', mimeType: 'text/csv', buffer: Buffer.from(users) });
    await expect(page.getByText('新建 0 个用户，修改 0 个，不变 1 个')).toBeVisible();
    await expect(page.getByRole('button', { name: '确认导入' })).toBeDisabled();
  });
});
