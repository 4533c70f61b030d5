/**
 * Downloads as staff make them: the export page's form (format, drafts, cover list) and a table's own
 * download links on its overview, each a real browser download that is then opened and read.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import JSZip from 'jszip';
import { storageStatePath } from './fixtures/accounts';

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; file: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = await d.path();
  return { name: d.suggestedFilename(), file };
}

test.describe('downloads', () => {
  test.use({ storageState: storageStatePath('owner') });

  test('the export page: a PDF with the drafts marked and the cover list, then an Excel of approved tables only @pg', async ({ page }) => {
    // The demo year (other specs create later years of the unit, which the page would open first).
    await page.goto('/exports?uy=1');
    const form = page.getByRole('region', { name: '导出本年度' });
    await form.getByLabel('PDF（A4）').check();
    await form.getByLabel('包括未审核的表（标注“草稿”）').check();
    const pdf = await download(page, () => form.getByRole('button', { name: '下载' }).click());
    expect(pdf.name).toMatch(/\.pdf$/);
    const text = execFileSync('pdftotext', ['-layout', pdf.file, '-'], { encoding: 'utf8' });
    expect(text).toContain('五、单位项目预算安排情况及绩效目标');
    // The editor's conflict test may have renamed table 1 (…经费（甲）) earlier in the same run.
    expect(text).toMatch(/1、2024 调解仲裁和信访慰问业务经费(（甲）)?绩效目标表（草稿）/);
    expect(text).toMatch(/合计\s+\d+\.\d{2}/);

    await page.goto('/exports?uy=1');
    await form.getByLabel('附项目清单（合计应等于项目支出）').uncheck();
    const xlsx = await download(page, () => form.getByRole('button', { name: '下载' }).click());
    expect(xlsx.name).toMatch(/\.xlsx$/);
    const zip = await JSZip.loadAsync(fs.readFileSync(xlsx.file));
    const names = (await zip.file('xl/workbook.xml')!.async('string')).match(/<sheet [^>]*name="([^"]+)"/g) ?? [];
    const approved = Number(/其中已审核 (\d+) 张/.exec((await form.textContent()) ?? '')![1]);
    expect(names).toHaveLength(approved);
    expect(names.join('')).not.toContain('项目清单');
    expect(await zip.file('xl/sharedStrings.xml')?.async('string')).not.toContain('草稿');
  });

  test('a table’s own download links give that table, numbered and marked as everywhere else @pg', async ({ page }) => {
    await page.goto('/projects/2');
    const heading = (await page.getByRole('heading', { level: 1 }).textContent())!.trim();
    expect(heading).toMatch(/^2、2024 法治工作经费/);
    const pdf = await download(page, () => page.getByRole('link', { name: 'PDF', exact: true }).click());
    const text = execFileSync('pdftotext', ['-layout', pdf.file, '-'], { encoding: 'utf8' });
    expect(text).toContain('2、2024 法治工作经费绩效目标表（草稿）');
    expect(text).toContain('13080024P00010010002K');
    const xlsx = await download(page, () => page.getByRole('link', { name: 'Excel', exact: true }).click());
    const zip = await JSZip.loadAsync(fs.readFileSync(xlsx.file));
    expect(Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))).toHaveLength(1);
    const txt = await download(page, () => page.getByRole('link', { name: '公开文本', exact: true }).click());
    expect(fs.readFileSync(txt.file, 'utf8')).toContain('## 2、2024 法治工作经费绩效目标表');
  });
});
