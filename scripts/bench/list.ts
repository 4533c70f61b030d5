/**
 * Project list at scale: server time of the list page's data (search + filter + one page) for one
 * unit-year, with 1,000, 10,000 and 100,000 projects in the database. Prints the median and p95.
 * Usage: npx tsx scripts/bench/list.ts [--max 100000]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useDatabase } from '@/db/client';
import { listUnitYearOptions } from '@/db/queries/units';
import { ensureBaseData, systemActor } from '@/lib/setup/bootstrap';
import { synthesize } from '@/lib/setup/synth';
import { projectListPage } from '@/lib/projects/list';
import { ms, printTable, time } from './stats';

async function main(): Promise<void> {
  const maxArg = process.argv.indexOf('--max');
  const max = maxArg > 0 ? Number(process.argv[maxArg + 1]) : 100_000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-bench-list-'));
  useDatabase(path.join(dir, 'bench.db'));
  await ensureBaseData();
  const actor = systemActor();
  const rows: Record<string, string | number>[] = [];
  let total = 0;
  for (const target of [1_000, 10_000, 100_000].filter((n) => n <= max)) {
    const t0 = Date.now();
    synthesize({ projects: target - total, perUnit: 200, year: 2024, seed: target }, actor.id);
    total = target;
    const synthSeconds = (Date.now() - t0) / 1000;
    const uy = listUnitYearOptions(null)[0]!.id;
    const cases: [string, Record<string, string>][] = [
      ['第一页', { uy: String(uy) }],
      ['搜索+筛选+一页', { uy: String(uy), q: '社保', status: 'approved', sort: 'total', dir: 'desc' }],
      ['按编码搜索', { uy: String(uy), q: 'P0000000012' }],
    ];
    for (const [label, params] of cases) {
      const t = await time(200, () => projectListPage(actor, params));
      rows.push({ 项目总数: target, 查询: label, p50: ms(t.p50), p95: ms(t.p95), 生成用时: `${synthSeconds.toFixed(1)} s` });
    }
  }
  // The extreme: every project of the database in one unit-year, so search scans them all.
  if (max >= 100_000) {
    synthesize({ projects: 100_000, perUnit: 100_000, year: 2025, seed: 7 }, actor.id);
    const big = listUnitYearOptions(null).find((o) => o.year === 2025)!.id;
    for (const [label, params] of [
      ['第一页', { uy: String(big) }],
      ['搜索+筛选+一页', { uy: String(big), q: '社保', status: 'approved', sort: 'total', dir: 'desc' }],
    ] as const) {
      const t = await time(50, () => projectListPage(actor, params), 5);
      rows.push({ 项目总数: '单一年度 100000', 查询: label, p50: ms(t.p50), p95: ms(t.p95), 生成用时: '' });
    }
  }
  printTable(rows);
  console.log(`\n数据库：${dir}（可删除）。目标：100,000 张表时“搜索+筛选+一页”的中位数 < 150 ms。`);
}

void main();
