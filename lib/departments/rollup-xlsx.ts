/** The roll-up overview as an XLSX sheet: one row per unit-year, as the page shows it. */
import type ExcelJS from 'exceljs';
import { isFormulaLike } from '@/lib/domain/formula-text';
import { formatWanyuan } from '@/lib/domain/money';
import { DEADLINE_LABELS } from '@/lib/domain/rollup';
import { installQuotePrefix } from '@/lib/export/xlsx-quote-prefix';
import { stableWorkbook } from '@/lib/export/xlsx-writer';
import type { Rollup } from './rollup';

const HEADER = ['单位编码', '单位名称', '年度', '表数', '草稿', '已提交', '已退回', '已审核', '审核进度', '项目预算合计（万元）', '项目支出（万元）', '差额（万元）', '编报截止日期', '截止状态'];

const wan = (yuan: number | null) => (yuan === null ? null : Number(formatWanyuan(yuan).replace(/,/g, '')));

export async function rollupXlsx(r: Rollup): Promise<Uint8Array> {
  installQuotePrefix();
  const wb = stableWorkbook();
  const ws = wb.addWorksheet('汇总');
  ws.addRow([`${r.unit.code} ${r.unit.name} ${r.year ?? ''} 年度编报进度`]).font = { bold: true };
  const header = ws.addRow(HEADER);
  header.font = { bold: true };
  for (const row of r.rows) {
    const added = ws.addRow([
      row.unitCode,
      row.unitName,
      row.year,
      row.tables,
      row.byStatus.draft,
      row.byStatus.submitted,
      row.byStatus.returned,
      row.byStatus.approved,
      row.progress,
      wan(row.budgetYuan),
      wan(row.projectExpenditureYuan),
      wan(row.differenceYuan),
      row.dueOn ?? '',
      DEADLINE_LABELS[row.deadline],
    ]);
    added.getCell(9).numFmt = '0%';
    for (const c of [10, 11, 12]) added.getCell(c).numFmt = '0.00';
    // A name that reads as a formula stays text in Excel and WPS.
    if (isFormulaLike(row.unitName)) added.getCell(2).style = { ...added.getCell(2).style, quotePrefix: true } as Partial<ExcelJS.Style>;
  }
  ws.columns.forEach((c, i) => (c.width = i === 1 ? 36 : 12));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
