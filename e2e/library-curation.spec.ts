import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { storageStatePath } from './fixtures/accounts';
import { EditorPage } from './pages/editor-page';
import { createDemoUnitYear, unitYearId } from './pages/unit-years';

/** Serious and critical violations, as e2e/accessibility.spec.ts counts them. */
async function axeViolations(page: Page): Promise<string[]> {
  const axe = await new AxeBuilder({ page }).analyze();
  return axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Issue 16, items 4 and 1: last year beside this year after 复制到下一年度; an administrator retires an entry. */
test.describe('last year beside this year', () => {
  test.use({ storageState: storageStatePath('owner') });

  test('复制到下一年度 shows 上年指标值 beside every copied row, and 指标值偏低 when a target is lowered', async ({ page, browser }) => {
    test.setTimeout(120_000);
    // Years of their own (copies.spec uses 2041–2043, the matrix 2031–2032, the editor 2025).
    await createDemoUnitYear(browser, 2061);
    await createDemoUnitYear(browser, 2062);
    const ed = new EditorPage(page);
    await ed.open(`/projects/new?uy=${await unitYearId(page, 2061)}`);
    await page.getByLabel('项目编码').fill('13080024P00009810051A');
    await page.getByLabel('项目名称').fill('2061 年上年对比测试项目');
    await page.getByLabel('预算数').fill('10.00');
    await page.getByLabel('其中：财政资金').fill('10.00');
    await page.getByRole('button', { name: '将“经济效益指标”标为不适用' }).click();
    await page.getByRole('button', { name: '将“生态效益指标”标为不适用' }).click();
    const q = (op: string, number: string, unit: string) => ({ kind: 'quantity' as const, op, number, unit });
    const named = page.getByRole('group', { name: /第 \d+ 行指标/ });
    // Each 二级's row number, read before anything is typed: once the library has learned from other specs' tables, an
    // open suggestion list can name another row's 二级 and the filter would pick the wrong row.
    const rowOf = new Map<string, number>();
    for (const level2 of ['数量指标', '质量指标', '时效指标', '成本指标', '社会效益指标', '可持续影响指标', '服务对象满意度指标']) {
      rowOf.set(level2, Number(/第 (\d+) 行/.exec((await named.filter({ hasText: level2 }).first().getAttribute('aria-label')) ?? '')![1]));
    }
    const fill = async (level2: string, name: string, value: ReturnType<typeof q>) => {
      const n = rowOf.get(level2)!;
      await ed.fillRow(n, { name, description: name, value, basis: '工作计划' });
      return n;
    };
    await fill('数量指标', '案件受理量', q('<=', '300', '件'));
    const quality = await fill('质量指标', '案件结案率', q('>=', '92', '%'));
    await fill('时效指标', '案件办理时限', q('<=', '60', '天'));
    await fill('成本指标', '总成本控制', q('<=', '10', '万元'));
    await fill('社会效益指标', '调解成功率', q('>=', '62', '%'));
    await fill('可持续影响指标', '劳动关系和谐率', q('>=', '90', '%'));
    await fill('服务对象满意度指标', '服务对象满意度', q('>=', '90', '%'));
    await ed.save();
    await page.waitForURL(/\/projects\/\d+\/edit(\?created=1)?$/);
    const id = Number(/\/projects\/(\d+)\/edit/.exec(page.url())![1]);

    await page.goto(`/projects/${id}`);
    await page.getByRole('button', { name: '复制到下一年度（2062 年度）' }).click();
    await page.waitForURL((url) => /\/projects\/\d+\/edit$/.test(url.pathname) && url.pathname !== `/projects/${id}/edit`);
    await ed.ready();
    const nextId = Number(/\/projects\/(\d+)\/edit/.exec(page.url())![1]);
    // Every copied row (7 named rows; the two 不适用 rows continue nothing) shows last year's value.
    const lines = page.getByTestId('last-year');
    await expect(lines).toHaveCount(7);
    await expect(ed.row(quality).getByTestId('last-year')).toHaveText('上年指标值：≥92%');
    await expect(ed.findings()).not.toContainText('指标值偏低');
    await page.setViewportSize({ width: 1366, height: 900 });
    await ed.row(quality).scrollIntoViewIfNeeded();
    await page.screenshot({ path: test.info().outputPath('last-year-1366.png') });

    // Lowering the target: the warning shows in the findings while typing and stays after saving.
    await ed.field(quality, '指标值数值').fill('90');
    await expect(ed.findings()).toContainText('指标值偏低：≥90% 低于上年指标值 ≥92%', { timeout: 5_000 });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: test.info().outputPath('last-year-lowered-1440.png') });
    expect(await axeViolations(page)).toEqual([]);
    await ed.save();
    await ed.expectSaved();

    // The preview shows last year as optional columns, with the warning beside the row.
    await page.goto(`/projects/${nextId}/preview`);
    await page.getByRole('link', { name: /显示上年指标值/ }).click();
    await expect(page.getByRole('columnheader', { name: '上年指标值' })).toBeVisible();
    await expect(page.getByRole('row').filter({ hasText: '案件结案率' }).first()).toContainText('≥92%');
    await expect(page.getByText('指标值偏低：≥90% 低于上年指标值 ≥92%')).toBeVisible();
    await page.screenshot({ path: test.info().outputPath('preview-last-year.png'), fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
  });
});

test.describe('curation of the library', () => {
  test('an administrator retires an entry: it is no longer suggested; restoring brings it back', async ({ page, browser }) => {
    const owner = await browser.newPage({ storageState: storageStatePath('owner') });
    const suggested = async () => {
      const r = await owner.request.get(`/api/library/search?q=${encodeURIComponent('计划考试')}`);
      return ((await r.json()) as { entries: { name: string }[] }).entries.map((e) => e.name);
    };
    expect(await suggested()).toContain('计划考试次数');

    const admin = await browser.newPage({ storageState: storageStatePath('admin') });
    await admin.goto(`/admin/library?q=${encodeURIComponent('计划考试')}`);
    await admin.getByRole('button', { name: '停用“计划考试次数”' }).click();
    await expect(admin.getByText('已停用“计划考试次数”')).toBeVisible();
    await admin.screenshot({ path: test.info().outputPath('admin-library.png'), fullPage: true });
    expect(await suggested()).not.toContain('计划考试次数');

    // Not offered while typing either.
    const ed = new EditorPage(owner);
    await ed.open(`/projects/new?uy=${await unitYearId(owner, 2024)}`);
    const row = owner.getByRole('group', { name: /第 \d+ 行指标/ }).filter({ hasText: '数量指标' }).first();
    const name = row.getByRole('combobox', { name: /三级指标/ });
    await name.fill('');
    await name.pressSequentially('计划考试');
    await owner.waitForTimeout(600);
    await expect(row.getByRole('option', { name: /计划考试次数/ })).toHaveCount(0);

    // Retired entries are listed apart and can be restored.
    await admin.goto(`/admin/library?show=retired&q=${encodeURIComponent('计划考试')}`);
    await admin.getByRole('button', { name: '恢复“计划考试次数”' }).click();
    await expect(admin.getByText('已恢复“计划考试次数”')).toBeVisible();
    expect(await suggested()).toContain('计划考试次数');
    // Not an administration page for others.
    expect((await owner.goto('/admin/library'))?.status()).toBe(404);
    await admin.close();
    await owner.close();
  });
});
