import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { TargetTable } from '@/lib/domain/table';
import { fixtureSection, longTable, TABLE_1, TABLE_13, TABLE_16 } from './fixtures';
import { SECTION_TITLE } from './model';
import { cellNumberOrText, displayedText } from './testing';
import { renderXlsx } from './xlsx';
import { PAGE_ROWS_HEIGHT } from './xlsx-pages';

/** The rows that start a new printed page, per sheet (exceljs does not read manual breaks back). */
async function pageStartsOf(buf: Buffer): Promise<number[][]> {
  const zip = await JSZip.loadAsync(buf);
  const files = Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f));
  files.sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]));
  return Promise.all(files.map(async (f) => [...(await zip.file(f)!.async('string')).matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]) + 1)));
}

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

function mergesOf(ws: ExcelJS.Worksheet): string[] {
  return [...(ws.model as unknown as { merges: string[] }).merges].sort();
}

/** Where each checkpoint's columns start, for 3 and 4 checkpoints (6 value columns shared out). */
const PLAN_COLUMNS: Record<number, string[]> = { 3: ['B', 'D', 'F'], 4: ['B', 'D', 'F', 'G'] };

/**
 * The cells of a table as the reference prints them, written out independently of the layout
 * model: address → text, with the header block starting at row `start`.
 */
function expectedCells(t: TargetTable, start: number, pageStarts: number[] = []): Map<string, string> {
  const cells = new Map<string, string>();
  const put = (col: string, row: number, text: string) => cells.set(`${col}${row}`, text);
  let r = start;
  put('A', r, '项目编码');
  put('B', r, t.code);
  put('D', r, '项目名称');
  put('E', r, t.name);
  r++;
  put('A', r, '预算规模及资金用途');
  put('B', r, '预算数');
  put('C', r, t.budget.total);
  put('D', r, '其中：财政资金');
  put('E', r, t.budget.fiscal);
  put('F', r, '其他资金');
  put('G', r, t.budget.other ?? '');
  r++;
  put('B', r, t.purpose);
  r++;
  put('A', r, '资金支出计划（%）');
  PLAN_COLUMNS[t.schedule.length]!.forEach((col, i) => {
    put(col, r, `${t.schedule[i]!.month}月底`);
    put(col, r + 1, `${t.schedule[i]!.percent}%`);
  });
  r += 2;
  put('A', r, '绩效目标');
  put('B', r, t.goal);
  r++;
  ['一级指标', '二级指标', '三级指标', '绩效指标描述'].forEach((h, i) => put('ABCD'[i]!, r, h));
  put('F', r, '指标值');
  put('G', r, '指标值确定依据');
  t.indicators.forEach((row, i) => {
    const prev = t.indicators[i - 1];
    const at = r + 1 + i;
    // A run continued on a new page prints its level text again.
    const newPage = pageStarts.includes(at);
    if (newPage || prev?.level1 !== row.level1) put('A', at, row.level1);
    if (newPage || prev?.level1 !== row.level1 || prev.level2 !== row.level2) put('B', at, row.level2);
    put('C', at, row.name);
    put('D', at, row.description);
    put('F', at, row.value);
    put('G', at, row.basis);
  });
  return cells;
}

function expectCells(ws: ExcelJS.Worksheet, t: TargetTable, start: number, pageStarts: number[] = []): void {
  const cells = expectedCells(t, start, pageStarts);
  for (const [address, text] of cells) expect(displayedText(ws.getCell(address)), `${ws.name} ${address}`).toBe(text);
  // Amounts are numbers shown with two decimals; plan points are fractions shown as percents.
  const total = ws.getCell(`C${start + 1}`);
  expect([total.value, total.numFmt]).toEqual([Number(t.budget.total), '0.00']);
  expect(ws.getCell(`E${start + 1}`).value).toBe(Number(t.budget.fiscal));
  expect(ws.getCell(`G${start + 1}`).value).toBe(t.budget.other === null ? '' : Number(t.budget.other));
  PLAN_COLUMNS[t.schedule.length]!.forEach((col, i) => {
    const point = ws.getCell(`${col}${start + 4}`);
    expect([point.value, point.numFmt]).toEqual([t.schedule[i]!.percent! / 100, '0%']);
  });
}

describe('XLSX export of hand-built tables', () => {
  it('writes table 1 cell for cell with exactly the reference’s merges', async () => {
    const wb = await load(await renderXlsx(fixtureSection([TABLE_1])));
    expect(wb.worksheets).toHaveLength(1);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('1、2024 调解仲裁和信访慰问业务经费绩效目标表');
    expect(ws.getCell('A2').value).toBe('单位：万元');
    expectCells(ws, TABLE_1, 3);
    // Header block rows 3–8, indicator header 9, indicators 10–20: 产出指标 over its six rows,
    // 效益指标 over four, the two consecutive 数量指标 rows merged, the two 质量指标 rows apart not.
    const description = Array.from({ length: 12 }, (_, i) => `D${9 + i}:E${9 + i}`);
    const expected = ['A1:G1', 'A2:G2', 'B3:C3', 'E3:G3', 'A4:A5', 'B5:G5', 'A6:A7', 'B6:C6', 'D6:E6', 'F6:G6', 'B7:C7', 'D7:E7', 'F7:G7', 'B8:G8', 'A10:A15', 'A16:A19', 'B11:B12', ...description];
    expect(mergesOf(ws)).toEqual(expected.sort());
    expect(ws.getCell('B10').value).toBe('质量指标');
    expect(ws.getCell('B13').value).toBe('质量指标');
  });

  it('keeps table 13’s two 数量指标 rows apart unmerged and spreads four checkpoints 2-2-1-1', async () => {
    const wb = await load(await renderXlsx(fixtureSection([{ number: 13, table: TABLE_13, isDraft: false }])));
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe('13、2024 年度人事人才服务和社保体系工作经费绩效目标表');
    expectCells(ws, TABLE_13, 3);
    const merges = mergesOf(ws);
    expect(ws.getCell('B10').value).toBe('数量指标');
    expect(ws.getCell('B14').value).toBe('数量指标');
    expect(merges.filter((m) => m.startsWith('B') && Number(m.slice(1).split(':')[0]) >= 10)).toEqual([]);
    expect(merges).toEqual(expect.arrayContaining(['A10:A15', 'A16:A19', 'B6:C6', 'D6:E6', 'B7:C7', 'D7:E7']));
    expect(merges.some((m) => m.startsWith('F6') || m.startsWith('G6'))).toBe(false);
    expect(ws.getCell('G6').value).toBe('12月底');
    // The two-paragraph goal gets a taller row than a one-line indicator row.
    expect(ws.getRow(8).height).toBeGreaterThan(3 * ws.getRow(10).height);
  });

  it('merges table 16’s two consecutive 时效指标 rows and keeps its long description whole', async () => {
    const wb = await load(await renderXlsx(fixtureSection([{ number: 16, table: TABLE_16, isDraft: false }])));
    const ws = wb.worksheets[0]!;
    expectCells(ws, TABLE_16, 3);
    expect(mergesOf(ws)).toEqual(expect.arrayContaining(['A10:A14', 'A15:A18', 'B12:B13']));
    expect(ws.getCell('D16').value).toBe('提供长期稳定服务 系统建成能够长期稳定保障办公系统正常运行，保障业务工作正常运转。');
    expect(ws.getRow(16).height).toBeGreaterThan(ws.getRow(10).height);
  });

  it('writes a section of four tables, a 100-row one among them, with headings, names and print set-up', async () => {
    const long = longTable(100);
    const section = fixtureSection([
      { number: 1, table: TABLE_1, isDraft: false },
      { number: 13, table: TABLE_13, isDraft: false },
      { number: 16, table: TABLE_16, isDraft: true },
      { number: 24, table: long, isDraft: false },
    ]);
    const buf = await renderXlsx(section);
    const wb = await load(buf);
    const breaks = await pageStartsOf(buf);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['1、2024 调解仲裁和信访慰问业务经费', '13、2024 年度人事人才服务和社保体系工作经费', '16、2024 年度网上办公系统保障与安全维护服务费', '24、100 行指标的测试项目']);
    const [first, second, third, fourth] = wb.worksheets;
    expect(first!.getCell('A1').value).toBe(SECTION_TITLE);
    expect(first!.getCell('A2').value).toBe('1、2024 调解仲裁和信访慰问业务经费绩效目标表');
    expectCells(first!, TABLE_1, 4);
    expectCells(second!, TABLE_13, 3);
    expect(third!.getCell('A1').value).toBe('16、2024 年度网上办公系统保障与安全维护服务费绩效目标表（草稿）');
    expectCells(fourth!, long, 3, breaks[3]);
    expect(first!.pageSetup.printTitlesRow).toBe('10:10');
    for (const ws of [second!, third!, fourth!]) expect(ws.pageSetup.printTitlesRow).toBe('9:9');
    for (const ws of wb.worksheets) {
      expect(ws.pageSetup).toMatchObject({ paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
      expect(ws.getCell('C9').font?.name).toBe('宋体');
    }
    // Only the 100-row table needs more than a page; it breaks between indicator rows, every page
    // (header row repeated) within the page height.
    expect(breaks.slice(0, 3)).toEqual([[], [], []]);
    const starts = breaks[3]!;
    expect(starts.length).toBeGreaterThanOrEqual(2);
    const height = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => fourth!.getRow(from + k).height).reduce((a, b) => a + b, 0);
    [1, ...starts].forEach((from, k) => {
      const to = starts[k] ?? 10 + long.indicators.length;
      expect(from === 1 || from > 10).toBe(true);
      expect(height(from, to) + (from === 1 ? 0 : fourth!.getRow(9).height)).toBeLessThanOrEqual(PAGE_ROWS_HEIGHT);
    });
    // Level cells merge over each run of equal values, split where a page starts.
    const expected: string[] = [];
    for (const [col, key] of [['A', (i: number) => long.indicators[i]!.level1], ['B', (i: number) => `${long.indicators[i]!.level1}/${long.indicators[i]!.level2}`]] as const) {
      for (let i = 0; i < long.indicators.length; ) {
        let j = i;
        while (j + 1 < long.indicators.length && key(j + 1) === key(i) && !starts.includes(10 + j + 1)) j++;
        if (j > i) expected.push(`${col}${10 + i}:${col}${10 + j}`);
        i = j + 1;
      }
    }
    expect(mergesOf(fourth!).filter((m) => /^[AB]\d/.test(m) && Number(m.slice(1).split(':')[0]) >= 10)).toEqual(expected.sort());
    expect(fourth!.getRow(10 + 3).height).toBeGreaterThan(fourth!.getRow(10).height);
  });

  it('lists the projects on a cover whose 合计 is the exact sum and whose 差额 is against 项目支出', async () => {
    const cents = (total: string): TargetTable => ({ ...TABLE_16, code: `C${total}`, budget: { total, fiscal: total, other: null } });
    const tables = [TABLE_1, TABLE_13, TABLE_16, cents('0.10'), cents('0.20'), cents('1234567.89')];
    for (const [expenditure, difference] of [['1234783.19', '0.00'], ['1234783.00', '0.19'], ['1234800.00', '-16.81']] as const) {
      const wb = await load(await renderXlsx(fixtureSection(tables, { includeCover: true, projectExpenditure: expenditure })));
      const cover = wb.worksheets[0]!;
      expect(cover.name).toBe('项目清单');
      expect(wb.worksheets).toHaveLength(7);
      expect(['A3', 'B3', 'C3', 'D3'].map((a) => cover.getCell(a).value)).toEqual(['序号', '项目编码', '项目名称', '预算数']);
      tables.forEach((t, i) => expect([cover.getCell(4 + i, 2).value, displayedText(cover.getCell(4 + i, 4))]).toEqual([t.code, t.budget.total]));
      expect([cover.getCell('A10').value, displayedText(cover.getCell('D10'))]).toEqual(['合计', '1234783.19']);
      // The amounts read back sum to the 合计 (to the cent: they are 0.00-formatted numbers).
      const sum = tables.reduce((acc, _t, i) => acc + (cover.getCell(4 + i, 4).value as number), 0);
      expect([sum.toFixed(2), cover.getCell('D10').formula]).toEqual(['1234783.19', 'SUM(D4:D9)']);
      expect([cover.getCell('D11').value, displayedText(cover.getCell('D11'))]).toEqual([Number(expenditure), expenditure]);
      // exceljs reads a cached 0 back as no result; the formula's cells give it then.
      const gap = cellNumberOrText(cover.getCell('D12')) ?? (cellNumberOrText(cover.getCell('D10')) as number) - Number(expenditure);
      expect([cover.getCell('D12').formula, (gap as number).toFixed(2)]).toEqual(['D10-D11', difference === '0.00' ? '0.00' : difference]);
      expect(cover.getCell('A13').value).toMatch(/^本清单只含已审核的表，未审核的表（草稿）不计入合计。/);
    }
  });

  it('stamps every zip entry with the same fixed time, so the same data gives the same bytes', async () => {
    const zip = await JSZip.loadAsync(await renderXlsx(fixtureSection([TABLE_1, TABLE_13], { includeCover: true })));
    const entries = Object.values(zip.files).filter((f) => !f.dir);
    expect(entries.map((f) => f.name)).toContain('xl/theme/theme1.xml');
    for (const f of entries) expect([f.name, f.date.getUTCFullYear()]).toEqual([f.name, 1980]);
  });
});
