/**
 * Export speed: the 23-table reference section to XLSX (target < 300 ms, ≤ 1.5× writing the same cells
 * with exceljs directly) and PDF (< 1 s), warm; and 250/500/1,000-table sections with peak memory.
 */
import { exportBench } from './export-core';
import { ms, printTable } from './stats';

async function main(): Promise<void> {
  const r = await exportBench(process.argv.includes('--quick'));
  printTable([
    { 测量: '23 张表 → XLSX', 中位数: ms(r.xlsx23.p50), p95: ms(r.xlsx23.p95), 目标: '< 300 ms' },
    { 测量: '同样的单元格直接用 exceljs 写（下限）', 中位数: ms(r.floor23.p50), p95: ms(r.floor23.p95), 目标: '' },
    { 测量: 'XLSX / 下限', 中位数: `${(r.xlsx23.p50 / r.floor23.p50).toFixed(2)} 倍`, p95: '', 目标: '≤ 1.5 倍' },
    { 测量: '23 张表 → PDF', 中位数: ms(r.pdf23.p50), p95: ms(r.pdf23.p95), 目标: '< 1 s' },
  ]);
  console.log('');
  printTable(
    r.large.map((l) => ({
      表数: l.tables,
      XLSX: ms(l.xlsxMs),
      PDF: ms(l.pdfMs),
      '每表 XLSX': ms(l.xlsxMs / l.tables),
      '每表 PDF': ms(l.pdfMs / l.tables),
      峰值内存: `${l.peakRssMb.toFixed(0)} MB`,
    })),
  );
}

void main();
