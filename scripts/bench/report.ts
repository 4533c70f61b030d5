/** The benchmark's printed report: the figures by area, then every target with pass or miss. */
import type { ExportBench } from './export-core';
import type { HttpExportFigure } from './export-http';
import type { MonitoringResults } from './monitoring-http';
import type { LoadResult } from './save';
import type { ListFigure } from './scale';
import { ms, printTable } from './stats';

export type Target = { name: string; value: number; limit: number; pass: boolean; unit: string };

type Printed = {
  list: (ListFigure & { databaseProjects: number; synthSeconds: number })[];
  exports: HttpExportFigure[];
  exportInProcess: ExportBench;
  save: { connections: number; onOwnPage?: boolean; real: LoadResult; floor: LoadResult; ratioP50: number }[];
  editorPage: { p50: number; p95: number };
  healthPage: { p50: number; p95: number };
  /** Absent in a --sqlite-json file from before the monitoring step. */
  monitoring?: MonitoringResults;
  memory: { afterWarmupMb: number; afterListMb: number; afterExportsMb: number; afterRunMb: number; peakMb: number };
  parse: { mbPerSecond: number; bytes: number };
  seconds: number;
};

const mb = (n: number) => `${n.toFixed(0)} MB`;

export function report(r: Printed, targets: Target[]): void {
  console.log('\n列表（管理员；搜索“年度”+ 状态“已审核”+ 按预算数排序，一页）');
  printTable(
    r.list.map((l) => ({
      库中项目数: l.databaseProjects,
      单位年度: `${l.unitCode}（${l.unitYearProjects} 张）${l.options === 1 ? '，只看本单位的用户' : ''}`,
      年度选项: l.options,
      p50: ms(l.p50),
      p95: ms(l.p95),
      页面大小: `${(l.bytes / 1024).toFixed(0)} KB`,
    })),
  );
  console.log('\n导出（HTTP 下载，含草稿；下限 = 同样的单元格用 exceljs 直接写）');
  printTable(
    r.exports.flatMap((e) => [
      { 表数: e.tables, 格式: 'XLSX', p50: ms(e.xlsx.p50), p95: ms(e.xlsx.p95), 每表: ms(e.xlsx.p50 / e.tables), '与下限之比': `${(e.xlsx.p50 / e.floor.p50).toFixed(2)} 倍`, 服务器峰值内存: mb(e.xlsx.peakRssMb) },
      { 表数: e.tables, 格式: 'PDF', p50: ms(e.pdf.p50), p95: ms(e.pdf.p95), 每表: ms(e.pdf.p50 / e.tables), '与下限之比': '', 服务器峰值内存: mb(e.pdf.peakRssMb) },
      { 表数: e.tables, 格式: 'exceljs 下限', p50: ms(e.floor.p50), p95: ms(e.floor.p95), 每表: ms(e.floor.p50 / e.tables), '与下限之比': '', 服务器峰值内存: '' },
    ]),
  );
  const x = r.exportInProcess;
  console.log(`进程内 23 张表：XLSX ${ms(x.xlsx23.p50)}，exceljs 下限 ${ms(x.floor23.p50)}，PDF ${ms(x.pdf23.p50)}`);
  console.log('\n保存（autocannon，每个请求都是真正生效的保存）');
  printTable(
    r.save.map((s) => ({
      并发: s.connections,
      提交到: s.onOwnPage ? '各自所在页（如浏览器）' : '/projects（Next 转发）',
      '保存 p50': ms(s.real.p50),
      '保存 p95': ms(s.real.p95),
      '空操作 p50': ms(s.floor.p50),
      倍数: `${s.ratioP50.toFixed(2)} 倍`,
      '保存/秒': s.real.rps.toFixed(0),
      错误: s.real.errors + s.real.non2xx + s.real.rejected,
    })),
  );
  const mon = r.monitoring;
  if (mon) console.log(`\n监控看板（${mon.seed.reports} 张监控表，${mon.seed.rounds} 个批次；数据函数在进程内，页面经 HTTP）`);
  if (mon) printTable([
    ...mon.figures.map((f) => ({ 视图: `数据函数 · ${f.label}`, p50: ms(f.p50), p95: ms(f.p95) })),
    ...mon.pages.map((p) => ({ 视图: `页面 · ${p.label}`, p50: ms(p.p50), p95: ms(p.p95) })),
  ]);
  console.log(`\n编辑页（20 行）p50 ${ms(r.editorPage.p50)}，p95 ${ms(r.editorPage.p95)}；/health p50 ${ms(r.healthPage.p50)}，p95 ${ms(r.healthPage.p95)}`);
  const m = r.memory;
  console.log(`服务器内存：1,000 张时预热后 ${mb(m.afterWarmupMb)}；100,000 张列表之后 ${mb(m.afterListMb)}；导出之后 ${mb(m.afterExportsMb)}；再经保存压测之后 ${mb(m.afterRunMb)}；该进程峰值 ${mb(m.peakMb)}`);
  console.log(`解析：${(r.parse.bytes / 1024 / 1024).toFixed(1)} MB，${r.parse.mbPerSecond.toFixed(1)} MB/s。用时 ${r.seconds.toFixed(0)} s\n`);
  printTable(
    targets.map((t) => ({ 指标: t.name, 结果: `${t.value} ${t.unit}`, 目标: `${t.unit === 'MB/s' ? '≥' : '≤'} ${t.limit} ${t.unit}`, 是否达标: t.pass ? '达标' : '未达标' })),
  );
  // Not a target of its own (the target is measured as above), but shown beside it: without
  // Next's forward the no-op's floor is a fraction, and the ratio several times higher.
  const own = r.save.find((s) => s.onOwnPage);
  if (own) console.log(`参考：两个操作各自提交到所在页（如浏览器，无转发）时，并发 8 保存 p50 ${ms(own.real.p50)} / 空操作 p50 ${ms(own.floor.p50)} = ${own.ratioP50.toFixed(2)} 倍（见 docs/performance.md）`);
}
