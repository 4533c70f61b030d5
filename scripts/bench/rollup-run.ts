/**
 * The department roll-up bench (scripts/bench/rollup.ts) as a part of `npm run bench`: run in a child
 * process, because it opens its own database (a temporary SQLite file, or the PostgreSQL URL given),
 * and read back as a target: issue 18 asks p95 < 200 ms for 300 units / 30,000 tables.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import type { Target } from './report';
import { ms, printTable } from './stats';

export type RollupFigures = { units: number; tables: number; p50: number; p95: number; sortedP95: number; actorP95: number };

export const ROLLUP_P95_LIMIT_MS = 200;

export function rollupBench(quick: boolean, databaseUrl?: string): RollupFigures {
  const tsx = path.join('node_modules', '.bin', 'tsx');
  const args = ['scripts/bench/rollup.ts', '--units', quick ? '30' : '300', '--per-unit', '100'];
  const env = { ...process.env };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  const r = spawnSync(tsx, args, { env, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  const line = r.stdout.split('\n').find((l) => l.startsWith('ROLLUP_FIGURES '));
  if (r.status !== 0 || !line) throw new Error(`部门汇总基准测试失败：${r.stderr.slice(-500) || r.stdout.slice(-500)}`);
  return JSON.parse(line.slice('ROLLUP_FIGURES '.length)) as RollupFigures;
}

export function printRollup(f: RollupFigures): void {
  console.log(`\n部门汇总（进程内；审核人的角色在部门上，${f.units} 个单位 / ${f.tables} 张表）`);
  printTable([
    { 项目: '汇总页数据', p50: ms(f.p50), p95: ms(f.p95) },
    { 项目: '筛选并排序', p50: '', p95: ms(f.sortedP95) },
    { 项目: '登录身份（actorOf）', p50: '', p95: ms(f.actorP95) },
  ]);
}

export function rollupTarget(f: RollupFigures): Target {
  return { name: `部门汇总 p95（${f.units} 个单位 / ${f.tables} 张表）`, value: Number(f.p95.toFixed(1)), limit: ROLLUP_P95_LIMIT_MS, pass: f.p95 < ROLLUP_P95_LIMIT_MS, unit: 'ms' };
}
