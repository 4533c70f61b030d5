import { expect, test, type Browser, type Page } from '@playwright/test';
import { account, storageStatePath } from './fixtures/accounts';
import { auditRows } from './fixtures/audit-db';
import { builtPaths, samplePath } from './fixtures/build-paths';
import { callAction, isOk } from './fixtures/server-actions';
import { EditorPage } from './pages/editor-page';

/** Signs the reviewer in through the form and returns the Set-Cookie of the reply. */
async function signInCookie(browser: Browser, headers: Record<string, string>): Promise<string> {
  const a = account('reviewer');
  const context = await browser.newContext({ extraHTTPHeaders: headers });
  const page = await context.newPage();
  await page.goto('/login');
  await page.getByLabel('用户名').fill(a.username);
  await page.getByLabel('密码').fill(a.password);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login'),
    page.getByRole('button', { name: '登录' }).click(),
  ]);
  const cookie = (await response.headerValue('set-cookie')) ?? '';
  await context.close();
  return cookie;
}

test.describe('sign-in protection', () => {
  test('wrong passwords slow an account down like a name that does not exist; the device it signed in from still gets in', async ({ browser, request }) => {
    // A fresh account so the demo accounts used elsewhere stay usable.
    const admin = await browser.newContext({ storageState: storageStatePath('admin') });
    const created = await callAction(admin.request, 'createUserAction', [
      { username: 'lockme', displayName: '锁定测试', password: 'Suoding2024', isAdmin: false },
    ]);
    expect(isOk(created)).toBe(true);
    const signInWith = async (page: Page, username: string, password: string) => {
      await page.getByLabel('用户名').fill(username);
      await page.getByLabel('密码').fill(password);
      await Promise.all([
        page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/login'),
        page.getByRole('button', { name: '登录' }).click(),
      ]);
    };
    // The owner's own browser signs in once: it is now a known device (a long-lived HttpOnly cookie).
    const own = await browser.newContext();
    const ownPage = await own.newPage();
    await ownPage.goto('/login');
    await signInWith(ownPage, 'lockme', 'Suoding2024');
    // Signed in (a password set by an administrator leads to the password page first).
    await expect(ownPage).toHaveURL(/\/account\/password/);
    const device = (await own.cookies()).find((c) => c.name === 'pt_device');
    expect(device?.httpOnly).toBe(true);
    expect(device?.expires).toBeGreaterThan(Date.now() / 1000 + 300 * 86_400);
    await ownPage.getByRole('button', { name: '退出' }).click();
    await expect(ownPage).toHaveURL(/\/login/);

    // Someone else guesses from another browser.
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto('/login');
    const base = auditRows('lockme').length;
    for (let i = 1; i <= 6; i++) {
      await signInWith(page, 'lockme', `wrong-${i}x`);
      // Each attempt judged (or refused) before the next, and the form reset.
      await expect.poll(() => auditRows('lockme').length).toBe(base + i);
      await expect(page.locator('#login-error')).toBeVisible();
      await expect(page.getByLabel('密码')).toHaveValue('');
      // The username stays in the form after a failed attempt.
      await expect(page.getByLabel('用户名')).toHaveValue('lockme');
      if (i === 5) await expect(page.locator('#login-error')).toContainText('请 30 秒后再试');
    }
    expect(auditRows('lockme').slice(base).map((r) => r.action)).toEqual(['login-failed', 'login-failed', 'login-failed', 'login-failed', 'login-failed', 'login-delayed']);
    await expect(page.locator('#login-error')).toContainText('登录失败次数过多');
    // Even the right password waits on a new device; nothing tells it from a name that does not exist.
    await signInWith(page, 'lockme', 'Suoding2024');
    await expect(page).toHaveURL(/\/login/);
    const delayed = await request.post('/api/session', { data: { username: 'lockme', password: 'Suoding2024' } });
    for (let i = 1; i <= 5; i++) await request.post('/api/session', { data: { username: 'lockme-not', password: `wrong-${i}x` } });
    const unknown = await request.post('/api/session', { data: { username: 'lockme-not', password: 'Suoding2024' } });
    expect(delayed.status()).toBe(429);
    expect(unknown.status()).toBe(delayed.status());
    expect(await unknown.json()).toEqual(await delayed.json());
    // The owner's browser is not kept out.
    await signInWith(ownPage, 'lockme', 'Suoding2024');
    await expect(ownPage).toHaveURL(/\/account\/password/);
    await context.close();
    await own.close();
    await admin.close();
  });

  test('the session cookie is HttpOnly and SameSite=Lax, and not Secure because a client says https', async ({ browser }) => {
    // No proxy is trusted by default, so a forwarded protocol from the client proves nothing.
    const cookie = await signInCookie(browser, { 'x-forwarded-proto': 'https' });
    expect(cookie, 'sign-in sets a session cookie').toContain('pt_session=');
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect(cookie).not.toMatch(/;\s*Secure/i);
  });

  test('security headers are sent', async ({ request }) => {
    const res = await request.get('/login');
    const h = res.headers();
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(h['content-security-policy']).toMatch(/script-src 'self' 'nonce-[^']+'/);
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
  });

  test('the sign-in API refuses what a page on another site could send (login CSRF)', async ({ request }) => {
    const a = account('reviewer');
    // What an HTML form with enctype="text/plain" sends: JSON-looking text, but not JSON.
    const form = await request.post('/api/session', {
      headers: { 'content-type': 'text/plain', origin: 'https://evil.example' },
      data: `{"username":"${a.username}","password":"${a.password}","x":"="}\r\n`,
    });
    // Refused for its origin before its type is looked at (lib/http/same-origin.mjs).
    expect(form.status()).toBe(403);
    expect(form.headers()['set-cookie']).toBeUndefined();
    // A browser's cross-site request, whatever its type.
    const crossSite = await request.post('/api/session', { headers: { 'sec-fetch-site': 'cross-site' }, data: { username: a.username, password: a.password } });
    expect(crossSite.status()).toBe(403);
    expect(crossSite.headers()['set-cookie']).toBeUndefined();
    // A script's JSON request is still welcome.
    expect((await request.post('/api/session', { data: { username: a.username, password: a.password } })).status()).toBe(200);
  });

  test('a broken form post to a page gets a clear 400, not a 500', async ({ request }) => {
    for (const type of ['multipart/form-data; boundary=xyz', 'multipart/form-data']) {
      const res = await request.post('/login', { headers: { 'content-type': type }, data: '--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\n[{' });
      expect(res.status(), type).toBe(400);
      expect(((await res.json()) as { message: string }).message).toContain('请求格式不正确');
    }
  });

  test('without a session, staff pages and APIs lead to sign-in; public pages do not', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    // Every page of the build (from its manifest, so a new page cannot be forgotten here) but the public ones.
    const pages = builtPaths('page').filter((p) => p !== '/login' && !p.startsWith('/_') && !p.startsWith('/disclosure'));
    expect(pages.length).toBeGreaterThan(15);
    for (const p of pages) {
      const url = samplePath(p);
      await page.goto(url);
      await expect(page, url).toHaveURL(/\/login/);
    }
    expect((await page.request.get('/api/projects/1/export?format=json')).status()).toBe(401);
    // Following a download link without a session: a page that says why, not bare JSON.
    const res = await page.goto('/api/projects/1/export?format=xlsx');
    expect(res?.status()).toBe(401);
    await expect(page.getByRole('heading', { name: '无法下载' })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveText('请先登录');
    await page.getByRole('link', { name: '登录' }).click();
    await expect(page).toHaveURL(/\/login/);
    await page.goto('/disclosure/441001/2024');
    await expect(page.getByRole('heading', { level: 1 })).toContainText('441001');
    await context.close();
  });
});

test.describe('hostile text renders inert', () => {
  test.use({ storageState: storageStatePath('owner') });

  test('script and img-onerror typed into free-text fields stay text in every view and export', async ({ page }) => {
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    const uy = 1;
    const evil = '<script>alert(1)</script>';
    const evil2 = '"><img src=x onerror=alert(2)>';
    const table = {
      code: '13080024PXSS000000001',
      name: `恶意名称${evil}`,
      budget: { total: '1.00', fiscal: '1.00', other: null },
      purpose: `用途${evil2}`,
      goal: `1. 目标${evil}`,
      schedule: [{ month: 12, percent: 100 }],
      indicators: [
        { level1: '产出指标', level2: '数量指标', name: `指标${evil2}`, description: evil, value: evil2, target: { kind: 'text' }, basis: evil, isPlaceholder: false },
      ],
    };
    const created = await callAction(page.request, 'createTableAction', [{ unitYearId: uy, table }]);
    expect(isOk(created)).toBe(true);
    const id = (created.result as { data: { projectId: number } }).data.projectId;
    // Typed by a person too: in the editor's fields and in a review comment.
    const typed = '<b onmouseover=alert(3)>粗体</b>';
    const ed = new EditorPage(page);
    await ed.open(`/projects/${id}/edit`);
    await page.getByLabel('资金用途').fill(`用途${typed}`);
    await page.getByLabel('第 1 行 绩效指标描述', { exact: true }).fill(`描述${typed}`);
    await ed.save();
    await ed.expectSaved();
    await page.goto(`/projects/${id}`);
    await page.getByLabel('意见内容').fill(`意见${evil2}`);
    await page.getByRole('button', { name: '添加意见' }).click();
    await expect(page.getByText(`意见${evil2}`).first()).toBeVisible();
    for (const path of [`/projects/${id}`, `/projects/${id}/preview`, `/projects/${id}/history`, `/projects/${id}/edit`, '/projects?uy=1']) {
      await page.goto(path);
      await expect(page.getByText(evil).first()).toBeVisible();
      expect(await page.locator('img[src="x"]').count(), path).toBe(0);
      expect(await page.locator('b[onmouseover]').count(), path).toBe(0);
      expect(await page.locator('script:not([src]):not([nonce])').count(), path).toBe(0);
    }
    await page.goto(`/projects/${id}`);
    await expect(page.getByText(`意见${evil2}`).first()).toBeVisible();
    await expect(page.getByText(`用途${typed}`).first()).toBeVisible();
    // Downloads are attachments the browser may not sniff into HTML; the text stays text inside them.
    for (const format of ['text', 'json', 'xlsx', 'pdf']) {
      const res = await page.request.get(`/api/projects/${id}/export?format=${format}`);
      expect(res.headers()['content-disposition'], format).toMatch(/^attachment;/);
      expect(res.headers()['x-content-type-options'], format).toBe('nosniff');
      expect(res.headers()['content-type'], format).not.toContain('html');
      if (format === 'text' || format === 'json') {
        const body = await res.text();
        expect(body).toContain(format === 'json' ? JSON.stringify(evil).slice(1, -1) : evil);
        expect(body).toContain(format === 'json' ? JSON.stringify(typed).slice(1, -1) : typed);
      }
    }
    expect(dialogs).toEqual([]);
  });
});
