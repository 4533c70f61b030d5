/** The monitoring table (项目支出绩效目标执行监控表) as XLSX: one sheet per report. Data in, bytes out. */
import type ExcelJS from 'exceljs';
import type { ReportSheet } from '@/lib/monitoring/export-model';
import { stableWorkbook } from './xlsx-writer';

const FILL: Record<string, string> = { red: 'FFF4C7C3', yellow: 'FFFFF2CC', green: 'FFD9EAD3', blue: 'FFCFE2F3' };
const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const COLUMNS = 11;

function lightCell(cell: ExcelJS.Cell, light: string, word: string): void {
  cell.value = word;
  const fill = FILL[light];
  if (fill) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
}

function writeSheet(ws: ExcelJS.Worksheet, s: ReportSheet): void {
  ws.columns = [10, 12, 18, 12, 14, 8, 10, 14, 22, 12, 10, 12].map((width) => ({ width }));
  const add = (values: (string | null)[], opts: { bold?: boolean } = {}) => {
    const row = ws.addRow(values);
    row.eachCell({ includeEmpty: true }, (c, n) => {
      if (n > COLUMNS + 1) return;
      c.border = BORDER;
      c.alignment = { wrapText: true, vertical: 'top' };
      if (opts.bold) c.font = { bold: true };
    });
    return row;
  };
  const title = ws.addRow([`项目支出绩效目标执行监控表（${s.year} 年 1–${s.month}月）`]);
  ws.mergeCells(title.number, 1, title.number, COLUMNS);
  title.getCell(1).font = { bold: true, size: 14 };
  title.getCell(1).alignment = { horizontal: 'center' };
  add(['项目名称', s.name, null, '项目编码', s.code, null, '实施单位', s.unitName, null, '本表预警', s.lightWord]);
  lightCell(ws.lastRow!.getCell(11), s.light, s.lightWord);
  add(['项目资金（万元）', '年初预算数', '全年预算数', `1–${s.month}月执行数`, `1–${s.month}月执行率`, '序时进度', '全年预计执行数', '资金预警', '执行进度'], { bold: true });
  const f = s.funds;
  add(['年度资金总额', f.initial, f.budget, f.executed, f.rate, f.pace, f.forecast, f.lightWord, f.progress]);
  lightCell(ws.lastRow!.getCell(8), f.light, f.lightWord);
  add(['全年预期目标', s.goal, null, null, null, '目标实际累计完成情况', s.goalProgress]);
  // An adjusted table prints 调整后 in 年度指标值 and 调整前 in a column of its own after 备注.
  const head = ['一级指标', '二级指标', '三级指标', s.isAdjusted ? '年度指标值（调整后）' : '年度指标值', `1–${s.month}月执行情况`, '预警', '执行进度', '全年预计完成情况', '偏差原因分析', '完成目标可能性', '备注'];
  add(s.isAdjusted ? [...head, '调整前指标值'] : head, { bold: true });
  for (const r of s.rows) {
    const values = [r.level1, r.level2, r.name, r.value, r.actual, r.lightWord, r.progress, r.forecast, r.reasons, r.likelihood, r.note];
    add(s.isAdjusted ? [...values, r.originalValue ?? r.value] : values);
    lightCell(ws.lastRow!.getCell(6), r.light, r.lightWord);
  }
  add(['偏差情况及存在问题', s.analysis]);
  add(['是否需要整改', s.needsRectification ? '是' : '否', '整改措施', s.rectification]);
  add(['状态', s.status]);
}

/** Sheet names are at most 31 characters and unique; the project code is both. */
function sheetName(s: ReportSheet, i: number): string {
  return `${i + 1} ${s.code}`.slice(0, 31).replace(/[\\/?*[\]:]/g, '_');
}

export async function monitoringXlsx(sheets: readonly ReportSheet[]): Promise<Buffer> {
  const wb = stableWorkbook();
  wb.created = new Date(Date.UTC(2000, 0, 1));
  wb.modified = wb.created;
  sheets.forEach((s, i) => writeSheet(wb.addWorksheet(sheetName(s, i), { pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } }), s));
  if (sheets.length === 0) wb.addWorksheet('监控表');
  return Buffer.from(await wb.xlsx.writeBuffer());
}
