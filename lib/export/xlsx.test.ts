import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { tableLayout } from '@/lib/format/table-layout';
import { cellNumberOrText, displayedText, referenceSection } from './testing';
import { renderXlsx } from './xlsx';

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

function mergesOf(ws: ExcelJS.Worksheet): string[] {
  return (ws.model as unknown as { merges: string[] }).merges;
}

describe('XLSX export', () => {
  it('reads back cell for cell, with the expected merges, for every table of the reference', async () => {
    const section = referenceSection();
    const wb = await load(await renderXlsx(section));
    expect(wb.worksheets).toHaveLength(23);
    section.tables.forEach((t, i) => {
      const ws = wb.worksheets[i]!;
      const offset = i === 0 ? 4 : 3; // the first sheet also carries the section heading
      expect(ws.getCell(offset - 2, 1).value).toBe(`${t.number}、${t.table.name}绩效目标表`);
      const layout = tableLayout(t.table);
      const merges = mergesOf(ws);
      layout.forEach((row, r) => {
        for (const c of row.cells) {
          const cell = ws.getCell(offset + r, c.col);
          const where = `表 ${t.number} 第 ${offset + r} 行第 ${c.col} 列`;
          // What the spreadsheet shows is the printed text; amounts and plan points hold numbers.
          expect(displayedText(cell), where).toBe(c.text);
          if (c.number) expect(cell.value, where).toBe(c.number.value);
          else expect(typeof (cell.value ?? ''), where).toBe('string');
          if (c.colSpan > 1 || c.rowSpan > 1) {
            const from = ws.getCell(offset + r, c.col).address;
            const to = ws.getCell(offset + r + c.rowSpan - 1, c.col + c.colSpan - 1).address;
            expect(merges).toContain(`${from}:${to}`);
          }
        }
      });
    });
  });

  it('merges table 1’s level-1 cells over their rows and its header block as printed', async () => {
    const wb = await load(await renderXlsx(referenceSection()));
    const ws = wb.worksheets[0]!;
    const merges = mergesOf(ws);
    // Row 1 is the section heading, 2 the title, 3 单位; the header block is rows 4–9, the indicator
    // header row 10, and 产出指标 covers its six rows 11–16.
    expect(ws.getCell('A10').value).toBe('一级指标');
    expect(merges).toEqual(expect.arrayContaining(['A11:A16', 'A17:A20', 'B12:B13', 'A5:A6', 'B4:C4', 'E4:G4', 'B6:G6', 'D10:E10']));
    expect(ws.getCell('A11').value).toBe('产出指标');
    expect(ws.getCell('B12').value).toBe('数量指标');
    expect(ws.getCell('F11').value).toBe('≥92%');
  });

  it('sets A4, fit to width, 宋体 and the indicator header as print titles', async () => {
    const wb = await load(await renderXlsx(referenceSection()));
    const ws = wb.worksheets[1]!;
    expect(ws.pageSetup.paperSize).toBe(9);
    expect(ws.pageSetup.fitToWidth).toBe(1);
    expect(ws.pageSetup.orientation).toBe('portrait');
    expect(ws.pageSetup.printTitlesRow).toBe('9:9');
    expect(ws.getCell('A9').value).toBe('一级指标');
    expect(ws.getCell('A9').font?.name).toBe('宋体');
    expect(ws.getCell('C3').border?.top?.style).toBe('thin');
    expect(ws.getCell('C3').alignment?.wrapText).toBe(true);
  });

  it('prints every sheet centred on the page (<printOptions> where the schema puts it)', async () => {
    const buf = await renderXlsx(referenceSection({ includeCover: true }));
    const wb = await load(buf);
    for (const ws of wb.worksheets) expect(ws.pageSetup.horizontalCentered, ws.name).toBe(true);
    const zip = await JSZip.loadAsync(buf);
    const sheets = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
    expect(sheets).toHaveLength(24);
    for (const f of sheets) expect(await zip.file(f)!.async('string'), f).toMatch(/<\/mergeCells><printOptions horizontalCentered="1"\/><pageMargins /);
  });

  it('holds every amount as a number in 0.00 and every plan point as a percent, so they sum', async () => {
    const section = referenceSection();
    const wb = await load(await renderXlsx(section));
    let fiscal = 0;
    section.tables.forEach((t, i) => {
      const ws = wb.worksheets[i]!;
      const top = i === 0 ? 4 : 3;
      const total = ws.getCell(top + 1, 3);
      expect([total.value, total.numFmt, displayedText(total)]).toEqual([Number(t.table.budget.total), '0.00', t.table.budget.total]);
      fiscal += ws.getCell(top + 1, 5).value as number;
      const percents = [2, 3, 4, 5, 6, 7].map((col) => ws.getCell(top + 4, col)).filter((c) => c.master.address === c.address && typeof c.value === 'number');
      expect(percents.map(displayedText), `表 ${t.number}`).toEqual(t.table.schedule.map((p) => `${p.percent}%`));
    });
    // Table 1's 3月底 25%: the fraction 0.25 shown as 25%.
    expect([wb.worksheets[0]!.getCell('B8').value, wb.worksheets[0]!.getCell('B8').numFmt]).toEqual([0.25, '0%']);
    const expected = section.tables.reduce((sum, t) => sum + Number(t.table.budget.fiscal), 0);
    expect(fiscal.toFixed(2)).toBe(expected.toFixed(2));
  });

  it('adds a cover list whose total equals 项目支出, and marks drafts', async () => {
    const wb = await load(await renderXlsx(referenceSection({ includeCover: true, drafts: [2] })));
    const cover = wb.worksheets[0]!;
    expect(cover.name).toBe('项目清单');
    // The amounts read back as numbers add up to the 合计 and to 项目支出 (3447.87 万元).
    const amounts = Array.from({ length: 23 }, (_, i) => cover.getCell(4 + i, 4));
    for (const a of amounts) expect([typeof a.value, a.numFmt]).toEqual(['number', '0.00']);
    expect(amounts.reduce((sum, a) => sum + (a.value as number), 0).toFixed(2)).toBe('3447.87');
    const total = cover.getCell(4 + 23, 4);
    expect(total.formula).toBe('SUM(D4:D26)');
    expect([cellNumberOrText(total), displayedText(total)]).toEqual([3447.87, '3447.87']);
    expect(cover.getCell(4 + 24, 4).value).toBe(3447.87);
    // exceljs reads a cached 0 back as no result, so the 差额 is worked out from the formula's cells.
    expect(cover.getCell(4 + 25, 4).formula).toBe('D27-D28');
    expect((cellNumberOrText(total) as number) - (cover.getCell(4 + 24, 4).value as number)).toBe(0);
    expect(cover.getCell(4 + 26, 1).value).toBe('合计含 1 张未审核的表（标注“草稿”）。');
    expect(wb.worksheets[2]!.getCell(1, 1).value).toBe('2、2024 法治工作经费绩效目标表（草稿）');
  });

  it('says under an approved-only cover that drafts are left out of its 合计', async () => {
    const section = referenceSection({ includeCover: true });
    section.tables = section.tables.slice(0, 20);
    const wb = await load(await renderXlsx(section));
    const cover = wb.worksheets[0]!;
    const difference = cover.getCell(4 + 22, 4);
    expect(displayedText(difference)).toMatch(/^-\d+\.\d\d$/);
    expect(cover.getCell(4 + 23, 1).value).toBe('本清单只含已审核的表，未审核的表（草稿）不计入合计。合计与单位项目支出的差额可能来自这些表，不一定是错误。');
  });

  it('gives the same bytes for the same data, numbers and formulas included', async () => {
    const a = await renderXlsx(referenceSection({ includeCover: true }));
    const b = await renderXlsx(referenceSection({ includeCover: true }));
    expect(a.equals(b)).toBe(true);
  });

  it('never makes a row taller than Excel allows (409 points), and keeps the whole text in the cell', async () => {
    const section = referenceSection();
    const t = section.tables[0]!.table;
    const value = Array.from({ length: 90 }, (_, i) => `值${String(i).padStart(2, '0')}`).join('\n').slice(0, 500);
    section.tables = [{ ...section.tables[0]!, table: { ...t, indicators: [{ ...t.indicators[0]!, value }, ...t.indicators.slice(1)] } }];
    const wb = await load(await renderXlsx(section));
    const ws = wb.worksheets[0]!;
    const heights: number[] = [];
    ws.eachRow((row) => heights.push(row.height ?? 0));
    expect(Math.max(...heights)).toBe(409);
    const cells: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => cells.push(String(c.value ?? ''))));
    expect(cells).toContain(value);
  });

  it('keeps sheet names unique and within Excel’s rules', async () => {
    const s = referenceSection();
    s.tables = [s.tables[0]!, { ...s.tables[0]!, table: { ...s.tables[0]!.table, name: 'a/b:c*d?[e]'.repeat(5) } }];
    const wb = await load(await renderXlsx(s));
    for (const ws of wb.worksheets) {
      expect(ws.name.length).toBeLessThanOrEqual(31);
      expect(ws.name).not.toMatch(/[[\]:*?/\\]/);
    }
  });
});
