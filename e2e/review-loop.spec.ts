/**
 * The review loop as a finance office meets it (issue 19, items 7, 9, 3, 2, 1): a draft that always saves,
 * one number per table, comments that keep what they were written on, a returned table's list of what to
 * fix, and each person's tasks. Its tables live in a unit-year of their own (2052), so the demo's 2024
 * section, its queue and its exports stay as the other specs expect them.
 */
import { expect, test, type Page } from '@playwright/test';
import { sampleTable } from '@/lib/testing/tables';
import { storageStatePath } from './fixtures/accounts';
import { callAction, isOk } from './fixtures/server-actions';
import { EditorPage } from './pages/editor-page';
import { createDemoUnitYear, unitYearId } from './pages/unit-years';

const YEAR = 2052;

test.beforeAll(async ({ browser }) => {
  const page = await browser.newPage({ storageState: storageStatePath('owner') });
  if ((await unitYearId(page, YEAR)) === undefined) await createDemoUnitYear(browser, YEAR);
  await page.close();
});

type Created = { projectId: number; version: number };

async function create(page: Page, code: string, name: string): Promise<Created> {
  const reply = await callAction(page.request, 'createTableAction', [{ unitYearId: await unitYearId(page, YEAR), table: { ...sampleTable(code), name } }]);
  expect(isOk(reply)).toBe(true);
  return (reply.result as { data: Created }).data;
}

test.describe('a draft can always be saved (item 7)', () => {
  test.use({ storageState: storageStatePath('owner') });

  test('35.555 万元 and a plan point of 120% are saved as typed, one message each, and block only submission', async ({ page }) => {
    const t = await create(page, '13080024P00009810091A', '2052 保存测试');
    const ed = new EditorPage(page);
    await ed.open(`/projects/${t.projectId}/edit`);
    await page.getByLabel('预算数').fill('35.555');
    await page.getByLabel('第 4 个时间点的累计支出百分比').fill('120');
    await ed.save();
    await expect(page.getByRole('status').filter({ hasText: '已保存' })).toContainText('修正后才能提交审核');
    await page.reload();
    await ed.ready();
    await expect(page.getByLabel('预算数')).toHaveValue('35.555');
    await expect(page.getByLabel('第 4 个时间点的累计支出百分比')).toHaveValue('120');
    // One message per problem, beside its field.
    const percentNotes = page.locator('#f-schedule-3-percent-notes');
    await expect(percentNotes.locator('.field-error')).toHaveCount(1);
    await expect(percentNotes).toContainText('12 月底的累计支出 120% 应在 0–100% 之间');
    await expect(page.locator('#f-budget-total-notes .field-error')).toHaveCount(1);
    await page.screenshot({ path: 'test-results/review-loop-draft-saved.png', fullPage: false });

    // A save that fails shows in the sticky bar, where the user is: here, far down the table.
    const v = ((await (await page.request.get(`/api/projects/${t.projectId}`)).json()) as { project: { version: number } }).project.version;
    const other = { ...sampleTable('13080024P00009810091A'), name: '2052 保存测试（另一窗口）' };
    expect(isOk(await callAction(page.request, 'saveTableAction', [{ projectId: t.projectId, version: v, table: other }]))).toBe(true);
    await ed.field(9, '指标值确定依据').fill('问卷调查结果');
    await ed.save();
    const alert = page.getByRole('alert').filter({ hasText: '保存失败' });
    await expect(alert).toBeInViewport();
    await page.screenshot({ path: 'test-results/review-loop-save-failed.png', fullPage: false });
  });
});

async function act(page: Page, name: string, projectId: number, extra: Record<string, unknown> = {}): Promise<number> {
  const version = ((await (await page.request.get(`/api/projects/${projectId}`)).json()) as { project: { version: number } }).project.version;
  const reply = await callAction(page.request, name, [{ projectId, version, ...extra }], `/projects/${projectId}`);
  expect(isOk(reply), JSON.stringify(reply.result)).toBe(true);
  return (reply.result as { data: { version: number } }).data.version;
}

test('one number per table: a published number is fixed at approval, shown beside the 序号 with the reason, and changed only by 重新编号 (item 9)', async ({ browser }) => {
  const owner = await browser.newPage({ storageState: storageStatePath('owner') });
  const reviewer = await browser.newPage({ storageState: storageStatePath('reviewer') });
  const admin = await browser.newPage({ storageState: storageStatePath('admin') });
  const first = await create(owner, '13080024P00009810092A', '2052 编号测试甲');
  const second = await create(owner, '13080024P00009810092B', '2052 编号测试乙');
  const third = await create(owner, '13080024P00009810092C', '2052 编号测试丙');
  for (const t of [first, second, third]) await act(owner, 'submitTableAction', t.projectId);
  // 丙 is approved first: it is 1 in the published section, and stays 1 when 甲 is approved after it.
  await act(reviewer, 'approveTableAction', third.projectId);
  await act(reviewer, 'approveTableAction', first.projectId);

  const uy = await unitYearId(owner, YEAR);
  await owner.goto(`/projects?uy=${uy}`);
  const list = owner.getByRole('table', { name: '绩效目标表列表' });
  const rowOf = (name: string) => list.getByRole('row').filter({ hasText: name });
  const firstNo = Number(await rowOf('2052 编号测试甲').getByRole('cell').first().evaluate((td) => td.firstChild?.textContent));
  const thirdNo = firstNo + 2;
  await expect(rowOf('2052 编号测试丙').getByRole('cell').first()).toHaveText(`${thirdNo}（公开编号 1）`);
  await expect(rowOf('2052 编号测试乙').getByRole('cell').first()).toHaveText(String(firstNo + 1));
  await expect(owner.getByRole('note').filter({ hasText: '公开编号' })).toContainText('按审核通过的先后编号');
  await owner.screenshot({ path: 'test-results/review-loop-numbers-list.png', fullPage: true });

  await owner.goto(`/projects/${third.projectId}`);
  await expect(owner.getByRole('heading', { level: 1 })).toHaveText('1、2052 编号测试丙');
  await expect(owner.getByRole('note').filter({ hasText: '公开编号' })).toContainText(`列表序号 ${thirdNo}，公开编号 1`);
  // The public page and the published download print the same numbers.
  const pub = await browser.newPage();
  await pub.goto(`/disclosure/441001/${YEAR}`);
  await expect(pub.locator('#t1')).toContainText('2052 编号测试丙');
  await expect(pub.locator('#t2')).toContainText('2052 编号测试甲');
  // The public page names the unit, its publication date and the 合计 of its tables (item 14).
  await expect(pub.getByText(/公开单位：承德市人力资源和社会保障局本级（441001） · 公开日期：\d{4}-\d{2}-\d{2}/)).toBeVisible();
  await expect(pub.getByRole('table', { name: '项目目录' }).locator('tfoot')).toContainText('合计20.00');
  const text = await (await pub.request.get(`/api/disclosure/441001/${YEAR}/export?format=text`)).text();
  expect(text).toContain('1、2052 编号测试丙');
  expect(text).toContain('2、2052 编号测试甲');

  // The administrator renumbers in list order, after confirming.
  await admin.goto(`/admin/units/${uy}`);
  await admin.getByRole('button', { name: '重新编号' }).click();
  const ask = admin.getByRole('dialog', { name: '重新编号？' });
  await ask.getByRole('button', { name: '重新编号' }).click();
  await expect(admin.getByText('已重新编号：2 张表的公开编号改变')).toBeVisible();
  await owner.goto(`/projects/${third.projectId}`);
  await expect(owner.getByRole('heading', { level: 1 })).toHaveText('2、2052 编号测试丙');
  await pub.goto(`/disclosure/441001/${YEAR}`);
  await expect(pub.locator('#t1')).toContainText('2052 编号测试甲');
  await expect(pub.locator('#t2')).toContainText('2052 编号测试丙');
  await owner.close();
  await reviewer.close();
  await admin.close();
  await pub.close();
});

test('the loop through 我的待办: owner submits, reviewer returns with a row comment, owner fixes from the list and submits from the editor, reviewer sees the marks and what changed (items 1, 2, 3)', async ({ browser }) => {
  const owner = await browser.newPage({ storageState: storageStatePath('owner') });
  const reviewer = await browser.newPage({ storageState: storageStatePath('reviewer') });
  const t = await create(owner, '13080024P00009810096A', '2052 往返测试');

  // Owner: the draft waits in 待我填写; submitted from the editor.
  await owner.goto('/tasks');
  await expect(owner.getByRole('navigation', { name: '主导航' })).toContainText(/待办（\d+）/);
  await owner.getByRole('region', { name: '待我填写' }).getByRole('link', { name: '2052 往返测试' }).click();
  const ed = new EditorPage(owner);
  await ed.ready();
  await owner.getByRole('button', { name: '提交审核' }).click();
  await owner.waitForURL(new RegExp(`/projects/${t.projectId}$`));

  // Reviewer: lands on 我的待办 and finds it under 待我审核; comments on a row by clicking it, then returns.
  await reviewer.goto('/');
  await expect(reviewer).toHaveURL(/\/tasks$/);
  await reviewer.getByRole('region', { name: '待我审核' }).getByRole('link', { name: '2052 往返测试' }).click();
  await reviewer.getByRole('region', { name: '绩效目标表' }).locator('tr[data-comment-target^="row:"]').filter({ hasText: '案件受理量' }).click();
  await expect(reviewer.locator('#comment-target')).toHaveValue(/^row:/);
  await expect(reviewer.locator('#comment-body')).toBeFocused();
  await reviewer.locator('#comment-body').fill('受理量目标偏低，请核对');
  await reviewer.getByRole('button', { name: '添加意见' }).click();
  await expect(reviewer.getByText('意见已添加')).toBeVisible();
  await reviewer.screenshot({ path: 'test-results/review-loop-reviewer-comment.png', fullPage: true });
  await reviewer.getByRole('button', { name: '退回修改' }).click();
  await reviewer.getByLabel('退回理由（必填）').fill('请核对数量指标');
  await reviewer.getByRole('button', { name: '确认退回修改' }).click();
  await expect(reviewer.getByText('已退回').first()).toBeVisible();

  // Owner: 被退回 lists it; the editor shows the reason and the comment, which jumps to its row and is marked 已处理.
  await owner.goto('/tasks');
  await owner.getByRole('region', { name: '被退回' }).getByRole('link', { name: '2052 往返测试' }).click();
  await ed.ready();
  const panel = owner.getByRole('region', { name: /审核意见（/ });
  await expect(panel).toContainText('请核对数量指标');
  await expect(panel).toContainText('受理量目标偏低，请核对');
  await panel.getByRole('button', { name: /转到：指标「案件受理量」/ }).click();
  await ed.field(2, '指标值数值').fill('350');
  await ed.field(2, '三级指标').fill('受理案件数');
  await ed.save();
  await ed.expectSaved();
  await panel.getByRole('checkbox', { name: '已处理' }).first().check();
  await expect(panel.getByRole('heading')).toContainText('均已处理');
  await owner.screenshot({ path: 'test-results/review-loop-owner-returned.png', fullPage: false });
  await owner.getByRole('button', { name: '提交审核' }).click();
  await owner.waitForURL(new RegExp(`/projects/${t.projectId}$`));

  // Reviewer: the comment still names the row as it was, the owner's mark shows, and the changes since the return.
  await reviewer.goto('/tasks');
  await reviewer.getByRole('region', { name: '待我审核' }).getByRole('link', { name: '2052 往返测试' }).click();
  const talk = reviewer.getByRole('region', { name: '审核意见' });
  await expect(talk).toContainText('指标「案件受理量」');
  await expect(talk).toContainText('该处现为 指标「受理案件数」');
  await expect(talk).toContainText('已标为已处理');
  await talk.getByRole('link', { name: '查看自退回以来的修改' }).click();
  await expect(reviewer.getByRole('heading', { level: 1 })).toHaveText('自退回以来的修改');
  await expect(reviewer.locator('main')).toContainText('受理案件数');
  await reviewer.screenshot({ path: 'test-results/review-loop-since-return.png', fullPage: true });
  await owner.close();
  await reviewer.close();
});
