import { expect, test } from '@playwright/test';
import { storageStatePath } from './fixtures/accounts';

test.describe('project list', () => {
  test.use({ storageState: storageStatePath('owner') });

  test('shows the demo unit-year: its tables, amounts as 万元 and its total beside 项目支出', async ({ page }) => {
    await page.goto('/projects?uy=1');
    await expect(page.getByRole('heading', { name: /441001 承德市人力资源和社会保障局本级 · 2024 年度/ })).toBeVisible();
    const table = page.getByRole('table', { name: '绩效目标表列表' });
    await expect(table).toContainText('13080024P00009810002A');
    await expect(table).toContainText('1697.97');
    const amounts = await table.locator('tbody tr td:nth-child(4)').allTextContents();
    expect(amounts.length).toBeGreaterThanOrEqual(23);
    for (const a of amounts) expect(a).toMatch(/^\d+\.\d{2}$/);
    // The page's total is the exact sum of the listed budgets (other tests may have added tables).
    const sumCents = amounts.reduce((s, a) => s + Math.round(Number(a) * 100), 0);
    const totals = page.getByRole('region', { name: '本年度合计' });
    await expect(totals).toContainText(`${Math.floor(sumCents / 100)}.${String(sumCents % 100).padStart(2, '0')}`);
    await expect(totals).toContainText('3447.87');
    // Equal, or the difference said exactly (tables other specs added to the year make it differ).
    const diff = sumCents - 344787;
    const money = (c: number) => `${Math.floor(c / 100)}.${String(c % 100).padStart(2, '0')}`;
    await expect(totals).toContainText(diff === 0 ? '一致' : `${diff > 0 ? '超出' : '少于'}项目支出 ${money(Math.abs(diff))} 万元`);
    await page.screenshot({ path: 'test-results/list.png', fullPage: true });
  });

  test('searches by name and code, filters by status and sorts', async ({ page }) => {
    await page.goto('/projects?uy=1');
    await page.getByLabel('搜索').fill('社保卡');
    await page.getByRole('button', { name: '查询' }).click();
    const table = page.getByRole('table', { name: '绩效目标表列表' });
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table).toContainText('2024 年度社保卡邮寄经费');

    await page.getByLabel('搜索').fill('P00008110001P');
    await page.getByRole('button', { name: '查询' }).click();
    await expect(table.getByRole('row')).toHaveCount(2);
    await expect(table).toContainText('寿王坟人员经费');

    await page.goto('/projects?uy=1&status=approved');
    const badges = await table.locator('tbody .badge-approved').count();
    expect(badges).toBe((await table.locator('tbody tr').count()));
    expect(badges).toBeGreaterThan(10);

    await page.goto('/projects?uy=1&sort=total&dir=desc');
    await expect(table.getByRole('row').nth(1)).toContainText('1697.97');
  });
});
