/**
 * PostgreSQL beside SQLite: the ratio of the figures the issue names (save p50, list p95, the 23-table
 * XLSX download) and the targets that only exist on PostgreSQL.
 */
import type { HttpResults } from './http-run';
import type { Target } from './report';
import { ms, printTable } from './stats';

export const PROVINCE_SCALE = 1_000_000;
export const ORDINARY_LABEL = '普通单位年度';

type Row = { 指标: string; SQLite: string; PostgreSQL: string; 'PostgreSQL/SQLite': string };

const ratio = (pg: number, lite: number) => `${(pg / lite).toFixed(2)} 倍`;

/** The 23-table XLSX download (the first export of a run). */
export const xlsx23 = (r: HttpResults) => r.exports[0]!.xlsx.p50;

export function printComparison(lite: HttpResults, pg: HttpResults): void {
  const rows: Row[] = [];
  for (const s of pg.save) {
    const l = lite.save.find((x) => x.connections === s.connections && Boolean(x.onOwnPage) === Boolean(s.onOwnPage));
    if (l) rows.push({ 指标: `保存 p50（并发 ${s.connections}${s.onOwnPage ? '，各自所在页' : ''}）`, SQLite: ms(l.real.p50), PostgreSQL: ms(s.real.p50), 'PostgreSQL/SQLite': ratio(s.real.p50, l.real.p50) });
  }
  for (const p of pg.list.filter((x) => x.label === ORDINARY_LABEL)) {
    const l = lite.list.find((x) => x.label === ORDINARY_LABEL && x.databaseProjects === p.databaseProjects);
    rows.push({ 指标: `列表 p95（库中 ${p.databaseProjects.toLocaleString('en')} 张，普通单位年度）`, SQLite: l ? ms(l.p95) : '—', PostgreSQL: ms(p.p95), 'PostgreSQL/SQLite': l ? ratio(p.p95, l.p95) : '—' });
  }
  const [pe, le] = [pg.exports[0]!, lite.exports[0]!];
  rows.push({ 指标: '23 张表 XLSX（HTTP 下载）p50', SQLite: ms(le.xlsx.p50), PostgreSQL: ms(pe.xlsx.p50), 'PostgreSQL/SQLite': ratio(pe.xlsx.p50, le.xlsx.p50) });
  // The floor is CPU work in the benchmark's own process, timed in the same run: dividing by it takes
  // out most of what other load on the machine did to either run.
  rows.push({ 指标: '23 张表 XLSX ÷ 同次运行的 exceljs 下限', SQLite: `${(le.xlsx.p50 / le.floor.p50).toFixed(2)} 倍`, PostgreSQL: `${(pe.xlsx.p50 / pe.floor.p50).toFixed(2)} 倍`, 'PostgreSQL/SQLite': ratio(pe.xlsx.p50 / pe.floor.p50, le.xlsx.p50 / le.floor.p50) });
  rows.push({ 指标: '23 张表 PDF（HTTP 下载）p50', SQLite: ms(le.pdf.p50), PostgreSQL: ms(pe.pdf.p50), 'PostgreSQL/SQLite': ratio(pe.pdf.p50, le.pdf.p50) });
  const [p1k, l1k] = [pg.exports[1]!, lite.exports[1]!];
  rows.push({ 指标: '1,000 张表 XLSX（HTTP 下载）p50', SQLite: ms(l1k.xlsx.p50), PostgreSQL: ms(p1k.xlsx.p50), 'PostgreSQL/SQLite': ratio(p1k.xlsx.p50, l1k.xlsx.p50) });
  console.log('\nPostgreSQL 与 SQLite 之比');
  printTable(rows);
}

/** The targets of the issue that only PostgreSQL has: province scale, and the export beside SQLite's. */
export function postgresTargets(pg: HttpResults, lite: HttpResults | null): Target[] {
  const targets: Target[] = [];
  const add = (name: string, value: number, limit: number, unit: string) => targets.push({ name, value: Number(value.toFixed(3)), limit, unit, pass: value <= limit });
  const ordinary = (n: number) => pg.list.find((l) => l.databaseProjects === n && l.label === ORDINARY_LABEL);
  const province = ordinary(PROVINCE_SCALE);
  if (province) add('列表 p95：库中 1,000,000 张 / 1,000 张（PostgreSQL，管理员，普通单位年度）', province.p95 / ordinary(1_000)!.p95, 2, '倍');
  if (lite) add('23 张表 XLSX（HTTP 下载）PostgreSQL / SQLite', xlsx23(pg) / xlsx23(lite), 1.5, '倍');
  return targets;
}
