import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPdf } from './pdf';
import { longSection, referenceSection } from './testing';

/** `-raw` keeps the content-stream order, in which each cell is drawn in one piece; `-layout` keeps pages' look. */
function pdfText(buf: Buffer, layout = false): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pt-pdf-')), 'x.pdf');
  fs.writeFileSync(file, buf);
  return execFileSync('pdftotext', [layout ? '-layout' : '-raw', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function pages(text: string): string[] {
  return text.split('\f').filter((p) => p.trim() !== '');
}

const strip = (s: string) => s.replace(/\s+/g, '');

describe('PDF export', () => {
  it('contains every cell of every table of the reference, extractable as text', async () => {
    const section = referenceSection();
    const text = strip(pdfText(await renderPdf(section)));
    let cells = 0;
    for (const t of section.tables) {
      const tb = t.table;
      const all = [
        `${t.number}、${tb.name}绩效目标表`,
        tb.code, tb.name, tb.budget.total, tb.budget.fiscal, tb.purpose, tb.goal,
        ...tb.schedule.flatMap((c) => [`${c.month}月底`, `${c.percent}%`]),
        ...tb.indicators.flatMap((r) => [r.level1, r.level2, r.name, r.description, r.value, r.basis]),
      ];
      for (const cell of all) {
        cells++;
        expect(text.includes(strip(cell)), `表 ${t.number}：“${cell}”`).toBe(true);
      }
    }
    expect(cells).toBeGreaterThan(1500);
  });

  it('prints the unit and year on every page, page numbers, and A4 pages', async () => {
    const buf = await renderPdf(referenceSection());
    const ps = pages(pdfText(buf, true));
    expect(ps.length).toBeGreaterThan(10);
    ps.forEach((p, i) => {
      expect(p).toContain('441001 承德市人力资源和社会保障局本级');
      expect(p).toContain('预算年度：2024');
      expect(p).toContain(`第 ${i + 1} 页 / 共 ${ps.length} 页`);
    });
    const info = execFileSync('pdfinfo', ['-'], { input: buf, encoding: 'utf8' });
    expect(info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
  });

  it('embeds a subset of the CJK font, not the whole 10 MB file', async () => {
    const buf = await renderPdf(referenceSection());
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pt-pdf-')), 'x.pdf');
    fs.writeFileSync(file, buf);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/[A-Z]{6}\+NotoSansSC/);
    expect(fonts).toMatch(/yes\s+yes/);
    expect(buf.length).toBeLessThan(1_500_000);
  });

  it('repeats the indicator header on every page a long table spans', async () => {
    const ps = pages(pdfText(await renderPdf(longSection(60)), true));
    expect(ps.length).toBeGreaterThanOrEqual(2);
    for (const p of ps) expect(p).toMatch(/一级指标\s+二级指标\s+三级指标\s+绩效指标描述\s+指标值\s+指标值确定依据/);
    const all = ps.join('\n');
    for (let i = 1; i <= 60; i++) expect(all).toContain(`第${i}项指标`);
  });

  it('marks drafts and lists the cover with a total equal to 项目支出', async () => {
    const text = pdfText(await renderPdf(referenceSection({ includeCover: true, drafts: [3] })), true);
    expect(text).toContain('3、2024 高校毕业生就业指导工作经费绩效目标表（草稿）');
    expect(text).toMatch(/合计\s+3447\.87/);
    expect(text).toMatch(/差额（合计 − 项目支出）\s+0\.00/);
  });

  it('splits a goal longer than a page instead of losing it', async () => {
    const s = referenceSection();
    const goal = Array.from({ length: 120 }, (_, i) => `第${i + 1}条目标：按计划完成年度各项工作任务并接受考核。`).join('');
    s.tables = [{ ...s.tables[0]!, table: { ...s.tables[0]!.table, goal } }];
    const text = strip(pdfText(await renderPdf(s)));
    expect(text).toContain(strip('第1条目标：'));
    expect(text).toContain(strip('第120条目标：按计划完成年度各项工作任务并接受考核。'));
  });

  it('carries an indicator row taller than a page on to the next pages, under the repeated header', async () => {
    const s = referenceSection();
    const t = s.tables[0]!.table;
    // Cells within the 500-character limit, each a list of short lines: the row is taller than a page.
    const long = (tag: string) => Array.from({ length: 90 }, (_, i) => `${tag}${String(i).padStart(2, '0')}`).join('\n').slice(0, 500);
    const tall = { ...t.indicators[1]!, name: long('名'), description: long('述'), value: long('值'), basis: long('据') };
    const indicators = [t.indicators[0]!, tall, ...t.indicators.slice(2)];
    s.tables = [{ ...s.tables[0]!, table: { ...t, indicators } }];
    const buf = await renderPdf(s);
    const ps = pages(pdfText(buf, true));
    expect(ps.length).toBeGreaterThanOrEqual(3);
    ps.forEach((p, i) => {
      expect(strip(p), `page ${i + 1}`).toContain(`第${i + 1}页/共${ps.length}页`);
      expect(p, `page ${i + 1}`).toMatch(/一级指标\s+二级指标\s+三级指标\s+绩效指标描述\s+指标值\s+指标值确定依据/);
    });
    // Every line of each cell is printed, in order: the parts continue where the previous page stopped.
    const raw = strip(pdfText(buf));
    for (const cell of [tall.name, tall.description, tall.value, tall.basis]) {
      const pieces = cell.split('\n');
      let at = 0;
      for (const piece of pieces) {
        const found = raw.indexOf(piece, at);
        expect(found, piece).toBeGreaterThanOrEqual(0);
        at = found;
      }
    }
    // The rows after it follow on the last page, and the page count is what the footer says.
    expect(ps.at(-1)).toContain('服务对象满意度');
    const info = execFileSync('pdfinfo', ['-'], { input: buf, encoding: 'utf8' });
    expect(info).toMatch(new RegExp(`Pages:\\s+${ps.length}\\n`));
  });

  it('never draws a row past the bottom margin, also a row that fits a page but not the room under the header', async () => {
    const s = referenceSection();
    const t = s.tables[0]!.table;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pt-pdf-')), 'x.pdf');
    // From a row that fits easily to one a little taller than a page: around the header's height.
    for (const lines of [44, 48, 50, 51, 52, 54, 58]) {
      const value = Array.from({ length: lines }, (_, i) => `值${i}`).join('\n');
      s.tables = [{ ...s.tables[0]!, table: { ...t, indicators: [t.indicators[0]!, { ...t.indicators[1]!, value }, ...t.indicators.slice(2)] } }];
      fs.writeFileSync(file, await renderPdf(s));
      const bbox = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
      // Body words (not the footer, which sits at 807.9) end above the bottom margin at 791.9.
      const below = [...bbox.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</g)]
        .filter((m) => Number(m[1]) < 800 && Number(m[2]) > 791.9)
        .map((m) => m[3]);
      expect(below, `${lines} 行`).toEqual([]);
      const text = strip(pdfText(await renderPdf(s)));
      expect(text, `${lines} 行`).toContain(`值${lines - 1}`);
    }
  });

  describe('page breaks inside the header block', () => {
    /** Every page has its furniture and numbering, the footer's count is the real page count, and no body word runs past the margin. */
    function expectSoundPages(buf: Buffer, label: string): string[] {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pt-pdf-')), 'x.pdf');
      fs.writeFileSync(file, buf);
      const count = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
      const ps = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').slice(0, count);
      ps.forEach((p, i) => {
        expect(p, `${label}：第 ${i + 1} 页`).toContain('441001 承德市人力资源和社会保障局本级');
        expect(strip(p), `${label}：第 ${i + 1} 页`).toContain(`第${i + 1}页/共${count}页`);
      });
      const bbox = execFileSync('pdftotext', ['-bbox', file, '-'], { encoding: 'utf8' });
      const below = [...bbox.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)</g)]
        .filter((m) => Number(m[1]) < 800 && Number(m[2]) > 791.9)
        .map((m) => m[3]);
      expect(below, label).toEqual([]);
      return ps;
    }

    it('splits a 资金用途 longer than a page, with the 预算规模及资金用途 box on each page it reaches', async () => {
      const s = referenceSection();
      const t = s.tables[0]!.table;
      const purpose = Array.from({ length: 160 }, (_, i) => `用途${String(i + 1).padStart(3, '0')}：按规定用于本项目支出。`).join('').slice(0, 5000);
      s.tables = [{ ...s.tables[0]!, table: { ...t, purpose } }];
      const buf = await renderPdf(s);
      const ps = expectSoundPages(buf, '长资金用途');
      // Split where the first page ends, not moved whole to a page of its own.
      expect(ps.length).toBe(2);
      expect(strip(ps[0]!)).toContain('用途001');
      const text = strip(pdfText(buf));
      for (let i = 1; i <= 160; i++) expect(text).toContain(`用途${String(i).padStart(3, '0')}`);
      // The label is printed once, its box continues; the rows after the purpose follow it.
      expect(text.split('预算规模及资金用途').length - 1).toBe(1);
      expect(strip(ps.at(-1)!)).toContain('服务对象满意度');
    });

    it('keeps the indicator header with the first row, wherever the header block ends on the page', async () => {
      const s = referenceSection();
      const t = s.tables[0]!.table;
      const first = t.indicators[0]!;
      for (let lines = 20; lines <= 60; lines += 2) {
        const goal = Array.from({ length: lines }, (_, i) => `${i + 1}. 第${i + 1}条目标。`).join('\n');
        s.tables = [{ ...s.tables[0]!, table: { ...t, goal } }];
        const ps = expectSoundPages(await renderPdf(s), `${lines} 行目标`);
        // The first row's cells stand whole on one page, under a header on that page.
        const page = ps.find((p) => strip(p).includes(strip(first.name)));
        expect(page, `${lines} 行目标`).toBeDefined();
        expect(strip(page!), `${lines} 行目标`).toContain(strip(first.value));
        expect(page!, `${lines} 行目标`).toMatch(/一级指标\s+二级指标\s+三级指标/);
      }
    });

    it('never leaves a table title alone at the foot of a page', async () => {
      const s = referenceSection();
      const [a, b] = s.tables;
      const purpose = '按规定用于本项目支出，专款专用。'.repeat(70);
      // The first table ends lower and lower on its page: the second's title must always have its header with it.
      for (let lines = 0; lines <= 40; lines += 4) {
        const goal = [a!.table.goal, ...Array.from({ length: lines }, (_, i) => `补充目标${i + 1}。`)].join('\n');
        s.tables = [{ ...a!, table: { ...a!.table, goal } }, { ...b!, table: { ...b!.table, purpose } }];
        const ps = expectSoundPages(await renderPdf(s), `标题 ${lines}`);
        const titled = ps.find((p) => strip(p).includes(strip(`${b!.number}、${b!.table.name}绩效目标表`)))!;
        // The title's page also holds the start of its header block: the budget and the purpose.
        expect(strip(titled), `标题 ${lines}`).toContain('预算数');
        expect(strip(titled), `标题 ${lines}`).toContain(strip(b!.table.budget.total));
        expect(strip(titled), `标题 ${lines}`).toContain('按规定用于本项目支出');
      }
    });
  });
});
