import { expect, test } from '@playwright/test';
import { storageStatePath } from './fixtures/accounts';

test.describe('project list', () => {
  test.use({ storageState: storageStatePath('owner') });

  test('shows the demo unit-year with its 23 tables and matching totals', async ({ page }) => {
    await page.goto('/projects');
    await expect(page.getByRole('heading', { name: /441001 承德市人力资源和社会保障局本级 · 2024 年度/ })).toBeVisible();
    const totals = page.getByRole('region', { name: '本年度合计' });
    await expect(totals).toContainText('23');
    await expect(totals).toContainText('3447.87');
    await expect(totals).toContainText('一致');
    const table = page.getByRole('table', { name: '绩效目标表列表' });
    await expect(table.getByRole('row')).toHaveCount(24);
    await expect(table).toContainText('13080024P00009810002A');
    await expect(table).toContainText('1697.97');
  });

  test('searches by name and code, filters by status and sorts', async ({ page }) => {
    await page.goto('/projects');
    await page.getByLabel('搜索').fill('社保卡');
    await page.getByRole('button', { name: '查询' }).click();
    const table = page.getByRole('table', { name: '绩效目标表列表' });
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table).toContainText('2024 年度社保卡邮寄经费');

    await page.getByLabel('搜索').fill('P00008110001P');
    await page.getByRole('button', { name: '查询' }).click();
    await expect(table).toContainText('寿王坟人员经费');

    await page.goto('/projects?status=draft');
    await expect(table.getByRole('row')).toHaveCount(4);

    await page.goto('/projects?sort=total&dir=desc');
    await expect(table.getByRole('row').nth(1)).toContainText('1697.97');
  });

  test('without a session every staff page leads to sign-in', async ({ browser }) => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto('/projects');
    await expect(page).toHaveURL(/\/login/);
    await context.close();
  });
});
