import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { selfEvalLayout, selfEvalTitle } from './selfeval-layout';
import { fullSheet, tangxiSheet } from './selfeval-testing';
import { selfEvalUnitYearXlsx, selfEvalXlsx } from './selfeval-xlsx';
import { cellNumberOrText, displayedText } from './testing';

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

const mergesOf = (ws: ExcelJS.Worksheet) => (ws.model as unknown as { merges: string[] }).merges;

/** Every cell of the layout is where it belongs: amounts and scores as numbers shown with 0.00, text as text. */
function expectSheet(ws: ExcelJS.Worksheet, sheet: ReturnType<typeof fullSheet>): number {
  expect(ws.getCell(1, 1).value).toBe(selfEvalTitle(sheet));
  let checked = 0;
  selfEvalLayout(sheet).forEach((row, i) => {
    for (const c of row.cells) {
      const cell = ws.getCell(2 + i, c.col);
      const where = `第 ${2 + i} 行第 ${c.col} 列（${c.text}）`;
      checked++;
      if (c.number !== undefined) {
        expect(cell.value, where).toBe(c.number);
        expect(cell.numFmt, where).toBe('0.00');
        expect(displayedText(cell), where).toBe(c.number.toFixed(2));
      } else {
        expect(cellNumberOrText(cell) ?? '', where).toBe(c.text);
      }
    }
  });
  return checked;
}

describe('自评表 XLSX', () => {
  it('reads back every value of a full table, numbers with two decimals, the footer and the grade', async () => {
    const sheet = fullSheet();
    const wb = await load(await selfEvalXlsx(sheet));
    expect(wb.worksheets).toHaveLength(1);
    const ws = wb.worksheets[0]!;
    expect(expectSheet(ws, sheet)).toBeGreaterThan(80);
    // Spot checks in the standard places.
    expect(ws.getCell('B2').value).toBe(sheet.projectName);
    expect(ws.getCell('A4').value).toBe('项目资金（万元）');
    expect(ws.getCell('E5').value).toBe(11.4);
    expect(displayedText(ws.getCell('E5'))).toBe('11.40');
    const last = ws.rowCount;
    expect(ws.getCell(last, 1).value).toBe('总分');
    expect(ws.getCell(last, 6).value).toBe(100);
    expect(ws.getCell(last, 7).value).toBe(87.5);
    expect(displayedText(ws.getCell(last, 7))).toBe('87.50');
    expect(ws.getCell(last, 8).value).toBe('等级：良');
    // The 偏低 flag is printed with the row's reasons.
    expect(String(ws.getCell(12, 8).value)).toContain('指标值设定偏低');
  });

  it('merges 一级 and 二级 over their runs, 项目资金 over the funds rows, the footer label over five columns', async () => {
    const ws = (await load(await selfEvalXlsx(fullSheet()))).worksheets[0]!;
    const merges = mergesOf(ws);
    // Rows: 2 名称, 3 部门, 4 funds head, 5–8 funds, 9–10 goal, 11 indicator head, 12–17 indicators, 18 footer.
    expect(merges).toEqual(expect.arrayContaining(['A1:H1', 'A4:A8', 'A9:A10', 'A12:A15', 'B12:B13', 'A18:E18', 'B9:E9', 'F9:H9']));
    expect(merges).not.toContain('B14:B15');
    expect(ws.getCell('A12').value).toBe('产出指标');
    expect(ws.getCell('B14').value).toBe('质量指标');
    expect(ws.pageSetup.printTitlesRow).toBe('11:11');
  });

  it('keeps formula-like text as text (quote prefix), and plain numbers as they are', async () => {
    const buf = await selfEvalXlsx(fullSheet());
    const ws = (await load(buf)).worksheets[0]!;
    const cell = ws.getCell(16, 8);
    expect(cell.value).toBe('=HYPERLINK("http://x") 信息化平台年底才上线，明年继续推进。');
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    const zip = await JSZip.loadAsync(buf);
    const styles = await zip.file('xl/styles.xml')!.async('string');
    expect(styles).toContain('quotePrefix="1"');
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).not.toContain('<f>');
  });

  it('gives the same bytes for the same sheet', async () => {
    const unit = { code: '441001', name: '单位' };
    const a = await selfEvalXlsx(fullSheet());
    const ua = await selfEvalUnitYearXlsx(unit, 2024, [fullSheet(), tangxiSheet()]);
    await new Promise((r) => setTimeout(r, 1100));
    expect(a.equals(await selfEvalXlsx(fullSheet()))).toBe(true);
    expect(ua.equals(await selfEvalUnitYearXlsx(unit, 2024, [fullSheet(), tangxiSheet()]))).toBe(true);
  });

  it('writes the transcribed 棠溪镇 table with its amounts exact (89.974 shown as 89.97)', async () => {
    const sheet = tangxiSheet();
    const ws = (await load(await selfEvalXlsx(sheet))).worksheets[0]!;
    expectSheet(ws, sheet);
    expect(ws.getCell('D6').value).toBe(89.974);
    expect(displayedText(ws.getCell('D6'))).toBe('89.97');
  });

  it('a unit-year: a summary sheet (score, grade, average, distribution) and one sheet per table', async () => {
    const sheets = [fullSheet(), fullSheet({ projectName: '第二个项目', projectCode: 'P2', selfScore: '92.25', grade: '优' }), tangxiSheet()];
    const wb = await load(await selfEvalUnitYearXlsx({ code: '441001', name: '承德市人力资源和社会保障局本级' }, 2024, sheets));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['汇总', `1、${sheets[0]!.projectName}`.slice(0, 31), '2、第二个项目', '3、委托业务项目']);
    const sum = wb.worksheets[0]!;
    expect(sum.getCell('A1').value).toBe('441001 承德市人力资源和社会保障局本级 2024年度项目支出绩效自评汇总');
    expect([3, 4, 5].map((r) => [sum.getCell(r, 2).value, sum.getCell(r, 3).value, sum.getCell(r, 4).value, sum.getCell(r, 5).value])).toEqual([
      ['13080024P00009810002A', '2024 调解仲裁和信访慰问业务经费', 87.5, '良'],
      ['P2', '第二个项目', 92.25, '优'],
      ['', '委托业务项目', '', ''],
    ]);
    // (87.50 + 92.25) / 2 = 89.875 → 89.88 half-up.
    expect(sum.getCell(6, 1).value).toBe('平均分（2 张已评分）');
    expect(sum.getCell(6, 4).value).toEqual({ formula: 'ROUND(AVERAGE(D3:D5),2)', result: 89.88 });
    expect(displayedText(sum.getCell(6, 4))).toBe('89.88');
    expect(sum.getCell(7, 4).value).toBe('优 1 · 良 1 · 中 0 · 差 0');
    wb.worksheets.slice(1).forEach((ws, i) => expectSheet(ws, sheets[i]!));
  });
});
