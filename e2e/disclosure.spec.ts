/**
 * The public disclosure pages as a citizen uses them, without signing in: the index, a unit-year's
 * approved tables only, numbered as the downloads number them, and every download link working.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import JSZip from 'jszip';

type Published = { projects: { number: number; code: string; name: string; draft?: boolean }[] };

test.describe('public disclosure', () => {
  test('lists approved tables only, numbered as every download numbers them, and each download works @pg', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const api = (await (await page.request.get('/api/disclosure/441001/2024')).json()) as Published;
    expect(api.projects.length).toBeGreaterThan(0);
    expect(api.projects.map((p) => p.number)).toEqual(api.projects.map((_, i) => i + 1));
    expect(api.projects.some((p) => p.draft)).toBe(false);

    await page.goto('/disclosure');
    const index = page.getByRole('table', { name: '已公开的单位年度' });
    // Other specs publish other years of the unit: the 2024 row.
    const row = index.getByRole('row').filter({ hasText: '441001' }).filter({ has: page.getByRole('cell', { name: '2024', exact: true }) });
    await expect(row.getByRole('cell').last()).toHaveText(String(api.projects.length));
    await row.getByRole('link', { name: '承德市人力资源和社会保障局本级' }).click();
    await expect(page).toHaveURL(/\/disclosure\/441001\/2024$/);

    const contents = page.getByRole('table', { name: '项目目录' });
    await expect(contents.locator('tbody tr')).toHaveCount(api.projects.length);
    for (const p of api.projects) {
      await expect(contents.locator('tbody tr').nth(p.number - 1)).toContainText(p.name);
      await expect(page.getByRole('heading', { name: `${p.number}、${p.name}绩效目标表` })).toBeVisible();
    }
    // Table 1 of the demo is a draft: neither listed nor downloadable by its code.
    await expect(page.getByText('13080024P00009810002A')).toHaveCount(0);
    await expect(page.getByText('草稿')).toHaveCount(0);
    const draft = await page.request.get('/api/disclosure/441001/2024/export?format=xlsx&project=13080024P00009810002A');
    expect(draft.status()).toBe(404);

    // The whole section: as many sheets as tables, and a PDF with every code in its text.
    const xlsx = await page.request.get(await page.getByRole('link', { name: 'Excel', exact: true }).first().getAttribute('href').then((h) => h!));
    expect(xlsx.headers()['content-type']).toContain('spreadsheetml');
    const zip = await JSZip.loadAsync(await xlsx.body());
    expect(Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))).toHaveLength(api.projects.length);
    const pdf = await page.request.get((await page.getByRole('link', { name: 'PDF', exact: true }).first().getAttribute('href'))!);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pt-disclosure-')), 's.pdf');
    fs.writeFileSync(file, await pdf.body());
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const p of api.projects) expect(text).toContain(p.code);
    expect(text).not.toContain('草稿');

    // One table's own download carries the number the page gives it.
    const last = api.projects.at(-1)!;
    const one = await page.request.get((await page.getByRole('link', { name: `下载 ${last.name} 的 PDF` }).getAttribute('href'))!);
    fs.writeFileSync(file, await one.body());
    const oneText = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(oneText).toContain(`${last.number}、${last.name.replace(/\s+/g, '')}绩效目标表`);
    const oneXlsx = await page.request.get((await page.getByRole('link', { name: `下载 ${last.name} 的 Excel` }).getAttribute('href'))!);
    expect(oneXlsx.status()).toBe(200);
    expect(oneXlsx.headers()['content-disposition']).toMatch(/^attachment;/);
    await context.close();
  });
});
