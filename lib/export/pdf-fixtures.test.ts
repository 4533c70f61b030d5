import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TargetTable } from '@/lib/domain/table';
import { fixtureSection, longTable, TABLE_1, TABLE_13, TABLE_16 } from './fixtures';
import { SECTION_TITLE, tableTitle, type ExportSection } from './model';
import { pdfColumns, renderPdf } from './pdf';

const strip = (s: string) => s.replace(/\s+/g, '');

/**
 * `pdftotext -layout`, one text per page. With `cols` (first column, span), only that band of the
 * page is read, so a cell wrapped over several lines is not interleaved with its neighbours' lines.
 */
function pdfPages(file: string, cols?: [number, number]): string[] {
  const args = ['-layout'];
  if (cols) {
    const { x, widths } = pdfColumns();
    const left = x + widths.slice(0, cols[0] - 1).reduce((a, b) => a + b, 0);
    const width = widths.slice(cols[0] - 1, cols[0] - 1 + cols[1]).reduce((a, b) => a + b, 0);
    args.push('-x', String(Math.round(left)), '-y', '0', '-W', String(Math.round(width)), '-H', '842');
  }
  const text = execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return text.split('\f').slice(0, -1);
}

/** Pixels of a page (rendered at 36 dpi) in the watermark's faint red over white. */
function tintedPixels(file: string, page: number): number {
  const ppm = execFileSync('pdftoppm', ['-r', '36', '-f', String(page), '-l', String(page), '-singlefile', file], { maxBuffer: 16 * 1024 * 1024 });
  // Binary PPM: "P6\n<width> <height>\n255\n" then RGB bytes.
  const header = /^P6\s+\d+\s+\d+\s+255\s/.exec(ppm.subarray(0, 40).toString('latin1'))![0].length;
  let n = 0;
  for (let i = header; i + 2 < ppm.length; i += 3) {
    const [r, g, b] = [ppm[i]!, ppm[i + 1]!, ppm[i + 2]!];
    if (r > 235 && r - g > 8 && r - b > 8 && g > 200) n++;
  }
  return n;
}

async function pdfFile(section: ExportSection): Promise<string> {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pt-pdf-')), 'x.pdf');
  fs.writeFileSync(file, await renderPdf(section));
  return file;
}

/** Every text cell of a table with the grid columns it is printed in. */
function cellsOf(t: TargetTable): [string, [number, number]][] {
  const plan = t.schedule.flatMap((c): [string, [number, number]][] => [
    [`${c.month}月底`, [2, 6]],
    [`${c.percent}%`, [2, 6]],
  ]);
  return [
    ['项目编码', [1, 1]],
    [t.code, [2, 2]],
    ['项目名称', [4, 1]],
    [t.name, [5, 3]],
    ['预算规模及资金用途', [1, 1]],
    ['预算数', [2, 1]],
    [t.budget.total, [3, 1]],
    ['其中：财政资金', [4, 1]],
    [t.budget.fiscal, [5, 1]],
    ['其他资金', [6, 1]],
    [t.purpose, [2, 6]],
    ['资金支出计划（%）', [1, 1]],
    ...plan,
    ['绩效目标', [1, 1]],
    [t.goal, [2, 6]],
    ...t.indicators.flatMap((r): [string, [number, number]][] => [
      [r.level1, [1, 1]],
      [r.level2, [2, 1]],
      [r.name, [3, 1]],
      [r.description, [4, 2]],
      [r.value, [6, 1]],
      [r.basis, [7, 1]],
    ]),
  ];
}

describe('PDF export of hand-built tables', () => {
  it('prints every cell of tables 1, 13, 16 and a 100-row table, readable in its column', async () => {
    const tables = [TABLE_1, TABLE_13, TABLE_16, longTable(100)];
    const file = await pdfFile(fixtureSection(tables.map((table, i) => ({ number: [1, 13, 16, 24][i]!, table, isDraft: false }))));
    const bands = new Map<string, string>();
    const band = (cols: [number, number]) => {
      const key = cols.join();
      if (!bands.has(key)) bands.set(key, strip(pdfPages(file, cols).join('')));
      return bands.get(key)!;
    };
    const whole = strip(pdfPages(file).join(''));
    expect(whole).toContain(SECTION_TITLE);
    let checked = 0;
    tables.forEach((t, i) => {
      expect(whole).toContain(strip(tableTitle({ number: [1, 13, 16, 24][i]!, table: t, isDraft: false })));
      for (const [text, cols] of cellsOf(t)) {
        expect(band(cols), `“${text}” in columns ${cols.join('+')}`).toContain(strip(text));
        checked++;
      }
    });
    expect(checked).toBeGreaterThan(700);
  });

  it('heads every page with the unit, year and 单位, and numbers the pages', async () => {
    const pages = pdfPages(await pdfFile(fixtureSection([TABLE_1, TABLE_13, TABLE_16, longTable(100)])));
    expect(pages.length).toBeGreaterThanOrEqual(6);
    pages.forEach((p, i) => {
      const head = p.split('\n').find((l) => l.trim() !== '') ?? '';
      expect(head).toMatch(/441001 承德市人力资源和社会保障局本级\s+预算年度：2024\s+单位：万元/);
      // pdftotext drops or keeps the spaces around CJK text depending on the page's spacing.
      expect(strip(p)).toContain(`第${i + 1}页/共${pages.length}页`);
    });
  });

  it('breaks a 60-row table over pages between rows, repeating the header and the level text', async () => {
    const long = longTable(60);
    const file = await pdfFile(fixtureSection([long]));
    const pages = pdfPages(file);
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const p of pages) expect(p).toMatch(/一级指标\s+二级指标\s+三级指标\s+绩效指标描述\s+指标值\s+指标值确定依据/);
    // Each row lies wholly on one page: its name, wrapped description and value all on that page.
    const names = pdfPages(file, [3, 1]).map(strip);
    const descriptions = pdfPages(file, [4, 2]).map(strip);
    const values = pdfPages(file, [6, 1]).map(strip);
    long.indicators.forEach((r) => {
      const on = names.findIndex((p) => new RegExp(`${r.name}(?!\\d)`).test(p));
      expect(on, r.name).toBeGreaterThanOrEqual(0);
      expect(descriptions[on], r.name).toContain(strip(r.description));
      expect(values[on], r.name).toContain(strip(r.value));
    });
    // A level-1 run continued on a new page prints its text again there.
    const level1 = pdfPages(file, [1, 1]).map(strip);
    for (const p of level1.slice(1)) expect(p).toMatch(/产出指标|效益指标|满意度指标/);
  });

  it('marks a draft table in its title, with a note and a watermark', async () => {
    const file = await pdfFile(fixtureSection([{ number: 16, table: TABLE_16, isDraft: true }, { number: 1, table: TABLE_1, isDraft: false }]));
    const text = pdfPages(file).join('\f');
    expect(text).toContain('16、2024 年度网上办公系统保障与安全维护服务费绩效目标表（草稿）');
    expect(text).toContain('草稿：本表尚未审核通过，不得作为公开文本');
    expect(text).not.toContain('1、2024 调解仲裁和信访慰问业务经费绩效目标表（草稿）');
    // The watermark is drawn as outlines: no stray 草 / 稿 lines among the cells for text extraction…
    const raw = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' });
    expect(raw).not.toMatch(/^\s*[草稿]\s*$/m);
    expect(raw.match(/草稿/g)).toHaveLength(2);
    // …but it is on the page: a large faint red patch on the draft's page, none on the other.
    expect(tintedPixels(file, 1)).toBeGreaterThan(1000);
    expect(tintedPixels(file, 2)).toBeLessThan(50);
  });

  it('lists the cover with an exact 合计 and its 差额 against 项目支出', async () => {
    const cents = (total: string): TargetTable => ({ ...TABLE_16, code: `C${total}`, budget: { total, fiscal: total, other: null } });
    const tables = [TABLE_1, TABLE_13, TABLE_16, cents('0.10'), cents('0.20'), cents('1234567.89')];
    const text = pdfPages(await pdfFile(fixtureSection(tables, { includeCover: true, projectExpenditure: '1234783.00' }))).join('\n');
    expect(text).toMatch(/序号\s+项目编码\s+项目名称\s+预算数/);
    expect(text).toMatch(/合计\s+1234783\.19/);
    expect(text).toMatch(/单位项目支出\s+1234783\.00/);
    expect(text).toMatch(/差额（合计 − 项目支出）\s+0\.19/);
  });
});
