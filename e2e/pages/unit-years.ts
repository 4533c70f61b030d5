import { expect, type Browser, type Page } from '@playwright/test';
import { storageStatePath } from '../fixtures/accounts';

/** The id of the demo unit's (441001) unit-year, as the JSON API lists it; undefined when there is none. */
export async function unitYearId(page: Page, year: number): Promise<number | undefined> {
  const r = await page.request.get('/api/unit-years');
  const list = (await r.json()) as { unitYears: { id: number; unitCode: string; year: number }[] };
  return list.unitYears.find((u) => u.unitCode === '441001' && u.year === year)?.id;
}

/** Creates a unit-year of the demo unit through the administration page, as an administrator would. */
export async function createDemoUnitYear(browser: Browser, year: number): Promise<void> {
  const admin = await browser.newPage({ storageState: storageStatePath('admin') });
  await admin.goto('/admin/units');
  await admin.getByLabel('单位', { exact: true }).selectOption({ label: '441001 承德市人力资源和社会保障局本级' });
  await admin.getByLabel('年度', { exact: true }).fill(String(year));
  await admin.getByRole('button', { name: '创建' }).first().click();
  await expect(admin.getByText('已创建')).toBeVisible();
  await admin.close();
}
