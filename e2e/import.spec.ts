import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { storageStatePath } from './fixtures/accounts';

const REFERENCE = path.join(process.cwd(), 'lib', 'demo', 'reference-441001-2024.txt');

test.describe('importing a published document', () => {
  test.use({ storageState: storageStatePath('owner') });

  test('previews what will happen, then imports without duplicating', async ({ page }) => {
    await page.goto('/projects/import?uy=1');
    await page.getByLabel('文件').setInputFiles(REFERENCE);
    await page.getByRole('button', { name: '预览' }).click();
    const preview = page.getByRole('table', { name: '将导入的表' });
    await expect(preview.locator('tbody tr')).toHaveCount(23);
    await expect(page.getByRole('region', { name: '导入预览' })).toContainText('项目支出 3447.87 万元');
    // Tables already submitted or approved are reported, never overwritten.
    await expect(preview).toContainText('跳过');
    await expect(preview).toContainText('未覆盖');
    await page.getByRole('button', { name: '确认导入' }).click();
    await expect(page.getByText(/导入完成：新建 0 张/)).toBeVisible();
    // Still one table with the code (other tests may have added copies with codes of their own).
    await page.goto('/projects?uy=1&q=P00009810002A');
    await expect(page.getByRole('table', { name: '绩效目标表列表' }).getByRole('cell', { name: '13080024P00009810002A', exact: true })).toHaveCount(1);
  });

  test('refuses a file over the size limit with a clear message', async ({ page }) => {
    const big = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pt-big-')), 'big.txt');
    fs.writeFileSync(big, Buffer.alloc(21 * 1024 * 1024, 0x41));
    await page.goto('/projects/import?uy=1');
    await page.getByLabel('文件').setInputFiles(big);
    await page.getByRole('button', { name: '预览' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '上限' })).toContainText('20 MB');
  });

  test('says so when a file holds no tables', async ({ page }) => {
    const junk = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pt-junk-')), 'notes.txt');
    fs.writeFileSync(junk, '会议纪要\n没有任何表格。\n');
    await page.goto('/projects/import?uy=1');
    await page.getByLabel('文件').setInputFiles(junk);
    await page.getByRole('button', { name: '预览' }).click();
    await expect(page.getByRole('alert').filter({ hasText: '绩效目标表' })).toBeVisible();
  });
});
