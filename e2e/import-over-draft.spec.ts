/**
 * Import over a draft edited in the app (issue 19 item 6): the preview shows the draft's differences
 * from the document and warns that it was edited after its last import; 确认导入 waits for the table's
 * 覆盖草稿 tick; the history then reads the import as one overwrite with its diff.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { parsePublished } from '@/lib/format/published/parse';
import { renderDocument } from '@/lib/format/published/render';
import { referenceText } from '@/lib/format/published/testing/reference';
import { storageStatePath } from './fixtures/accounts';
import { EditorPage } from './pages/editor-page';

const CODE = '13080024P00009810088X';
const NAME = '导入覆盖草稿的演练表';

/** A one-table document of the demo unit-year, written to a file the way a person would upload it. */
function documentFile(name: string, change: (value: string) => string): string {
  const ref = parsePublished(referenceText());
  const first = ref.projects[0]!;
  const table = { ...first, code: CODE, name: NAME, number: 1, indicators: first.indicators.map((r, i) => (i === 0 ? { ...r, description: change(r.description) } : r)) };
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pt-overwrite-')), name);
  fs.writeFileSync(file, renderDocument({ ...ref, projects: [table] }));
  return file;
}

async function preview(page: Page, file: string): Promise<void> {
  await page.goto('/projects/import?uy=1');
  await page.getByLabel('文件').setInputFiles(file);
  await page.getByRole('button', { name: '预览' }).click();
  await expect(page.getByRole('table', { name: '将导入的表' }).locator('tbody tr')).toHaveCount(1);
}

test.describe('importing over a draft', () => {
  test.use({ storageState: storageStatePath('owner') });

  test('shows the diff and the warning, needs 覆盖草稿 ticked, and the history shows one update @pg', async ({ page }) => {
    // The table arrives by import, as a draft.
    await preview(page, documentFile('first.txt', (v) => v));
    await page.getByRole('button', { name: '确认导入' }).click();
    await expect(page.getByText('导入完成：新建 1 张')).toBeVisible();

    // Its owner then edits the draft in the app.
    await page.goto(`/projects?uy=1&q=${CODE}`);
    await page.getByRole('table', { name: '绩效目标表列表' }).getByRole('link', { name: NAME }).first().click();
    await page.waitForURL(/\/projects\/\d+$/);
    const id = Number(/\/projects\/(\d+)/.exec(page.url())![1]);
    const ed = new EditorPage(page);
    await ed.open(`/projects/${id}/edit`);
    await page.getByLabel('资金用途').fill('在应用中补写的资金用途');
    await ed.save();
    await ed.expectSaved();

    // A newer file for the same table: the preview shows what the import would overwrite.
    await preview(page, documentFile('second.txt', (v) => `${v}（新）`));
    const row = page.getByRole('table', { name: '将导入的表' }).getByRole('row').filter({ hasText: CODE });
    await expect(row).toContainText('更新');
    await expect(row.getByRole('note')).toContainText(/导入（第 \d+ 版）后在应用中修改过（现为第 \d+ 版）：覆盖将丢失这些修改/);
    // The differences are collapsed until asked for.
    const diff = row.getByRole('list', { name: '表 1 与库中草稿的差别' });
    await expect(diff).toBeHidden();
    await row.getByText('与库中草稿的差别（2 处）').click();
    await expect(diff).toContainText('资金用途：在应用中补写的资金用途 →');
    await expect(diff).toContainText('修改指标');
    await expect(diff).toContainText('（新）');
    // Nothing is overwritten until this table is ticked on purpose.
    const confirm = page.getByRole('button', { name: '确认导入' });
    await expect(confirm).toBeDisabled();
    await expect(page.getByText('将覆盖 1 张库中的草稿')).toBeVisible();
    await row.getByLabel('覆盖草稿').check();
    await expect(confirm).toBeEnabled();
    await page.screenshot({ path: test.info().outputPath('import-over-draft-preview.png'), fullPage: true });
    await confirm.click();
    await expect(page.getByText('导入完成：新建 0 张，更新 1 张')).toBeVisible();

    // The history: one overwrite event with the diff, no deletions and additions.
    await page.goto(`/projects/${id}/history`);
    const events = page.getByRole('list', { name: '修改历史' }).locator(':scope > li');
    const overwrite = events.filter({ hasText: '导入（覆盖草稿）' });
    await expect(overwrite).toHaveCount(1);
    await expect(events.first()).toContainText('导入（覆盖草稿）');
    const changes = overwrite.getByRole('list', { name: '此步的修改' });
    await expect(changes).toContainText('资金用途：在应用中补写的资金用途 →');
    await expect(changes).toContainText('（新）');
    await expect(changes).not.toContainText('删除指标');
    await expect(changes).not.toContainText('新增指标');
    await page.screenshot({ path: test.info().outputPath('import-over-draft-history.png'), fullPage: true });
  });
});
