import { expect, test } from '@playwright/test';
import { storageStatePath } from './fixtures/accounts';
import { EditorPage } from './pages/editor-page';
import { createDemoUnitYear, unitYearId } from './pages/unit-years';

test.describe('copying a table', () => {
  test.use({ storageState: storageStatePath('owner') });

  test('duplicate opens the copy in the editor, with a free code and the same rows', async ({ page }) => {
    await page.goto('/projects/17');
    await page.getByRole('button', { name: '复制为新表' }).click();
    await page.waitForURL((url) => /\/projects\/\d+\/edit$/.test(url.pathname) && !url.pathname.startsWith('/projects/17/'));
    const ed = new EditorPage(page);
    await ed.ready();
    await expect(page.getByLabel('项目名称')).toHaveValue(/（副本）$/);
    await expect(page.getByLabel('项目编码')).toHaveValue(/-2$/);
    const original = (await (await page.request.get('/api/projects/17')).json()) as { table: { indicators: unknown[] } };
    await expect(page.locator('[data-row]')).toHaveCount(original.table.indicators.length);
  });

  test('start next year: refused while the year does not exist; then amounts, plan and cost targets are reset', async ({ page, browser }) => {
    // Years of their own (the authorization matrix uses 2031–2032, the editor 2025), so that this test
    // does not depend on which other specs ran before it.
    await createDemoUnitYear(browser, 2041);
    await createDemoUnitYear(browser, 2042);
    const ed = new EditorPage(page);
    await ed.open(`/projects/new?uy=${await unitYearId(page, 2041)}`);
    await page.getByLabel('项目编码').fill('13080024P00009810031A');
    await page.getByLabel('项目名称').fill('2041 年跨年度测试项目');
    await page.getByLabel('预算数').fill('8.00');
    await page.getByLabel('其中：财政资金').fill('8.00');
    const cost = page.getByRole('group', { name: /第 \d+ 行指标/ }).filter({ hasText: '成本指标' }).first();
    await cost.getByLabel(/三级指标/).fill('总成本');
    await cost.getByLabel(/指标值数值/).fill('8');
    await page.getByRole('button', { name: '删除第 2 个时间点' }).click();
    await ed.save();
    await page.waitForURL(/\/projects\/\d+\/edit(\?created=1)?$/);
    const id = Number(/\/projects\/(\d+)\/edit/.exec(page.url())![1]);

    await page.goto(`/projects/${id}`);
    await page.getByRole('button', { name: '复制到下一年度（2042 年度）' }).click();
    await page.waitForURL((url) => /\/projects\/\d+\/edit$/.test(url.pathname) && url.pathname !== `/projects/${id}/edit`);
    await ed.ready();
    await expect(page.getByLabel('项目名称')).toHaveValue('2042 年跨年度测试项目');
    // The budget is left to fill: empty fields, and no green "等于…（0.00 万元）" under them.
    await expect(page.getByLabel('预算数')).toHaveValue('');
    await expect(page.getByLabel('其中：财政资金')).toHaveValue('');
    await expect(page.getByText('预算数等于财政资金与其他资金之和')).toHaveCount(0);
    const months = await page.getByLabel(/第 \d+ 个时间点的月份/).evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value));
    const percents = await page.getByLabel(/第 \d+ 个时间点的累计支出百分比/).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    // The plan keeps this year's months (6 月底 was deleted above), with the percents to fill.
    expect(months).toEqual(['3', '10', '12']);
    expect(percents).toEqual(['', '', '']);
    const nextCost = page.getByRole('group', { name: /第 \d+ 行指标/ }).filter({ hasText: '成本指标' }).first();
    await expect(nextCost.getByLabel(/三级指标/)).toHaveValue('总成本');
    await expect(nextCost.getByLabel(/指标值数值/)).toHaveValue('');

    // 2043 does not exist, and an owner may not create it.
    const nextId = Number(/\/projects\/(\d+)\/edit/.exec(page.url())![1]);
    await page.goto(`/projects/${nextId}`);
    await page.getByRole('button', { name: '复制到下一年度（2043 年度）' }).click();
    await expect(page.getByRole('region', { name: '复制' })).toContainText('2043 年度尚未建立');
    expect(await unitYearId(page, 2043)).toBeUndefined();
  });
});
