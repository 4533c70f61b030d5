import { expect, test, type Page } from '@playwright/test';
import { sampleTable } from '@/lib/testing/tables';
import { storageStatePath } from './fixtures/accounts';
import { callAction, isOk } from './fixtures/server-actions';
import { EditorPage } from './pages/editor-page';

type ApiTable = { project: { version: number }; table: { name: string; indicators: { level2: string; name: string; isPlaceholder: boolean }[] } };

async function stored(page: Page, id: number): Promise<ApiTable> {
  return (await (await page.request.get(`/api/projects/${id}`)).json()) as ApiTable;
}

/** Holds the editor's save requests (server actions POST to the page) for a while, as a slow network would. */
async function slowSaves(page: Page, ms: number): Promise<void> {
  await page.route(/\/projects\/\d+\/edit(\?created=1)?$/, async (route) => {
    if (route.request().method() === 'POST') await new Promise((r) => setTimeout(r, ms));
    await route.continue();
  });
}

/** A fresh draft of the sample table (the demo's own drafts belong to other specs; the rest are approved). */
async function newDraft(page: Page, code: string): Promise<number> {
  const reply = await callAction(page.request, 'createTableAction', [{ unitYearId: 1, table: sampleTable(code) }]);
  expect(isOk(reply)).toBe(true);
  return (reply.result as { data: { projectId: number } }).data.projectId;
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

test.describe('editor: saving', () => {
  test.use({ storageState: storageStatePath('owner') });

  test('a new table saves as a draft with only its code and name; the rules list what is unfinished', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.open('/projects/new?uy=1');
    await expect(ed.status()).toContainText('尚未创建');
    await expect(ed.status()).not.toContainText('所有修改已保存');
    // Nothing typed yet: the panel lists what is missing, but no field is marked red.
    await expect(ed.findings()).toContainText('新表');
    await expect(page.locator('#f-purpose-notes')).toBeEmpty();
    await expect(page.getByLabel('资金用途')).not.toHaveAttribute('aria-invalid', 'true');
    await page.getByLabel('项目编码').fill('13080024P00009810099A');
    await page.getByLabel('项目名称').fill('只有编码和名称的草稿');
    await ed.save();
    // Before it is created nothing is saved, and the bar does not pretend otherwise.
    await page.waitForURL(/\/projects\/\d+\/edit\?created=1$/);
    await ed.ready();
    await expect(page.getByRole('status').filter({ hasText: '已创建绩效目标表（草稿）。' })).toBeVisible();
    await expect(ed.status()).toContainText('所有修改已保存');
    await expect(ed.findings()).toContainText('个错误');
    // The unfinished number comes back as an empty number to fill in, not as text.
    await expect(ed.field(1, '指标值数值')).toHaveValue('');
    await expect(page.locator('#f-indicators-0-value-notes')).toContainText('没有填写指标值');
  });

  test('a new table offers the usual plan, takes the budget from its parts, and suggests units and bases', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.open('/projects/new?uy=1');
    const months = await page.getByLabel(/第 \d+ 个时间点的月份/).evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value));
    const percents = await page.getByLabel(/第 \d+ 个时间点的累计支出百分比/).evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value));
    expect(months).toEqual(['3', '6', '10', '12']);
    expect(percents).toEqual(['25', '50', '75', '100']);

    await page.getByLabel('其中：财政资金').fill('8.00');
    await page.getByLabel('其他资金').fill('2.50');
    await expect(page.getByText('财政资金 + 其他资金 = 10.50 万元')).toBeVisible();
    await page.getByRole('button', { name: '按财政资金+其他资金计算预算数' }).click();
    await expect(page.getByLabel('预算数')).toHaveValue('10.50');
    await expect(page.getByText('预算数等于财政资金与其他资金之和（10.50 万元）')).toBeVisible();

    // The unit and basis inputs offer the common choices (a datalist: typed freely, suggested as typed).
    await expect(ed.field(1, '单位')).toHaveAttribute('list', 'pt-units');
    const units = await page.locator('#pt-units option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(units).toEqual(expect.arrayContaining(['%', '万元', '元', '个', '人', '件', '次', '天', '小时', '份', '项']));
    await expect(ed.field(1, '指标值确定依据')).toHaveAttribute('list', 'pt-bases');
    const bases = await page.locator('#pt-bases option').evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(bases).toEqual(expect.arrayContaining(['工作计划', '年度工作计划', '经验标准', '行业标准', '历史标准', '政策依据', '预算批复', '采购合同']));
  });

  test('Ctrl+S pressed twice while saving saves once, without a conflict with itself', async ({ page }) => {
    const ed = new EditorPage(page);
    const id = await newDraft(page, '13080024P00009810099C');
    await ed.open(`/projects/${id}/edit`);
    const before = await ed.version();
    await slowSaves(page, 800);
    await page.getByLabel('项目名称').fill(`${(await stored(page, id)).table.name}（改）`);
    await page.keyboard.press('Control+s');
    await page.keyboard.press('Control+s');
    await ed.expectSaved();
    // No refusal (the route announcer outside the form is also an alert, hence the scope).
    await expect(page.locator('form').getByRole('alert')).toHaveCount(0);
    expect(await ed.version()).toBe(before + 1);
    expect((await stored(page, id)).project.version).toBe(before + 1);
  });

  test('edits typed while a save is on its way stay marked unsaved', async ({ page }) => {
    const ed = new EditorPage(page);
    const id = await newDraft(page, '13080024P00009810099D');
    await ed.open(`/projects/${id}/edit`);
    await slowSaves(page, 1500);
    await page.getByLabel('项目名称').fill('保存时的名称');
    await ed.save();
    await expect(page.getByRole('button', { name: '正在保存…' })).toBeVisible();
    await page.getByLabel('资金用途').fill('保存途中又改的资金用途');
    await ed.expectSaved();
    await expect(ed.status()).toContainText('有未保存的修改');
    expect((await stored(page, id)).table.name).toBe('保存时的名称');
  });

  test('a bad date shows its message beside the value, and saving focuses it', async ({ page }) => {
    const ed = new EditorPage(page);
    const id = await newDraft(page, '13080024P00009810099E');
    await ed.open(`/projects/${id}/edit`);
    await ed.field(1, '指标值类型').selectOption({ label: '日期' });
    await ed.field(1, '月').fill('13');
    await ed.save();
    await expect(page.locator('form').getByRole('alert')).toContainText('已在字段旁标出');
    const notes = page.locator('#f-indicators-0-value-notes');
    await expect(notes).toContainText('月份应为 1–12');
    expect(await focusedId(page)).toBe('f-indicators-0-value');
    await expect(ed.field(1, '月')).toHaveAttribute('aria-describedby', 'f-indicators-0-value-notes');
    await ed.field(1, '月').fill('11');
    await expect(notes).not.toContainText('月份应为 1–12');
  });
});

test.describe('editor: rows, groups and focus', () => {
  test.use({ storageState: storageStatePath('owner') });

  test('marking a group 不适用 and undoing it brings its rows back, and the result saves', async ({ page }) => {
    const ed = new EditorPage(page);
    const id = await newDraft(page, '13080024P00009810099F');
    await ed.open(`/projects/${id}/edit`);
    const names = (await stored(page, id)).table.indicators.filter((r) => r.level2 === '数量指标').map((r) => r.name);
    expect(names.length).toBeGreaterThan(0);
    await page.getByRole('button', { name: '将“数量指标”标为不适用' }).click();
    // The group's rows are filled: the editor asks first.
    await page.getByRole('dialog').getByRole('button', { name: '标为不适用' }).click();
    await expect(ed.group('产出指标', '数量指标')).toContainText('不适用（印出为“无数量指标”）');
    await page.getByRole('button', { name: '取消“数量指标”的不适用' }).click();
    await expect(ed.group('产出指标', '数量指标')).not.toContainText('印出为');
    await ed.save();
    await ed.expectSaved();
    const after = (await stored(page, id)).table.indicators.filter((r) => r.level2 === '数量指标');
    expect(after.map((r) => r.name)).toEqual(names);
    expect(after.some((r) => r.isPlaceholder)).toBe(false);
  });

  test('undoing 不适用 on a group split in two (as table 1’s 质量指标) puts each row back where it stood', async ({ page }) => {
    const table = sampleTable('13080024P00009810099L');
    // 质量指标 at rows 1 and 3, 数量指标 between them, as the reference's table 1 prints it.
    const quality = table.indicators[0]!;
    table.indicators.splice(2, 0, { ...quality, name: '调解成功率（质量）', value: '≥62%', target: { kind: 'quantity', op: '>=', number: 62, unit: '%' } });
    const reply = await callAction(page.request, 'createTableAction', [{ unitYearId: 1, table }]);
    expect(isOk(reply)).toBe(true);
    const id = (reply.result as { data: { projectId: number } }).data.projectId;
    const before = (await stored(page, id)).table.indicators.map((r) => r.name);
    const ed = new EditorPage(page);
    await ed.open(`/projects/${id}/edit`);
    await page.getByRole('button', { name: '将“质量指标”标为不适用' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '标为不适用' }).click();
    await expect(ed.group('产出指标', '质量指标')).toContainText('不适用（印出为“无质量指标”）');
    await page.getByRole('button', { name: '取消“质量指标”的不适用' }).click();
    await ed.save();
    await ed.expectSaved();
    expect((await stored(page, id)).table.indicators.map((r) => r.name)).toEqual(before);
  });

  test('focus follows the row: after delete to the next row, after a move to the same control', async ({ page }) => {
    const ed = new EditorPage(page);
    const id = await newDraft(page, '13080024P00009810099G');
    await ed.open(`/projects/${id}/edit`);
    const third = await ed.field(3, '三级指标').inputValue();
    await page.getByRole('button', { name: '删除第 2 行' }).click();
    await page.getByRole('dialog').getByRole('button', { name: '删除这一行' }).click();
    await expect(ed.field(2, '三级指标')).toBeFocused();
    await expect(ed.field(2, '三级指标')).toHaveValue(third);
    // Moving with the button keeps the keyboard on the moved row's same button.
    await page.getByRole('button', { name: '第 1 行下移（Alt+↓）' }).click();
    await expect(page.getByRole('button', { name: '第 2 行下移（Alt+↓）' })).toBeFocused();
    // Moving with Alt+↑ from a description keeps the moved row's description focused.
    await ed.field(2, '绩效指标描述').focus();
    await page.keyboard.press('Alt+ArrowUp');
    await expect(ed.field(1, '绩效指标描述')).toBeFocused();
  });

  test('goal items are all described by the notes; a checkpoint added after 12 月 is not another 12 月', async ({ page }) => {
    const ed = new EditorPage(page);
    const id = await newDraft(page, '13080024P00009810099H');
    await ed.open(`/projects/${id}/edit`);
    await page.getByRole('button', { name: '添加一条目标' }).click();
    const goals = page.getByLabel(/第 \d+ 条绩效目标/);
    const count = await goals.count();
    expect(count).toBeGreaterThan(1);
    for (let i = 0; i < count; i++) await expect(goals.nth(i)).toHaveAttribute('aria-describedby', 'f-goal-notes');
    const months = page.getByLabel(/第 \d+ 个时间点的月份/);
    const before = await months.evaluateAll((els) => els.map((e) => (e as HTMLSelectElement).value));
    expect(before).toContain('12');
    await page.getByRole('button', { name: '添加时间点' }).click();
    await expect(months).toHaveCount(before.length + 1);
    const after = await months.evaluateAll((els) => els.map((e) => Number((e as HTMLSelectElement).value)));
    expect(new Set(after).size).toBe(after.length);
    expect(after).toEqual([...after].sort((a, b) => a - b));
  });
});

test.describe('editor: the leave guard', () => {
  test.use({ storageState: storageStatePath('owner') });

  test('asks before a link or the back button discards unsaved edits', async ({ page }) => {
    const id = await newDraft(page, '13080024P00009810099I');
    await page.goto(`/projects/${id}`);
    await page.getByRole('link', { name: '编辑', exact: true }).first().click();
    const ed = new EditorPage(page);
    await page.waitForURL(new RegExp(`/projects/${id}/edit$`));
    await ed.ready();
    await page.getByLabel('资金用途').fill('还没有保存的资金用途');
    await expect(ed.status()).toContainText('有未保存的修改');

    const answers: boolean[] = [];
    const questions: string[] = [];
    page.on('dialog', (d) => {
      questions.push(d.message());
      void (answers.shift() ? d.accept() : d.dismiss());
    });
    answers.push(false);
    await page.getByRole('link', { name: '预览' }).click();
    await expect(page).toHaveURL(new RegExp(`/projects/${id}/edit$`));

    answers.push(false);
    await page.evaluate(() => history.back());
    await expect.poll(() => questions.length).toBe(2);
    await expect(page).toHaveURL(new RegExp(`/projects/${id}/edit$`));
    await expect(page.getByLabel('资金用途')).toHaveValue('还没有保存的资金用途');

    answers.push(true);
    await page.evaluate(() => history.back());
    await page.waitForURL(new RegExp(`/projects/${id}$`));
    expect(questions).toHaveLength(3);
    expect(questions.every((q) => q.includes('尚未保存'))).toBe(true);
  });
});

test.describe('editor: the leave guard, right after typing', () => {
  test.use({ storageState: storageStatePath('owner') });

  /** Every leave question is answered "stay" and recorded; then one keystroke at the end of 资金用途. */
  async function typeOneKeyDismissingQuestions(page: Page): Promise<string[]> {
    const questions: string[] = [];
    page.on('dialog', (d) => {
      questions.push(d.message());
      void d.dismiss();
    });
    await page.getByLabel('资金用途').press('End');
    await page.keyboard.type('补');
    return questions;
  }

  test('a link clicked at once after a keystroke still asks (before the findings pause has passed)', async ({ page }) => {
    const id = await newDraft(page, '13080024P00009810099J');
    const ed = new EditorPage(page);
    await ed.open(`/projects/${id}/edit`);
    const questions = await typeOneKeyDismissingQuestions(page);
    await page.getByRole('link', { name: '预览' }).click();
    expect(questions).toHaveLength(1);
    await expect(page).toHaveURL(new RegExp(`/projects/${id}/edit$`));
  });

  test('the back button pressed at once after the first keystroke still asks', async ({ page }) => {
    const id = await newDraft(page, '13080024P00009810099K');
    await page.goto(`/projects/${id}`);
    await page.getByRole('link', { name: '编辑', exact: true }).first().click();
    await page.waitForURL(new RegExp(`/projects/${id}/edit$`));
    const ed = new EditorPage(page);
    await ed.ready();
    const questions = await typeOneKeyDismissingQuestions(page);
    await page.evaluate(() => history.back());
    await expect.poll(() => questions.length).toBe(1);
    await expect(page).toHaveURL(new RegExp(`/projects/${id}/edit$`));
    await expect(page.getByLabel('资金用途')).toHaveValue(/补$/);
  });
});

test.describe('editor: findings that belong to no single field', () => {
  test.use({ storageState: storageStatePath('owner') });

  test('a row in an unknown category and the share of quantitative rows are shown and reachable from the panel', async ({ page }) => {
    const table = sampleTable('13080024P00009810099B');
    const text = { kind: 'text' as const };
    // Mostly qualitative values (the share warning), and one row in a category the framework lacks.
    table.indicators = table.indicators.map((r) => (r.isPlaceholder || r.level2 === '成本指标' ? r : { ...r, value: '完成', target: text }));
    table.indicators.splice(1, 0, { ...table.indicators[1]!, level2: '自拟指标', name: '自拟的指标', value: '完成', target: text });
    const reply = await callAction(page.request, 'createTableAction', [{ unitYearId: 1, table }]);
    expect(isOk(reply)).toBe(true);
    const id = (reply.result as { data: { projectId: number } }).data.projectId;

    const ed = new EditorPage(page);
    await ed.open(`/projects/${id}/edit`);
    const rowNotes = page.locator('#f-indicators-1-level2-notes');
    await expect(rowNotes).toContainText('自拟指标');
    await expect(ed.row(2)).toHaveAttribute('aria-describedby', /f-indicators-1-level2-notes/);
    await ed.findings().getByRole('button', { name: /自拟指标/ }).first().click();
    expect(await focusedId(page)).toBe('f-indicators-1');

    const share = page.locator('#f-indicators-notes');
    await expect(share).toContainText('定量指标');
    await ed.findings().getByRole('button', { name: /定量指标/ }).click();
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-path'))).toBe('indicators');
  });
});
