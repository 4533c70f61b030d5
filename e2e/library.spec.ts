import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { cellsOf, spreadsheetBytes, toClipboard } from '@/lib/editor/testing/spreadsheet';
import { storageStatePath } from './fixtures/accounts';
import { EditorPage } from './pages/editor-page';
import { unitYearId } from './pages/unit-years';

/** Pastes text into the focused element the way a browser delivers a clipboard paste. */
async function paste(page: Page, text: string): Promise<void> {
  await page.evaluate((t) => {
    const data = new DataTransfer();
    data.setData('text/plain', t);
    document.activeElement!.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

test.describe('the indicator library in the editor', () => {
  test.use({ storageState: storageStatePath('owner') });

  test('the library search answers the signed-in owner from their unit', async ({ page }) => {
    const res = await page.request.get('/api/library/search?q=%E6%BB%A1%E6%84%8F%E5%BA%A6');
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { entries: { name: string; level2: string; values: { value: string }[] }[] };
    expect(body.entries[0]).toMatchObject({ name: '服务对象满意度', level2: '服务对象满意度指标' });
    expect(body.entries[0]!.values[0]!.value).toBe('≥90%');
    expect((await page.request.get('/api/library/search?limit=99')).status()).toBe(400);
  });

  test('typing a 三级指标 suggests entries; the keyboard picks one and fills all but the number', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.open(`/projects/new?uy=${await unitYearId(page, 2024)}`);
    const row = page.getByRole('group', { name: /第 \d+ 行指标/ }).filter({ hasText: '服务对象满意度指标' }).first();
    const name = row.getByRole('combobox', { name: /三级指标/ });
    await name.fill('');
    await name.pressSequentially('满意');
    const list = row.getByRole('listbox', { name: /指标库建议/ });
    await expect(list).toBeVisible();
    await expect(list.getByRole('option').first()).toContainText('服务对象满意度');
    await expect(list.getByRole('option').first()).toContainText('≥90% · ');
    await expect(name).toHaveAttribute('aria-expanded', 'true');
    // Nothing is applied without a choice.
    await expect(name).toHaveValue('满意');
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.screenshot({ path: test.info().outputPath('suggestions.png'), fullPage: false });
    await name.press('ArrowDown');
    await expect(name).toHaveAttribute('aria-activedescendant', /.+/);
    await name.press('Enter');
    await expect(list).toBeHidden();
    await expect(name).toHaveValue('服务对象满意度');
    await expect(row.getByLabel(/指标值确定依据/)).not.toHaveValue('');
    await expect(row.getByLabel(/比较符/)).toHaveValue('>=');
    await expect(row.getByLabel(/单位/)).toHaveValue('%');
    await expect(row.getByLabel(/指标值数值/)).toHaveValue('');
    await expect(row.getByText(/他人所用：≥90%/)).toBeVisible();
    // Esc closes the list and keeps the typing.
    await name.fill('');
    await name.pressSequentially('总成本');
    await expect(list).toBeVisible();
    await name.press('Escape');
    await expect(list).toBeHidden();
    await expect(name).toHaveValue('总成本');
  });

  test('rows copied from a spreadsheet paste under their 二级; one undo takes the paste back', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.open(`/projects/new?uy=${await unitYearId(page, 2024)}`);
    const before = await page.locator('[data-row]').count();
    const text = toClipboard(await cellsOf(await spreadsheetBytes()));
    await ed.field(1, '三级指标').focus();
    await paste(page, text);
    await expect(page.getByRole('status').filter({ hasText: '已粘贴 8 行' })).toBeVisible();
    const after = await page.locator('[data-row]').count();
    expect(after).toBeGreaterThan(before);
    const quality = ed.group('产出指标', '质量指标');
    await expect(quality).toBeVisible();
    // Each pasted row sits under its own 二级.
    const placed = await page.locator('[data-row]').evaluateAll((rows) =>
      rows.map((r) => [r.querySelector('span')?.textContent ?? '', (r.querySelector('input[role="combobox"]') as HTMLInputElement | null)?.value ?? '']),
    );
    expect(placed).toEqual(expect.arrayContaining([['质量指标', '培训合格率'], ['数量指标', '发放证书数量'], ['成本指标', '总成本控制'], ['服务对象满意度指标', '服务对象满意度']]));
    await page.screenshot({ path: test.info().outputPath('paste.png'), fullPage: false });
    await page.getByRole('button', { name: '撤销粘贴' }).click();
    await expect(page.locator('[data-row]')).toHaveCount(before);
    await page.getByRole('button', { name: '重做粘贴' }).click();
    await expect(page.locator('[data-row]')).toHaveCount(after);
  });

  test('挑选指标: filter the library, tick several entries, add them under their 二级 at once', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.open(`/projects/new?uy=${await unitYearId(page, 2024)}`);
    const before = await page.locator('[data-row]').count();
    const opener = page.getByRole('button', { name: '挑选指标' });
    await opener.click();
    const dialog = page.getByRole('dialog', { name: '挑选指标' });
    await expect(dialog).toBeVisible();
    await dialog.getByLabel('关键词').fill('满意度');
    await dialog.getByLabel('一级指标').selectOption('满意度指标');
    await expect(dialog.getByRole('checkbox', { name: /^服务对象满意度/ })).toBeVisible();
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await dialog.getByRole('checkbox', { name: /^服务对象满意度/ }).check();
    await dialog.getByLabel('关键词').fill('总成本');
    await dialog.getByLabel('一级指标').selectOption('');
    await dialog.getByRole('checkbox', { name: /^总成本控制/ }).check();
    await page.screenshot({ path: test.info().outputPath('pick-dialog.png'), fullPage: false });
    await dialog.getByRole('button', { name: '添加所选 2 条' }).click();
    await expect(dialog).toBeHidden();
    await expect(opener).toBeFocused();
    await expect(page.getByRole('status').filter({ hasText: '已添加 2 行' })).toBeVisible();
    await expect(page.locator('[data-row]')).toHaveCount(before + 2);
    const cost = page.getByRole('group', { name: /第 \d+ 行指标/ }).filter({ hasText: '成本指标' }).last();
    await expect(cost.getByRole('combobox', { name: /三级指标/ })).toHaveValue('总成本控制');
    await expect(cost.getByLabel(/单位/)).toHaveValue('万元');
  });

  test('new rows of a 二级 start with the library\'s clear favourite value shape (质量指标: = %)', async ({ page }) => {
    const ed = new EditorPage(page);
    await ed.open(`/projects/new?uy=${await unitYearId(page, 2024)}`);
    const quality = () => page.getByRole('group', { name: /第 \d+ 行指标/ }).filter({ hasText: '质量指标' });
    // The demo library's 质量指标 values are mostly `=100%`: the starting row and an added row agree.
    await page.getByRole('button', { name: '在“质量指标”中添加指标' }).click();
    await expect(quality()).toHaveCount(2);
    for (const row of [quality().first(), quality().last()]) {
      await expect(row.getByLabel(/比较符$/)).toHaveValue('=');
      await expect(row.getByLabel(/单位$/)).toHaveValue('%');
    }
    // No clear favourite for 时效指标 in the demo library: the role's default, a date.
    await expect(page.getByRole('group', { name: /第 \d+ 行指标/ }).filter({ hasText: '时效指标' }).first().getByLabel(/指标值类型$/)).toHaveValue('deadline');
  });
});
