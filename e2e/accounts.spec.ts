/**
 * Account rules enforced on the server: a reset password blocks everything but changing it, guesses
 * at the current password count toward the sign-in delays, parallel sign-in guesses cannot get round
 * them (nor do parallel right ones slow anyone down),
 * signing in again ends the browser's previous session, and sign-out is audited.
 */
import { expect, request, test, type APIRequestContext } from '@playwright/test';
import { account, storageStatePath } from './fixtures/accounts';
import { auditRows } from './fixtures/audit-db';
import { apiSignIn, apiSignInFirstTime, sessionStatus } from './fixtures/api-session';
import { callAction, failureCode, failureMessage, isOk } from './fixtures/server-actions';

let admin: APIRequestContext;

async function createUser(username: string, password: string): Promise<number> {
  const created = await callAction(admin, 'createUserAction', [{ username, displayName: username, password, isAdmin: false }]);
  expect(isOk(created), created.raw.slice(0, 300)).toBe(true);
  return (created.result as { data: { userId: number } }).data.userId;
}

test.beforeAll(async ({ baseURL }) => {
  const a = account('admin');
  admin = await apiSignIn(baseURL!, a.username, a.password);
});

test('a password set by an administrator must be changed before anything else', async ({ browser, baseURL }) => {
  const userId = await createUser('mx-reset', 'Chushi2024r');
  const member = await callAction(admin, 'setMembershipAction', [{ userId, unitId: 1, role: 'owner', isMember: true }]);
  expect(isOk(member)).toBe(true);

  // Over the API: signed in, but every other action and route refuses.
  const api = await apiSignIn(baseURL!, 'mx-reset', 'Chushi2024r');
  const first = (await (await api.get('/api/session')).json()) as { mustChangePassword?: boolean };
  expect(first.mustChangePassword).toBe(true);
  expect((await api.get('/api/unit-years')).status()).toBe(401);
  expect((await api.get('/api/projects/1')).status()).toBe(401);
  const created = await callAction(api, 'duplicateTableAction', [{ projectId: 1 }]);
  expect(failureCode(created)).toBe('unauthenticated');
  expect(failureMessage(created)).toContain('修改密码');

  // In the browser: every staff page leads to the password page, which works.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('用户名').fill('mx-reset');
  await page.getByLabel('密码').fill('Chushi2024r');
  await page.getByRole('button', { name: '登录' }).click();
  await expect(page).toHaveURL(/\/account\/password/);
  for (const p of ['/projects', '/projects/1', '/review', '/exports']) {
    await page.goto(p);
    await expect(page, p).toHaveURL(/\/account\/password/);
  }
  await expect(page.getByRole('navigation', { name: '主导航' })).not.toContainText('项目');
  await page.getByLabel('当前密码').fill('Chushi2024r');
  await page.getByLabel('新密码', { exact: true }).fill('Xinmima2024r');
  await page.getByLabel('再次输入新密码').fill('Xinmima2024r');
  await page.getByRole('button', { name: '保存新密码' }).click();
  await expect(page).toHaveURL(/\/projects/);
  await expect(page.getByRole('navigation', { name: '主导航' })).toContainText('项目');
  // Changing the password ended the API session too.
  expect(await sessionStatus(api)).toBe(401);
  await context.close();
});

test('wrong current passwords in "change password" count toward the sign-in delays', async ({ baseURL }) => {
  await createUser('mx-guess', 'Chushi2024g');
  const api = await apiSignInFirstTime(baseURL!, 'mx-guess', 'Chushi2024g', 'Zhengque2024g');
  const replies = [];
  for (let i = 1; i <= 5; i++) {
    replies.push(await callAction(api, 'changePassword', [{ current: `cuowu-${i}x`, password: 'Xinmima2024g', confirm: 'Xinmima2024g' }], '/account/password'));
  }
  // Signed in on this device, the user is told only that the password is wrong, and is not kept waiting.
  expect(replies.map(failureCode)).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'invalid']);
  expect(failureMessage(replies[4]!)).toBe('当前密码不正确');
  // Sign-in from a new device must wait, even with the right password.
  const res = await (await request.newContext({ baseURL })).post('/api/session', { data: { username: 'mx-guess', password: 'Zhengque2024g' } });
  expect(res.status()).toBe(429);
  expect(((await res.json()) as { message: string }).message).toContain('登录失败次数过多');
  expect(auditRows('mx-guess').filter((r) => r.action === 'change-password-failed')).toHaveLength(5);
});

test('a burst of parallel guesses has at most five judged, the rest refused unhashed, and then waits', async ({ baseURL }) => {
  await createUser('mx-burst', 'Zhengque2024b');
  const anonymous = await request.newContext({ baseURL });
  const guesses = Array.from({ length: 16 }, (_, i) => `cuowu-${i}x`);
  const replies = await Promise.all(guesses.map((password) => anonymous.post('/api/session', { data: { username: 'mx-burst', password } })));
  const statuses = replies.map((r) => r.status());
  expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
  const judged = auditRows('mx-burst').filter((r) => r.action === 'login-failed');
  expect(judged.length).toBeLessThanOrEqual(5);
  const after = await anonymous.post('/api/session', { data: { username: 'mx-burst', password: 'Zhengque2024b' } });
  expect(after.status()).toBe(429);
  expect(((await after.json()) as { message: string }).message).toContain('登录失败次数过多');
});

test('signing in from many tabs at once with the right password never slows the account down', async ({ baseURL }) => {
  await createUser('mx-tabs', 'Zhengque2024t');
  const anonymous = await request.newContext({ baseURL });
  const replies = await Promise.all(Array.from({ length: 8 }, () => anonymous.post('/api/session', { data: { username: 'mx-tabs', password: 'Zhengque2024t' } })));
  const statuses = replies.map((r) => r.status());
  expect(statuses.filter((s) => s !== 200 && s !== 429)).toEqual([]);
  expect(statuses).toContain(200);
  for (const r of replies.filter((x) => x.status() === 429)) expect(((await r.json()) as { message: string }).message).toContain('请稍后再试');
  const again = await anonymous.post('/api/session', { data: { username: 'mx-tabs', password: 'Zhengque2024t' } });
  expect(again.status()).toBe(200);
  expect(auditRows('mx-tabs').map((r) => r.action)).not.toContain('login-failed');
});

test('signing in again ends the previous session of the browser; signing out is audited', async ({ baseURL }) => {
  const a = account('reviewer');
  const browserLike = await apiSignIn(baseURL!, a.username, a.password);
  const firstCookie = (await browserLike.storageState()).cookies.find((c) => c.name === 'pt_session')!.value;
  const again = await browserLike.post('/api/session', { data: { username: a.username, password: a.password } });
  expect(again.status()).toBe(200);
  const old = await request.newContext({ baseURL, extraHTTPHeaders: { cookie: `pt_session=${firstCookie}` } });
  expect(await sessionStatus(old)).toBe(401);
  expect(await sessionStatus(browserLike)).toBe(200);
  const before = auditRows(a.username).filter((r) => r.action === 'logout').length;
  expect((await browserLike.delete('/api/session')).status()).toBe(200);
  expect(await sessionStatus(browserLike)).toBe(401);
  expect(auditRows(a.username).filter((r) => r.action === 'logout').length).toBe(before + 1);
});

test('a sign-in destination that leaves the site is replaced by the project list', async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  const a = account('owner');
  await page.goto(`/login?next=${encodeURIComponent('/\t/example.com/x')}`);
  await page.getByLabel('用户名').fill(a.username);
  await page.getByLabel('密码').fill(a.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  expect(new URL(page.url()).host).toBe(new URL(test.info().project.use.baseURL!).host);
  expect(new URL(page.url()).pathname).toBe('/projects');
  await context.close();
});

test('an administrator makes another user an administrator and takes it back, on the users page', async ({ browser }) => {
  await createUser('mx-promote', 'Chushi2024p');
  const context = await browser.newContext({ storageState: storageStatePath('admin') });
  const page = await context.newPage();
  page.on('dialog', (d) => void d.accept());
  await page.goto('/admin/users');
  const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'mx-promote', exact: true }) });
  await row.getByText('添加角色', { exact: true }).click();
  await row.getByRole('button', { name: '将mx-promote设为管理员' }).click();
  await expect(row).toContainText('管理员（全部单位）');
  await row.getByRole('button', { name: '撤销mx-promote的管理员角色' }).click();
  await expect(row).not.toContainText('管理员（全部单位）');
  expect(auditRows('admin').filter((r) => r.action === 'grant-admin' || r.action === 'revoke-admin').map((r) => r.action)).toEqual(['grant-admin', 'revoke-admin']);
  // No button to take the role from oneself.
  const own = page.getByRole('row').filter({ has: page.getByRole('cell', { name: 'admin', exact: true }) });
  await expect(own.getByRole('button', { name: /管理员角色/ })).toHaveCount(0);
  await context.close();
});
