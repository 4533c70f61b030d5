/**
 * Project list at scale, in process: the server time of the list page's data (unit-year options,
 * summary, search + status filter + sort, one page) for the administrator, who sees every unit. The
 * database grows to 1,000, 10,000 and 100,000 projects like `npm run bench` grows it: ordinary
 * unit-years of 100 tables plus one holding 10% of the database. Prints the median and p95 of both.
 * Usage: npx tsx scripts/bench/list.ts [--max 100000] [--extreme]
 *   --extreme: afterwards, 100,000 more projects in a single unit-year (every search scans them all).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { useDatabase } from '@/db/client';
import { listUnitYearOptions } from '@/db/queries/units';
import { ensureBaseData, systemActor } from '@/lib/setup/bootstrap';
import { synthesize } from '@/lib/setup/synth';
import { projectListPage } from '@/lib/projects/list';
import { GROWING_SHARE, ORDINARY_PER_UNIT } from './scale';
import { ms, printTable, time } from './stats';

const SEARCH = { q: '年度', status: 'approved', sort: 'total', dir: 'desc' };

async function main(): Promise<void> {
  const maxArg = process.argv.indexOf('--max');
  const max = maxArg > 0 ? Number(process.argv[maxArg + 1]) : 100_000;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-bench-list-'));
  try {
    await useDatabase(process.env.DATABASE_URL ?? path.join(dir, 'bench.db'));
    await ensureBaseData();
    const actor = await systemActor();
    const rows: Record<string, string | number>[] = [];
    let have = 0;
    let ordinaryCode = '';
    for (const size of [1_000, 10_000, 100_000].filter((n) => n <= max)) {
      const t0 = Date.now();
      const growing = Math.round(size * GROWING_SHARE);
      const ordinary = await synthesize({ projects: size - have - growing, perUnit: ORDINARY_PER_UNIT, year: 2024, seed: size }, actor.id);
      ordinaryCode ||= ordinary.firstUnitCode;
      const big = await synthesize({ projects: growing, perUnit: growing, year: 2024, seed: size + 1 }, actor.id);
      have = size;
      const options = await listUnitYearOptions(null);
      const synthSeconds = ((Date.now() - t0) / 1000).toFixed(1);
      for (const [label, code, count] of [['普通', ordinaryCode, ORDINARY_PER_UNIT], ['占全库 10%', big.firstUnitCode, growing]] as const) {
        const uy = String(options.find((o) => o.unitCode === code)!.id);
        const t = await time(200, () => projectListPage(actor, { uy, ...SEARCH }));
        const page = await projectListPage(actor, { uy, ...SEARCH });
        if (page.total === 0 || page.unitYearCount !== options.length) throw new Error(`list of ${code} is empty or miscounts the unit-years`);
        rows.push({ 库中项目数: size, 单位年度: `${label}（${count} 张）`, 年度选项: options.length, p50: ms(t.p50), p95: ms(t.p95), 生成用时: `${synthSeconds} s` });
      }
    }
    if (process.argv.includes('--extreme')) {
      const extreme = await synthesize({ projects: 100_000, perUnit: 100_000, year: 2025, seed: 7 }, actor.id);
      const uy = String((await listUnitYearOptions(null)).find((o) => o.unitCode === extreme.firstUnitCode)!.id);
      const t = await time(50, () => projectListPage(actor, { uy, ...SEARCH }), 5);
      rows.push({ 库中项目数: have + 100_000, 单位年度: '单一年度（100000 张）', 年度选项: (await listUnitYearOptions(null)).length, p50: ms(t.p50), p95: ms(t.p95), 生成用时: '' });
    }
    printTable(rows);
    console.log('\n目标：库中 100,000 张表时，“搜索+筛选+一页”的服务器用时中位数 < 150 ms。');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main();
