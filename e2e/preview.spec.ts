import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { sampleTable } from '@/lib/testing/tables';
import { storageStatePath } from './fixtures/accounts';
import { callAction, isOk } from './fixtures/server-actions';

test.describe('the print preview', () => {
  test.use({ storageState: storageStatePath('owner') });

  test('prints on A4 with the indicator header repeated on every page', async ({ page }) => {
    // A table long enough for several printed pages.
    const table = sampleTable('13080024P00009810099P');
    const real = table.indicators.filter((r) => !r.isPlaceholder);
    table.indicators = Array.from({ length: 60 }, (_, i) => ({ ...real[i % real.length]!, name: `第 ${i + 1} 项打印测试指标` }));
    const reply = await callAction(page.request, 'createTableAction', [{ unitYearId: 1, table }]);
    expect(isOk(reply)).toBe(true);
    const id = (reply.result as { data: { projectId: number } }).data.projectId;

    await page.goto(`/projects/${id}/preview`);
    await page.emulateMedia({ media: 'print' });
    const css = await page.evaluate(() => {
      const thead = document.querySelector('table thead');
      const pageRules = [...document.styleSheets].flatMap((s) => [...s.cssRules]).filter((r) => r instanceof CSSPageRule);
      return {
        thead: thead ? getComputedStyle(thead).display : null,
        pageSize: pageRules.map((r) => (r as CSSPageRule).style.getPropertyValue('size')).join(' '),
        toolbarHidden: [...document.querySelectorAll('.no-print')].every((e) => getComputedStyle(e).display === 'none'),
      };
    });
    expect(css.thead).toBe('table-header-group');
    expect(css.pageSize).toMatch(/a4/i);
    expect(css.toolbarHidden).toBe(true);

    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    const file = path.join(test.info().outputPath(), 'preview.pdf');
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, pdf);
    // pdftotext ends every page with a form feed; a blank sheet (as a full-height body once caused) fails below.
    const pages = execFileSync('pdftotext', ['-layout', file, '-']).toString().split('\f').slice(0, -1);
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(p.replace(/\s+/g, '')).toContain('三级指标');
    expect(pages.at(-1)!.replace(/\s+/g, '')).toContain('第60项打印测试');
  });
});
