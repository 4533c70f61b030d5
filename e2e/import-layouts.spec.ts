/**
 * Importing other layouts in the browser: an owner uploads an Excel 申报表 and a Word table, sees how
 * each column was read and which cells were unsure, corrects a column, gives the missing project code,
 * imports, and the stored table is the one the preview showed. Into a unit-year of its own (2052), so
 * the demo's 2024 section stays as the other specs expect it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { expect, test, type Page } from '@playwright/test';
import { storageStatePath } from './fixtures/accounts';
import { createDemoUnitYear, unitYearId } from './pages/unit-years';

const YEAR = 2052;
const SHOTS = path.join(process.env.E2E_DIR ?? os.tmpdir(), 'import-layouts');
const DOCX = path.join(process.cwd(), 'lib', 'format', 'layouts', 'samples', 'generated', 'traditional-midterm-vmerge.docx');

/** A 申报表 as a unit keeps it in Excel: amounts in 元, no project code, no 财政拨款 line, a 说明 column the reader does not know. */
async function shenbaobiao(): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('申报表');
  sheet.addRow(['职业技能培训补贴项目支出绩效目标申报表']);
  sheet.addRow(['（2025年度）']);
  sheet.addRow(['项目名称', '职业技能培训补贴']);
  sheet.addRow(['主管部门', '承德市人力资源和社会保障局', '实施单位', '承德市就业服务中心']);
  sheet.addRow(['年度资金总额（元）', '1234500', '其他资金', '0']);
  sheet.addRow(['年度目标', '完成职业技能培训 2000 人次，培训合格率不低于 90%。']);
  sheet.addRow(['一级指标', '二级指标', '三级指标', '指标值', '说明']);
  sheet.addRow(['产出指标', '数量指标', '培训人次', '≥2000人次', '年度培训计划']);
  sheet.addRow(['产出指标', '质量指标', '培训合格率', '≥90%', '以往年度合格率']);
  sheet.addRow(['产出指标', '时效指标', '补贴发放及时率', '100%', '补贴管理办法']);
  sheet.addRow(['满意度指标', '服务对象满意度指标', '参训人员满意度', '≥90%', '问卷调查']);
  sheet.mergeCells(8, 1, 10, 1);
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pt-e2e-xlsx-')), '培训补贴申报表.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

/** The indicator grid of a recognised table as the preview shows it: the cells' own text, without the unsure marks. */
async function previewRows(page: Page, heading: string): Promise<string[][]> {
  const grid = page.getByRole('table', { name: `${heading}的指标` });
  return grid.locator('tbody tr').evaluateAll((rows) =>
    rows.map((r) => Array.from(r.querySelectorAll('td')).slice(1).map((td) => td.querySelector('.cell-text')?.textContent ?? '')),
  );
}

type Stored = { table: { code: string; name: string; budget: { total: string; fiscal: string }; amountUnit?: string; indicators: Record<string, string | undefined>[] } };

/** The stored table by its code, through the list page (as a person finds it) and the JSON API. */
async function storedTable(page: Page, uy: number, code: string, name: string): Promise<{ id: number; stored: Stored }> {
  await page.goto(`/projects?uy=${uy}&q=${code}`);
  await page.getByRole('table', { name: '绩效目标表列表' }).getByRole('link', { name }).first().click();
  await page.waitForURL(/\/projects\/\d+/);
  const id = Number(/\/projects\/(\d+)/.exec(page.url())![1]);
  const res = await page.request.get(`/api/projects/${id}`);
  expect(res.status()).toBe(200);
  return { id, stored: (await res.json()) as Stored };
}

test.describe('importing an Excel 申报表 and a Word table', () => {
  test.use({ storageState: storageStatePath('owner'), viewport: { width: 1366, height: 900 } });
  let uy: number;

  test.beforeAll(async ({ browser }) => {
    const page = await browser.newPage({ storageState: storageStatePath('owner') });
    if ((await unitYearId(page, YEAR)) === undefined) await createDemoUnitYear(browser, YEAR);
    uy = (await unitYearId(page, YEAR))!;
    await page.close();
    fs.mkdirSync(SHOTS, { recursive: true });
  });

  test('XLSX: a column corrected, the code given, and the imported table equals the preview', async ({ page }) => {
    await page.goto(`/projects/import?uy=${uy}`);
    await page.getByLabel('文件').setInputFiles(await shenbaobiao());
    await page.getByRole('button', { name: '预览' }).click();
    const heading = '表 1「职业技能培训补贴」';
    const section = page.getByRole('region', { name: new RegExp(`^${heading}`) });
    await expect(section).toContainText('第 4 列 → 指标值');
    await expect(section).toContainText('第 5 列 → 不读取');
    // No 财政拨款 line: the fiscal amount is derived, and the cell says so, visibly and to screen readers.
    const fiscal = page.getByRole('table', { name: `${heading}的资金` }).locator('td[data-unsure]');
    await expect(fiscal).toHaveCount(1);
    await expect(fiscal.locator('.sr-only')).toHaveText(/读取不确定：表中没有“财政拨款”一项/);
    await expect(fiscal.locator('.unsure-mark')).toBeVisible();
    await expect(section).toContainText('跳过：表中没有项目编码');

    // The 说明 column holds the basis of each value: the owner says so, and the table is read again.
    await section.getByLabel('表 1 第 5 列的含义').selectOption({ label: '指标值确定依据' });
    await expect(section).toContainText('第 5 列 → 指标值确定依据');
    await expect(section).toContainText('已更正');
    await expect(page.getByRole('table', { name: `${heading}的指标` }).getByRole('columnheader', { name: '指标值确定依据' })).toBeVisible();

    await section.getByLabel('项目编码（表 1）').fill('E2E-XLSX-2052');
    await section.getByRole('button', { name: '使用此编码' }).click();
    await expect(section).toContainText('处理：新建');
    await expect(section.getByRole('table', { name: `${heading}的表头` })).toContainText('E2E-XLSX-2052');
    const shown = await previewRows(page, heading);
    expect(shown).toEqual([
      ['产出指标', '数量指标', '培训人次', '≥2000人次', '年度培训计划'],
      ['产出指标', '质量指标', '培训合格率', '≥90%', '以往年度合格率'],
      ['产出指标', '时效指标', '补贴发放及时率', '100%', '补贴管理办法'],
      ['满意度指标', '服务对象满意度指标', '参训人员满意度', '≥90%', '问卷调查'],
    ]);
    await page.screenshot({ path: path.join(SHOTS, 'xlsx-preview.png'), fullPage: true });

    await page.getByRole('button', { name: '确认导入' }).click();
    await expect(page.getByText('导入完成：新建 1 张')).toBeVisible();

    const { id, stored } = await storedTable(page, uy, 'E2E-XLSX-2052', '职业技能培训补贴');
    expect(stored.table).toMatchObject({ code: 'E2E-XLSX-2052', name: '职业技能培训补贴', budget: { total: '123.45', fiscal: '123.45' }, amountUnit: '元' });
    expect(stored.table.indicators.map((r) => [r.level1, r.level2, r.name, r.value, r.basis])).toEqual(shown);
    await page.goto(`/projects/${id}/preview`);
    await expect(page.getByText('参训人员满意度')).toBeVisible();
    await page.screenshot({ path: path.join(SHOTS, 'xlsx-in-app.png'), fullPage: true });
  });

  test('DOCX: traditional labels, 中期 and 年度 values; the stored table equals the preview', async ({ page }) => {
    await page.goto(`/projects/import?uy=${uy}`);
    await page.getByLabel('文件').setInputFiles(DOCX);
    await page.getByRole('button', { name: '预览' }).click();
    const section = page.getByRole('region', { name: /^表 1「/ });
    await expect(section).toContainText('第 4 列 → 中长期指标值');
    await expect(section).toContainText('第 5 列 → 指标值');
    await section.getByLabel('项目编码（表 1）').fill('E2E-DOCX-2052');
    await section.getByRole('button', { name: '使用此编码' }).click();
    await expect(section).toContainText('处理：新建');
    const heading = (await section.getByRole('heading', { level: 3 }).textContent())!.match(/^表 1「[^」]*」/)![0];
    const name = /「(.*)」/.exec(heading)![1]!;
    const shown = await previewRows(page, heading);
    const headers = await page.getByRole('table', { name: `${heading}的指标` }).locator('thead th').allTextContents();
    expect(headers).toEqual(['行', '一级指标', '二级指标', '三级指标', '指标值', '中长期指标值']);
    await page.screenshot({ path: path.join(SHOTS, 'docx-preview.png'), fullPage: true });

    await page.getByRole('button', { name: '确认导入' }).click();
    await expect(page.getByText('导入完成：新建 1 张')).toBeVisible();
    const { id, stored } = await storedTable(page, uy, 'E2E-DOCX-2052', name);
    expect(stored.table.indicators.map((r) => [r.level1, r.level2, r.name, r.value, r.longtermValue ?? ''])).toEqual(shown);
    await page.goto(`/projects/${id}/preview`);
    await page.screenshot({ path: path.join(SHOTS, 'docx-in-app.png'), fullPage: true });
  });
});
