/**
 * Issue 20 item 1, from a real browser: a page on another origin (another port of the same host, so
 * the same site, and the browser sends the administrator's cookie) tries the three ways docs/security.md
 * names to import into the victim's units. Each is refused and nothing changes.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { expect, test } from '@playwright/test';
import { account, storageStatePath } from './fixtures/accounts';
import { auditRows } from './fixtures/audit-db';

const REFERENCE = fs.readFileSync(path.join(process.cwd(), 'lib', 'demo', 'reference-441001-2024.txt'), 'utf8');

/** An import that, were it accepted, would create a unit and a year in the administrator's name. */
const TARGET = { unit: '441977', year: 2049 };

function evilPage(appOrigin: string): string {
  const action = `${appOrigin}/api/import?mode=apply&unit=${TARGET.unit}&year=${TARGET.year}`;
  const text = JSON.stringify(REFERENCE).replace(/</g, '\\u003c');
  return `<!doctype html><meta charset="utf-8"><title>抽奖</title>
<form id="f" method="post" enctype="text/plain" action="${action}"><textarea name="x"></textarea></form>
<script>
  const text = ${text};
  document.querySelector('textarea').value = text;
  window.forgeForm = () => document.getElementById('f').submit();
  window.forgeNoCors = () => fetch(${JSON.stringify(action)}, { method: 'POST', mode: 'no-cors', credentials: 'include', body: text }).then(() => 'sent', (e) => String(e));
  window.forgeWithHeader = () => fetch(${JSON.stringify(action)}, { method: 'POST', credentials: 'include', headers: { 'x-requested-with': 'fetch' }, body: text }).then((r) => 'answered ' + r.status, (e) => 'blocked ' + e.name);
</script>`;
}

test('a forged import from a page on another origin is refused with 403 and changes nothing', async ({ browser, baseURL }) => {
  const app = new URL(baseURL!);
  const evil = http.createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(evilPage(app.origin));
  });
  await new Promise<void>((resolve) => evil.listen(0, '127.0.0.1', resolve));
  const evilOrigin = `http://127.0.0.1:${(evil.address() as AddressInfo).port}`;
  const admin = account('admin').username;
  const context = await browser.newContext({ storageState: storageStatePath('admin') });
  try {
    const before = { audit: auditRows(admin).length, unitYears: await (await context.request.get('/api/unit-years')).text() };
    expect(before.unitYears).not.toContain(TARGET.unit);
    const page = await context.newPage();
    const imports: { method: string; status: number; headers: Record<string, string> }[] = [];
    page.on('response', (r) => {
      if (new URL(r.url()).pathname === '/api/import') imports.push({ method: r.request().method(), status: r.status(), headers: r.request().headers() });
    });
    await page.goto(evilOrigin);

    // 1. A text/plain form (the whole page navigates: our pages may not be framed): a "simple"
    //    request, no preflight; the cookie goes along.
    const formReply = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/import');
    await page.evaluate(() => (window as unknown as { forgeForm: () => void }).forgeForm());
    const refused = await formReply;
    expect(refused.status()).toBe(403);
    expect(await refused.json()).toMatchObject({ ok: false, code: 'cross-origin' });
    await page.goto(evilOrigin);

    // 2. fetch in no-cors mode: the page cannot read the answer; the app answered 403.
    const noCorsReply = page.waitForResponse((r) => new URL(r.url()).pathname === '/api/import');
    expect(await page.evaluate(() => (window as unknown as { forgeNoCors: () => Promise<string> }).forgeNoCors())).toBe('sent');
    expect((await noCorsReply).status()).toBe(403);

    // 3. fetch with the custom header uploads need: the browser asks first (CORS preflight), is never
    //    allowed, and does not send the POST at all.
    expect(await page.evaluate(() => (window as unknown as { forgeWithHeader: () => Promise<string> }).forgeWithHeader())).toBe('blocked TypeError');

    expect(imports.filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([403, 403]);
    expect(imports.some((r) => r.method === 'POST' && r.headers['x-requested-with'])).toBe(false);
    // Nothing changed: no unit or year created, no audit row in the administrator's name.
    expect(await (await context.request.get('/api/unit-years')).text()).toBe(before.unitYears);
    expect(auditRows(admin).length).toBe(before.audit);
  } finally {
    await context.close();
    await new Promise((resolve) => evil.close(resolve));
  }
});
