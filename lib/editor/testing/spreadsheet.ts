/**
 * A real spreadsheet for paste tests: an XLSX written with exceljs the way the published grid looks
 * (一级/二级 merged down), read back and turned into the text a spreadsheet puts on the clipboard.
 */
import ExcelJS from 'exceljs';

export const SPREADSHEET_ROWS: (string | number)[][] = [
  ['一级指标', '二级指标', '三级指标', '绩效指标描述', '指标值', '指标值确定依据'],
  ['产出指标', '数量指标', '培训人次', '全年培训人次', '≥ 500 人次', '年度工作计划'],
  ['', '', '发放证书数量', '发放职业资格证书', '300', '年度工作计划'],
  ['', '质量指标', '培训合格率', '考核合格人数\n占参训人数比例', 0.95, '行业标准'],
  ['', '时效指标', '完成时间', '年内完成', '12 月 20 日前完成', '工作计划'],
  ['', '成本指标', '总成本控制', '项目总成本', '≤10万元', '预算批复'],
  ['效益指标', '经济效益指标', '无经济效益指标', '无经济效益指标', '无经济效益指标', '无经济效益指标'],
  ['', '社会效益指标', '就业率提升', '参训人员就业情况', '有效提升', '历史标准'],
  ['满意度指标', '服务对象满意度指标', '服务对象满意度', '参训人员对培训的满意度', '≥90%', '问卷调查'],
];

export async function spreadsheetBytes(): Promise<ArrayBuffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('绩效指标');
  for (const r of SPREADSHEET_ROWS) ws.addRow(r);
  ws.getCell('E4').numFmt = '0%';
  ws.mergeCells('A2:A6');
  ws.mergeCells('B2:B3');
  ws.mergeCells('A7:A8');
  return (await wb.xlsx.writeBuffer()) as ArrayBuffer;
}

/** The cells as a spreadsheet shows them: formatted numbers, a merged range's value in its first cell only. */
export async function cellsOf(bytes: ArrayBuffer, first = 1, last?: number): Promise<string[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  const sheet = wb.worksheets[0]!;
  const out: string[][] = [];
  for (let r = first; r <= (last ?? sheet.rowCount); r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= 6; c++) {
      const cell = row.getCell(c);
      const shown = typeof cell.value === 'number' && /%/.test(cell.numFmt ?? '') ? `${Math.round(cell.value * 10000) / 100}%` : cell.text;
      cells.push(cell.isMerged && cell.master.address !== cell.address ? '' : shown);
    }
    out.push(cells);
  }
  return out;
}

/** Clipboard text: tabs between cells, CRLF after rows, quotes around a cell with a tab, line end or quote. */
export function toClipboard(cells: string[][]): string {
  const quote = (c: string) => (/[\t\n"]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  return `${cells.map((r) => r.map(quote).join('\t')).join('\r\n')}\r\n`;
}
