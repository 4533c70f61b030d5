import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { storageStatePath } from './fixtures/accounts';

test.describe('accessibility (axe)', () => {
  test.use({ storageState: storageStatePath('owner') });

  for (const [name, path] of [
    ['the public disclosure page', '/disclosure/441001/2024'],
    ['the editor', '/projects/1/edit'],
    ['a new table', '/projects/new?uy=1'],
    ['the preview', '/projects/1/preview'],
    ['the project list', '/projects?uy=1'],
    ['the table overview', '/projects/1'],
  ] as const) {
    test(`${name} has no serious or critical violations`, async ({ page }) => {
      await page.goto(path);
      await page.locator('main').waitFor();
      const results = await new AxeBuilder({ page }).analyze();
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`)).toEqual([]);
    });
  }
});
