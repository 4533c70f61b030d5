/**
 * Issue 16 items 6–8 as a person meets them: typing survives a closed tab and an ended session, the
 * grid's keys work like a spreadsheet's, any edit (a deleted row included) undoes and redoes, and
 * values start as their category needs. Each test works on a draft it creates (the demo's drafts
 * belong to other specs).
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, request, test, type Page } from '@playwright/test';
import { cellsOf, spreadsheetBytes, toClipboard } from '@/lib/editor/testing/spreadsheet';
import { sampleTable } from '@/lib/testing/tables';
import { account, storageStatePath } from './fixtures/accounts';
import { callAction, isOk } from './fixtures/server-actions';
import { EditorPage } from './pages/editor-page';

async function newDraft(page: Page, code: string): Promise<number> {
  const reply = await callAction(page.request, 'createTableAction', [{ unitYearId: 1, table: sampleTable(code) }]);
  expect(isOk(reply)).toBe(true);
  return (reply.result as { data: { projectId: number } }).data.projectId;
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');
const keptKeys = (page: Page, id: number) => page.evaluate((p) => Object.keys(localStorage).filter((k) => k.startsWith(`pt-unsaved:p${p}:`)), id);
const rowCount = (page: Page) => page.locator('[data-row]').count();

async function shoot(page: Page, name: string): Promise<void> {
  for (const width of [1440, 1366]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: test.info().outputPath(`${name}-${width}.png`) });
  }
}

test.describe('never losing typing', () => {
  test.use({ storageState: storageStatePath('owner') });

  test('edits typed before the tab closed are offered back, restored, and dropped once saved', async ({ page, context }) => {
    const id = await newDraft(page, '13080024P00009816001A');
    const ed = new EditorPage(page);
    await ed.open(`/projects/${id}/edit`);
    await page.getByLabel('项目名称').fill('关闭标签页前输入的名称');
    await ed.field(1, '三级指标').fill('案件结案率（未保存）');
    await expect.poll(() => keptKeys(page, id)).toHaveLength(1);
    await page.close();

    const again = await context.newPage();
    const ed2 = new EditorPage(again);
    await ed2.open(`/projects/${id}/edit`);
    const offer = again.getByRole('alertdialog', { name: '恢复未保存的修改？' });
    await expect(offer).toBeVisible();
    await expect(again.getByLabel('项目名称')).toHaveValue('2024 调解仲裁和信访慰问业务经费');
    const axe = await new AxeBuilder({ page: again }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await shoot(again, 'restore-offer');
    await offer.getByRole('button', { name: '恢复' }).click();
    await expect(offer).toBeHidden();
    await expect(again.getByLabel('项目名称')).toHaveValue('关闭标签页前输入的名称');
    await expect(ed2.field(1, '三级指标')).toHaveValue('案件结案率（未保存）');
    await ed2.save();
    await ed2.expectSaved();
    await expect.poll(() => keptKeys(again, id)).toHaveLength(0);
    await ed2.open(`/projects/${id}/edit`);
    await expect(again.getByLabel('项目名称')).toHaveValue('关闭标签页前输入的名称');
    await expect(again.getByRole('alertdialog', { name: '恢复未保存的修改？' })).toHaveCount(0);
  });

  test('a draft saves itself 30 s after the last change and says when', async ({ page }) => {
    const id = await newDraft(page, '13080024P00009816006A');
    await page.clock.install();
    const ed = new EditorPage(page);
    await ed.open(`/projects/${id}/edit`);
    await page.getByLabel('项目名称').fill('自动保存的名称');
    await page.clock.fastForward(20_000);
    await expect(ed.status()).not.toContainText('自动保存于');
    await page.clock.fastForward(11_000);
    await expect(ed.status()).toContainText(/自动保存于 \d\d:\d\d/);
    await expect(ed.status()).toContainText('版本 2');
    await expect(ed.status()).toContainText('所有修改已保存');
    expect(await keptKeys(page, id)).toHaveLength(0);
  });

  test('放弃 drops the kept edits', async ({ page }) => {
    const id = await newDraft(page, '13080024P00009816002A');
    const ed = new EditorPage(page);
    await ed.open(`/projects/${id}/edit`);
    await page.getByLabel('项目名称').fill('不要了的名称');
    await expect.poll(() => keptKeys(page, id)).toHaveLength(1);
    await ed.open(`/projects/${id}/edit`);
    await page.getByRole('alertdialog', { name: '恢复未保存的修改？' }).getByRole('button', { name: '放弃' }).click();
    await expect(page.getByLabel('项目名称')).toHaveValue('2024 调解仲裁和信访慰问业务经费');
    expect(await keptKeys(page, id)).toHaveLength(0);
  });

  test('typing keeps the session alive; when it has ended, saving signs in in place and saves everything', async ({ browser, baseURL }) => {
    const owner = account('owner');
    // A session of its own: the stored one is shared with the other specs.
    const page = await (await browser.newContext({ baseURL, locale: 'zh-CN', storageState: { cookies: [], origins: [] } })).newPage();
    await page.goto('/login');
    await page.getByLabel('用户名').fill(owner.username);
    await page.getByLabel('密码').fill(owner.password);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/login'));
    const id = await newDraft(page, '13080024P00009816003A');
    const ed = new EditorPage(page);
    await ed.open(`/projects/${id}/edit`);
    // The first keystroke sends the keepalive (an authenticated request that refreshes the session).
    const keepalive = page.waitForRequest((r) => r.url().endsWith('/api/session') && r.method() === 'GET');
    await page.getByLabel('项目名称').press('End');
    await page.getByLabel('项目名称').pressSequentially('（续）');
    expect((await (await keepalive).response())?.status()).toBe(200);

    // The session ends on the server (as the idle limit ends it: the row is gone, the cookie stays).
    const token = (await page.context().cookies()).find((c) => c.name === 'pt_session')!.value;
    const other = await request.newContext({ baseURL, extraHTTPHeaders: { cookie: `pt_session=${token}` } });
    expect((await other.delete('/api/session')).status()).toBe(200);
    expect((await page.request.get('/api/session')).status()).toBe(401);

    await page.getByLabel('资金用途', { exact: true }).fill('2. 会话结束后继续输入的目标。');
    await ed.field(1, '三级指标').fill('会话结束后改的指标');
    await ed.save();
    const dialog = page.getByRole('dialog', { name: '重新登录后保存' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel('用户名')).toHaveValue(owner.username);
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    await shoot(page, 'sign-in-in-place');
    await dialog.getByLabel('密码').fill('wrong-password-1');
    await dialog.getByRole('button', { name: '登录并保存' }).click();
    await expect(dialog.getByRole('alert')).toBeVisible();
    await dialog.getByLabel('密码').fill(owner.password);
    await dialog.getByRole('button', { name: '登录并保存' }).click();
    await expect(dialog).toBeHidden();
    await ed.expectSaved();
    await ed.open(`/projects/${id}/edit`);
    await expect(page.getByLabel('项目名称')).toHaveValue('2024 调解仲裁和信访慰问业务经费（续）');
    await expect(page.getByLabel('资金用途', { exact: true })).toHaveValue('2. 会话结束后继续输入的目标。');
    await expect(ed.field(1, '三级指标')).toHaveValue('会话结束后改的指标');
    await other.dispose();
    await page.context().close();
  });
});

test.describe('the grid', () => {
  test.use({ storageState: storageStatePath('owner') });

  test('Enter, Shift+Enter and ↑/↓ move along a column; numbers never step; Ctrl+D fills down; Ctrl+Enter inserts below', async ({ page }) => {
    const id = await newDraft(page, '13080024P00009816004A');
    const ed = new EditorPage(page);
    await ed.open(`/projects/${id}/edit`);
    const announcer = page.getByTestId('grid-announcer');

    // Skip link: shown when focused (after the site's navigation), Enter lands on the indicators.
    const skip = page.getByRole('link', { name: '跳到绩效指标' });
    await skip.focus();
    await expect(skip).toBeVisible();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: '绩效指标' })).toBeFocused();

    await ed.field(1, '三级指标').focus();
    await page.keyboard.press('Enter');
    expect(await focusedId(page)).toBe('f-indicators-1-name');
    await expect(announcer).toHaveText(/第 2 行/);
    await page.keyboard.press('Enter');
    expect(await focusedId(page)).toBe('f-indicators-2-name');
    await page.keyboard.press('Shift+Enter');
    expect(await focusedId(page)).toBe('f-indicators-1-name');
    // Enter in a one-line value puts no newline and does not save.
    await expect(ed.field(2, '三级指标')).toHaveValue('案件受理量');

    // ↑/↓ in a number move between rows and leave the number alone.
    await ed.field(1, '指标值数值').focus();
    await page.keyboard.press('ArrowDown');
    expect(await focusedId(page)).toBe('f-indicators-1-value');
    await page.keyboard.press('ArrowUp');
    expect(await focusedId(page)).toBe('f-indicators-0-value');
    await expect(ed.field(1, '指标值数值')).toHaveValue('92');
    await expect(ed.field(2, '指标值数值')).toHaveValue('300');

    // Ctrl+D: the basis and the whole value of the row above.
    await ed.field(1, '指标值确定依据').fill('年度工作计划');
    await ed.field(2, '指标值确定依据').focus();
    await page.keyboard.press('Control+d');
    await expect(ed.field(2, '指标值确定依据')).toHaveValue('年度工作计划');
    await ed.field(2, '单位').focus();
    await page.keyboard.press('Control+d');
    await expect(ed.field(2, '指标值数值')).toHaveValue('92');
    await expect(ed.field(2, '单位')).toHaveValue('%');
    await expect(announcer).toHaveText(/已从第 1 行向下填充/);

    // Ctrl+Enter: an empty row of the same 二级 right below, with the keyboard in it.
    const before = await rowCount(page);
    await ed.field(1, '三级指标').focus();
    await page.keyboard.press('Control+Enter');
    await expect.poll(() => rowCount(page)).toBe(before + 1);
    await expect(ed.field(2, '三级指标')).toBeFocused();
    await expect(ed.field(2, '三级指标')).toHaveValue('');
    await expect(ed.row(2)).toContainText('质量指标');
    await shoot(page, 'grid');
  });

  test('Ctrl+Z / Ctrl+Y undo and redo a row deletion, 不适用, a paste and typing', async ({ page }) => {
    const id = await newDraft(page, '13080024P00009816005A');
    const ed = new EditorPage(page);
    await ed.open(`/projects/${id}/edit`);
    const before = await rowCount(page);
    await page.getByRole('button', { name: '删除第 1 行' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '删除这一行' }).click();
    await expect.poll(() => rowCount(page)).toBe(before - 1);
    await expect(ed.field(1, '三级指标')).toHaveValue('案件受理量');
    await page.keyboard.press('Control+z');
    await expect.poll(() => rowCount(page)).toBe(before);
    await expect(ed.field(1, '三级指标')).toHaveValue('案件结案率');
    await expect(page.getByTestId('grid-announcer')).toHaveText(/已撤销：绩效指标/);
    await page.keyboard.press('Control+y');
    await expect.poll(() => rowCount(page)).toBe(before - 1);
    await expect(ed.field(1, '三级指标')).toHaveValue('案件受理量');
    await page.keyboard.press('Control+z');
    await expect(ed.field(1, '三级指标')).toHaveValue('案件结案率');

    // 不适用 takes the group's rows out; one undo brings them back.
    await page.getByRole('button', { name: '将“可持续影响指标”标为不适用' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '标为不适用' }).click();
    await expect(ed.group('效益指标', '可持续影响指标')).toContainText('不适用（印出为');
    await page.keyboard.press('Control+z');
    await expect(ed.group('效益指标', '可持续影响指标')).not.toContainText('不适用（印出为');
    await expect(page.locator('[data-row]').filter({ hasText: '可持续影响指标' }).getByRole('combobox', { name: /三级指标/ })).toHaveValue('调解成功率');

    // A paste from a spreadsheet is one step as well (besides its own 撤销粘贴 button).
    const beforePaste = await rowCount(page);
    const text = toClipboard(await cellsOf(await spreadsheetBytes()));
    await ed.field(1, '三级指标').focus();
    await page.evaluate((t) => {
      const data = new DataTransfer();
      data.setData('text/plain', t);
      document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, text);
    await expect.poll(() => rowCount(page)).toBeGreaterThan(beforePaste);
    await page.keyboard.press('Control+z');
    await expect.poll(() => rowCount(page)).toBe(beforePaste);
    await page.keyboard.press('Control+y');
    await expect.poll(() => rowCount(page)).toBeGreaterThan(beforePaste);
    await page.keyboard.press('Control+z');
    await expect.poll(() => rowCount(page)).toBe(beforePaste);

    // Typing in a field is one step, undone as a whole — typed at once after the undo, inside the 100 ms the
    // form settles in (rows remount): the first keystroke ends the settling, so it is a new edit of its own.
    const name = page.getByLabel('项目名称');
    await name.fill('临时名称');
    await name.press('Tab');
    await name.focus();
    await page.keyboard.press('Control+z');
    await expect(name).toHaveValue('2024 调解仲裁和信访慰问业务经费');
    await page.keyboard.press('Control+Shift+z');
    await expect(name).toHaveValue('临时名称');
  });

  test('values start as their category needs; deadline presets fill the date', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.open('/projects/new?uy=1');
    const timely = page.locator('[data-row]').filter({ hasText: '时效指标' }).first();
    await expect(timely.getByLabel(/指标值类型/)).toHaveValue('deadline');
    await timely.getByLabel(/常用期限/).selectOption('12月20日前完成');
    await expect(timely.getByLabel(/ 月$/)).toHaveValue('12');
    await expect(timely.getByLabel(/日（可不填）/)).toHaveValue('20');
    await timely.scrollIntoViewIfNeeded();
    await shoot(page, 'deadline-presets');
    await timely.getByLabel(/常用期限/).selectOption('年底前完成');
    await expect(timely.getByLabel(/指标值类型/)).toHaveValue('text');
    await expect(timely.getByLabel(/ 指标值$/)).toHaveValue('年底前完成');
    // Rows added later start as the starting rows do.
    await page.getByRole('button', { name: '在“服务对象满意度指标”中添加指标' }).click();
    const added = page.locator('[data-row]').filter({ hasText: '服务对象满意度指标' }).last();
    await expect(added.getByLabel(/比较符/)).toHaveValue('>=');
    await expect(added.getByLabel(/单位/)).toHaveValue('%');
    await page.getByRole('button', { name: '在“数量指标”中添加指标' }).click();
    const count = page.locator('[data-row]').filter({ hasText: '数量指标' }).last();
    await expect(count.getByLabel(/单位/)).toHaveValue('个');
    await page.getByRole('button', { name: '在“时效指标”中添加指标' }).click();
    await expect(page.locator('[data-row]').filter({ hasText: '时效指标' }).last().getByLabel(/指标值类型/)).toHaveValue('deadline');
  });
});
