/** The targets every engine is held to (docs/performance.md), from one run's figures. */
import type { ExportBench } from './export-core';
import type { HttpExportFigure } from './export-http';
import type { HttpResults } from './http-run';
import type { Target } from './report';

export function commonTargets(http: HttpResults, inProcess: ExportBench, parse: { mbPerSecond: number }): Target[] {
  const targets: Target[] = [];
  const target = (name: string, value: number, limit: number, unit: string, isAtLeast = false) =>
    targets.push({ name, value: Number(value.toFixed(3)), limit, unit, pass: isAtLeast ? value >= limit : value <= limit });
  const save8 = http.save.find((s) => s.connections === 8 && !s.onOwnPage)!;
  const save32 = http.save.find((s) => s.connections === 32)!;
  // As this target has always been measured: both actions posted to /projects (scripts/bench/save.ts).
  target('保存 p50 / 空操作 p50（并发 8）', save8.ratioP50, 2, '倍');
  target('并发 32 时保存的错误数', save32.real.errors + save32.real.non2xx + save32.real.rejected, 0, '个');
  const ordinary = (n: number) => http.list.find((l) => l.databaseProjects === n && l.label === '普通单位年度')!;
  const growing = http.list.find((l) => l.databaseProjects === 100_000 && l.label === '占全库 10% 的单位年度')!;
  target('列表 p95：库中 100,000 张 / 1,000 张（管理员，普通单位年度）', ordinary(100_000).p95 / ordinary(1_000).p95, 2, '倍');
  target(`列表中位数：${growing.unitYearProjects} 张表的单位年度（库中 100,000 张）`, growing.p50, 150, 'ms');
  target('编辑页 p95（20 行的表）', http.editorPage.p95, 100, 'ms');
  target('XLSX 导出 / exceljs 直写（23 张表，进程内）', inProcess.xlsx23.p50 / inProcess.floor23.p50, 1.5, '倍');
  const [e23, e1000] = http.exports as [HttpExportFigure, HttpExportFigure];
  target('23 张表 XLSX（HTTP 下载）', e23.xlsx.p50, 300, 'ms');
  target('23 张表 PDF（HTTP 下载）', e23.pdf.p50, 1000, 'ms');
  target('1,000 张表导出时服务器内存峰值', Math.max(e1000.xlsx.peakRssMb, e1000.pdf.peakRssMb), 500, 'MB');
  for (const page of http.monitoring.pages) target(`监控看板页 p95：${page.label}（库中 100,000 张，每张一份监控表）`, page.p95, 150, 'ms');
  target('解析吞吐量', parse.mbPerSecond, 5, 'MB/s', true);
  target('服务器内存（10 万张表的列表、导出、保存压测之后，同一进程）', http.memory.afterRunMb, 400, 'MB');
  return targets;
}
