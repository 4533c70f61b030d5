/**
 * Nothing irreversible in one click, and the small words around it (issue 19, items 4, 5, 11, 14):
 * the review queue links names and leaves warned tables out of 全选; approval, row deletion and
 * 不适用 on filled rows ask in an accessible dialog; a table page's tab carries the table's name; the
 * history is in Chinese, newest first; the public 404 page sends nobody to staff pages.
 * Each test makes its own tables in a unit-year of its own (2051), so the demo's 2024 section, its
 * queue and its exports stay as the other specs expect them.
 */
import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { sampleTable } from '@/lib/testing/tables';
import { storageStatePath } from './fixtures/accounts';
import { callAction, isOk } from './fixtures/server-actions';
import { EditorPage } from './pages/editor-page';
import { createDemoUnitYear, unitYearId } from './pages/unit-years';

const YEAR = 2051;

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage({ storageState: storageStatePath('owner') });
  if ((await unitYearId(page, YEAR)) === undefined) await createDemoUnitYear(browser, YEAR);
  await page.close();
});

type Created = { projectId: number; version: number };

async function create(page: Page, code: string, name: string, opts: { warned?: boolean } = {}): Promise<Created> {
  const table = { ...sampleTable(code), name };
  // A plan without 12 月底 gives the one warning plan.year-end-missing, and nothing else.
  if (opts.warned) table.schedule = [{ month: 6, percent: 50 }, { month: 10, percent: 80 }];
  const reply = await callAction(page.request, 'createTableAction', [{ unitYearId: await unitYearId(page, YEAR), table }]);
  expect(isOk(reply)).toBe(true);
  return (reply.result as { data: Created }).data;
}

async function submit(request: APIRequestContext, t: Created): Promise<void> {
  expect(isOk(await callAction(request, 'submitTableAction', [{ projectId: t.projectId, version: t.version }], `/projects/${t.projectId}`))).toBe(true);
}

test('the queue links each name to its table, and 全选 leaves the tables with 提醒 unticked', async ({ browser }) => {
  const owner = await browser.newPage({ storageState: storageStatePath('owner') });
  const reviewer = await browser.newPage({ storageState: storageStatePath('reviewer') });
  const quiet = await create(owner, '13080024P00009810071A', '2024 确认测试（无提醒）');
  const warned = await create(owner, '13080024P00009810071B', '2024 确认测试（有提醒）', { warned: true });
  await submit(owner.request, quiet);
  await submit(owner.request, warned);

  await reviewer.goto('/review');
  const queue = reviewer.getByRole('table', { name: '审核队列' });
  await expect(queue.getByRole('row').filter({ hasText: '2024 确认测试（有提醒）' })).toContainText('1 个提醒');
  await reviewer.getByRole('checkbox', { name: '全选没有提醒的表' }).check();
  await expect(reviewer.getByRole('checkbox', { name: '选择 2024 确认测试（无提醒）' })).toBeChecked();
  await expect(reviewer.getByRole('checkbox', { name: '选择 2024 确认测试（有提醒）' })).not.toBeChecked();
  // Ticked on purpose, it stays ticked when 全选 is used again.
  await reviewer.getByRole('checkbox', { name: '选择 2024 确认测试（有提醒）' }).check();
  await reviewer.getByRole('checkbox', { name: '全选没有提醒的表' }).uncheck();
  await reviewer.getByRole('checkbox', { name: '全选没有提醒的表' }).check();
  await expect(reviewer.getByRole('checkbox', { name: '选择 2024 确认测试（有提醒）' })).toBeChecked();

  // 批量审核通过 asks first, naming the warned table; Esc cancels and nothing is approved.
  const bulkButton = reviewer.getByRole('button', { name: /^批量审核通过（\d+）$/ });
  await bulkButton.click();
  const dialog = reviewer.getByRole('dialog', { name: /^审核通过 \d+ 张表？$/ });
  await expect(dialog).toContainText('“2024 确认测试（有提醒）”');
  await expect(dialog.getByLabel(/签署意见/)).toBeFocused();
  await reviewer.screenshot({ path: 'test-results/bulk-approve-dialog.png' });
  await reviewer.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(bulkButton).toBeFocused();
  const status = async (id: number) => ((await (await reviewer.request.get(`/api/projects/${id}`)).json()) as { project: { status: string } }).project.status;
  expect(await status(warned.projectId)).toBe('submitted');

  await queue.getByRole('link', { name: '2024 确认测试（无提醒）' }).click();
  await expect(reviewer).toHaveURL(new RegExp(`/projects/${quiet.projectId}$`));
  await expect(reviewer).toHaveTitle(/^\d+、2024 确认测试（无提醒） · 绩效目标管理$/);
  // The overview of a submitted table does not call it a draft.
  await expect(reviewer.getByRole('region', { name: '绩效目标表' })).toContainText('（已提交，待审核）');
  await expect(reviewer.getByRole('region', { name: '绩效目标表' })).not.toContainText('（草稿）');
  await owner.close();
  await reviewer.close();
});

test.describe('the editor asks before it throws work away', () => {
  test.use({ storageState: storageStatePath('owner') });

  test('deleting a filled row and 标为不适用 on filled rows ask; an empty row goes at once', async ({ page }) => {
    const t = await create(page, '13080024P00009810072A', '2024 删除确认测试');
    const ed = new EditorPage(page);
    await ed.open(`/projects/${t.projectId}/edit`);
    await expect(page).toHaveTitle(/^编辑：\d+、2024 删除确认测试 · 绩效目标管理$/);
    const rows = page.locator('[data-row]');
    const count = await rows.count();

    const remove = page.getByRole('button', { name: '删除第 2 行' });
    await remove.click();
    const ask = page.getByRole('dialog', { name: '删除第 2 行？' });
    await expect(ask).toContainText('“案件受理量”');
    await expect(ask.getByRole('button', { name: '取消' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(ask).toHaveCount(0);
    await expect(rows).toHaveCount(count);
    await expect(remove).toBeFocused();
    await remove.click();
    await ask.getByRole('button', { name: '删除这一行' }).click();
    await expect(rows).toHaveCount(count - 1);

    // An empty row added and deleted again asks nothing (the new row has the keyboard).
    await page.getByRole('button', { name: '在“数量指标”中添加指标' }).click();
    await expect(rows).toHaveCount(count);
    await expect(page.locator('[data-row] :focus')).toHaveCount(1);
    const added = await page.evaluate(() => Number(document.activeElement?.closest('[data-row]')?.getAttribute('data-row')));
    await page.getByRole('button', { name: `删除第 ${added + 1} 行` }).click();
    await expect(page.getByRole('dialog')).toHaveCount(0);
    await expect(rows).toHaveCount(count - 1);

    await page.getByRole('button', { name: '将“时效指标”标为不适用' }).click();
    const na = page.getByRole('dialog', { name: '将“时效指标”标为不适用？' });
    await expect(na).toContainText('“案件办理时限”');
    await na.getByRole('button', { name: '取消' }).click();
    await expect(ed.group('产出指标', '时效指标')).not.toContainText('不适用（印出为');
    await page.getByRole('button', { name: '将“时效指标”标为不适用' }).click();
    await na.getByRole('button', { name: '标为不适用' }).click();
    await expect(ed.group('产出指标', '时效指标')).toContainText('不适用（印出为“无时效指标”）');
    await page.screenshot({ path: 'test-results/editor-after-confirm.png', fullPage: true });
  });
});

test('the history reads in Chinese, newest first, and an approval’s note is its 签署意见', async ({ browser }) => {
  const owner = await browser.newPage({ storageState: storageStatePath('owner') });
  const reviewer = await browser.newPage({ storageState: storageStatePath('reviewer') });
  const t = await create(owner, '13080024P00009810073A', '2024 历史顺序测试');
  await owner.goto(`/projects/${t.projectId}`);
  await owner.getByRole('button', { name: '提交审核' }).click();
  await expect(owner.getByRole('status').filter({ hasText: '已提交审核，等待审核人审核' })).toBeVisible();

  await reviewer.goto(`/projects/${t.projectId}`);
  await reviewer.getByRole('button', { name: '审核通过', exact: true }).click();
  const dialog = reviewer.getByRole('dialog', { name: '审核通过“2024 历史顺序测试”？' });
  await dialog.getByLabel(/签署意见/).fill('同意公开。');
  await dialog.getByRole('button', { name: '确认审核通过' }).click();
  await expect(reviewer.getByRole('status').filter({ hasText: '已审核通过，此表现在只读。' })).toBeVisible();

  await owner.goto(`/projects/${t.projectId}/history`);
  await expect(owner).toHaveTitle(/^修改历史：\d+、2024 历史顺序测试 · 绩效目标管理$/);
  const entries = owner.locator('ol[aria-label="修改历史"] > li');
  await expect(entries.first()).toContainText('审核通过');
  await expect(entries.first()).toContainText('签署意见：同意公开。');
  await expect(entries.last()).toContainText('新建');
  await expect(owner.getByRole('list', { name: '修改历史' })).not.toContainText(/\b(create|submit|approve|comment)\b/);
  await owner.getByRole('link', { name: '改为最早的在前' }).click();
  await expect(entries.first()).toContainText('新建');
  await owner.close();
  await reviewer.close();
});

test('the public 404 page links only to public pages', async ({ browser }) => {
  const visitor = await browser.newPage();
  const res = await visitor.goto('/no-such-page');
  expect(res?.status()).toBe(404);
  await expect(visitor.getByRole('heading', { name: '页面不存在' })).toBeVisible();
  const hrefs = await visitor.getByRole('main').getByRole('link').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  expect(hrefs).toEqual(['/disclosure']);
  await visitor.close();
});
