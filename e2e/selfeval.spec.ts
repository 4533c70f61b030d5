/**
 * 绩效自评 as people do it: the administrator opens self-evaluation for the demo year; the owner fills
 * the 自评表 of an approved demo table, watches the scores, total and grade change as values are typed,
 * is made to explain the row below full marks, submits; the reviewer returns it and then approves it;
 * the unit-year page shows the score; with 公开自评 switched on, the public page shows it signed out;
 * the approved 自评表's XLSX and PDF read back with every value (the PDF's first page rendered to PNG).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { storageStatePath } from './fixtures/accounts';

// A demo table no other spec changes (grep e2e/ for its name).
const TABLE = '2024 年度开展劳动保障监察日常工作费用';
const COUNT = '年均办案数量'; // ≥900 件
const shots = path.join('test-results', 'selfeval');
const BELOW = '得分低于分值，请填写偏差原因分析及改进措施';

async function download(page: Page, name: string): Promise<string> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name }).click()]);
  return d.path();
}

test('open, fill with live scores, explain the row below full marks, return, approve, unit-year score, public page @pg', async ({ browser }) => {
  test.setTimeout(120_000);
  fs.mkdirSync(shots, { recursive: true });
  const admin = await browser.newPage({ storageState: storageStatePath('admin') });
  const owner = await browser.newPage({ storageState: storageStatePath('owner') });
  const reviewer = await browser.newPage({ storageState: storageStatePath('reviewer') });

  // The administrator opens self-evaluation for the demo year.
  await admin.goto('/selfeval/open');
  await admin.getByLabel(/441001 .* 2024 年/).check();
  await admin.getByRole('button', { name: '开启自评' }).click();
  await admin.waitForURL('**/selfeval');
  await expect(admin.getByRole('table', { name: '已开启绩效自评的年度' })).toContainText('2024 年度绩效自评');

  // The owner finds the table from 自评 in the navigation, through the unit-year page.
  await owner.goto('/projects');
  await owner.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '自评' }).click();
  await owner.waitForURL('**/selfeval');
  await owner.getByRole('link', { name: '2024 年度绩效自评' }).click();
  await owner.getByRole('table', { name: '自评得分' }).getByRole('link', { name: TABLE }).click();
  await expect(owner.getByRole('heading', { name: /项目支出绩效自评表（2024 年度）/ })).toBeVisible();
  // Prefilled: the table's 预算数 and the default 分值 (产出 50 over 4 rows, 效益 30 over 2, 满意度 10, funds 10).
  await expect(owner.getByLabel('全年预算数')).toHaveValue('5.00');
  await expect(owner.getByLabel(`${COUNT} 分值`)).toHaveValue('12.50');
  await expect(owner.getByTestId('weight-total')).toHaveText('100.00');
  await expect(owner.getByTestId('self-score')).toHaveText('—');

  // Scores change as values are typed.
  await owner.getByLabel('全年执行数').fill('4.50');
  await expect(owner.getByTestId('funds-rate')).toHaveText('90.00%');
  await expect(owner.getByTestId('funds-score')).toHaveText('9.00');
  await owner.getByLabel(`${COUNT} 实际完成值`).fill('950 件');
  await expect(owner.getByTestId(`score-${COUNT}`)).toHaveText('12.50');
  await owner.getByLabel('执法检查、督查和监察工作完成率 实际完成值').fill('100%');
  await owner.getByLabel('接到举报案件处理时限 实际完成值').fill('60 工作日');
  await owner.getByLabel('劳动保障监察执法成本控制率 实际完成值').fill('4.5 万元');
  await owner.getByLabel('服务对象满意度 实际完成值').fill('96%');
  // Text targets: the owner describes, picks the band and gives a score inside it.
  for (const [name, text] of [
    ['案件处理效率', '案件平均办理时间缩短 10 天'],
    ['监督检查结果可持续应用', '检查结果纳入诚信档案'],
  ] as const) {
    await owner.getByLabel(`${name} 实际完成值`).fill(text);
    await owner.getByLabel(`${name} 完成情况`).selectOption({ label: '达成年度指标' });
    await owner.getByLabel(`${name} 得分`).fill('16');
    await expect(owner.getByText('得分 16.00 不在“达成年度指标”的得分范围内（12.00–15.00 分）')).toBeVisible();
    await owner.getByLabel(`${name} 得分`).fill('15');
  }
  await expect(owner.getByTestId('self-score')).toHaveText('99.00');
  await expect(owner.getByTestId('grade')).toHaveText('优');

  // A row below full marks lowers the score and the grade, and asks for its 偏差原因.
  await owner.getByLabel(`${COUNT} 实际完成值`).fill('90 件');
  await expect(owner.getByTestId(`score-${COUNT}`)).toHaveText('1.25');
  await expect(owner.getByTestId('self-score')).toHaveText('87.75');
  await expect(owner.getByTestId('grade')).toHaveText('良');
  await expect(owner.getByText(BELOW, { exact: true })).toBeVisible();
  await owner.getByRole('button', { name: '保存' }).click();
  await expect(owner.getByRole('status')).toContainText('已保存；提交前还须处理 1 处');
  await owner.getByRole('button', { name: '提交审核' }).click();
  await expect(owner.getByRole('status')).toContainText(BELOW);
  await owner.screenshot({ path: path.join(shots, '1-row-below-full-marks.png'), fullPage: true });
  await owner.getByLabel(`${COUNT} 偏差原因分析及改进措施`).fill('举报案件减少；下年度按实际调整指标值');
  await expect(owner.getByText(BELOW, { exact: true })).toHaveCount(0);
  await owner.getByLabel('实际完成情况').fill('全年办结案件 90 件，执法检查全部完成');
  await owner.getByRole('button', { name: '提交审核' }).click();
  await expect(owner.getByText('已提交').first()).toBeVisible();

  // The reviewer returns it with a reason.
  await reviewer.goto('/selfeval');
  await reviewer.getByRole('link', { name: '2024 年度绩效自评' }).click();
  await reviewer.getByRole('table', { name: '自评得分' }).getByRole('link', { name: TABLE }).click();
  await reviewer.getByLabel('退回理由').fill('请补充办案数量的佐证');
  await reviewer.getByRole('button', { name: '退回修改' }).click();
  await expect(reviewer.getByText('已退回').first()).toBeVisible();

  // The owner sees the reason, adds the evidence and resubmits.
  await owner.reload();
  await expect(owner.getByText(/退回：请补充办案数量的佐证/)).toBeVisible();
  await owner.getByLabel('实际完成情况').fill('全年办结案件 90 件（见结案登记簿），执法检查全部完成');
  await owner.getByRole('button', { name: '提交审核' }).click();
  await expect(owner.getByText('已提交').first()).toBeVisible();

  // The reviewer approves.
  await reviewer.reload();
  await reviewer.getByRole('button', { name: '审核通过' }).click();
  await expect(reviewer.getByText('已审核').first()).toBeVisible();

  // The unit-year page shows the score and grade, the average and the distribution.
  await reviewer.goto('/selfeval');
  await reviewer.getByRole('link', { name: '2024 年度绩效自评' }).click();
  const row = reviewer.getByRole('table', { name: '自评得分' }).getByRole('row').filter({ hasText: TABLE });
  await expect(row).toContainText('87.75');
  await expect(row).toContainText('良');
  await expect(reviewer.getByTestId('average')).not.toHaveText('—');
  await reviewer.screenshot({ path: path.join(shots, '2-unit-year.png'), fullPage: true });

  // Not public until the administrator switches 公开自评 on; then the public page shows it signed out.
  const visitor = await browser.newPage();
  await visitor.goto('/disclosure/441001/2024');
  await expect(visitor.getByRole('heading', { name: '项目支出绩效自评结果' })).toHaveCount(0);
  await admin.goto(reviewer.url());
  await admin.getByRole('checkbox', { name: '公开自评' }).click();
  await expect(admin.getByText('已公开自评结果')).toBeVisible();
  await expect(admin.getByRole('checkbox', { name: '公开自评' })).toBeChecked();
  await visitor.reload();
  await expect(visitor.getByRole('heading', { name: '项目支出绩效自评结果' })).toBeVisible();
  const sheet = visitor.getByRole('table', { name: `${TABLE} 自评表` });
  for (const v of ['87.75（良）', '90 件', '1.25', '举报案件减少；下年度按实际调整指标值', '90.00%', '全年办结案件 90 件（见结案登记簿），执法检查全部完成']) {
    await expect(sheet, v).toContainText(v);
  }
  await sheet.screenshot({ path: path.join(shots, '3-public.png') });

  // The reviewer downloads the approved 自评表 as XLSX and PDF: every value reads back.
  await reviewer.getByRole('table', { name: '自评得分' }).getByRole('link', { name: TABLE }).click();
  await reviewer.waitForURL(/\/selfeval\/\d+$/);
  const values = ['87.75', '良', '90 件', '1.25', '12.50', '15.00', '4.50', '90.00', '96%', '案件平均办理时间缩短 10 天', '举报案件减少；下年度按实际调整指标值', '全年办结案件 90 件（见结案登记簿），执法检查全部完成'];
  const xlsx = await download(reviewer, '导出 XLSX');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(xlsx);
  const cells: string[] = [];
  wb.worksheets[0]!.eachRow((r) => r.eachCell((c) => cells.push(typeof c.value === 'number' ? c.value.toFixed(2) : String(c.text))));
  for (const v of values) expect(cells.some((c) => c.includes(v)), v).toBe(true);
  const pdf = await download(reviewer, '导出 PDF');
  const text = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
  for (const v of [TABLE, ...values]) expect(text, v).toContain(v.replace(/\s+/g, ''));
  execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', pdf, path.join(shots, '4-pdf')]);
});
