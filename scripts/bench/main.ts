/**
 * `npm run bench [-- --quick] [-- --json FILE] [-- --engine sqlite|postgres|both] [-- --database-url URL]
 * [-- --sqlite-json FILE] [-- --no-build]`: builds (if needed) and starts the production server on a
 * synthetic database grown to 1,000, 10,000 and 100,000 projects, measures what users feel over HTTP,
 * and compares each figure with its target. Every timed page and download is checked (status, content),
 * so a redirect to /login or an error page fails the run instead of being timed.
 *
 * On PostgreSQL (a throwaway cluster with durable settings, see pg-server.ts, or the server of
 * --database-url / PT_TEST_DATABASE_URL) the same is measured, the full run adds the list at
 * 1,000,000 projects, and the figures are printed beside SQLite's with their ratio.
 */
// First: keeps DATABASE_URL from switching this process's own SQLite steps to the PostgreSQL schema.
import { BENCH_DATABASE_URL } from './engine-env';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { actionIds } from '../reliability/http';
import { distDir } from '../reliability/server';
import { PROVINCE_SCALE, postgresTargets, printComparison } from './compare';
import { exportBench, type ExportBench } from './export-core';
import { overHttp, type HttpResults } from './http-run';
import { keystrokeBench, keystrokeTargets } from './keystroke';
import { benchOptions, type BenchOptions } from './options';
import { parseBench } from './parse-core';
import { benchPostgres, type BenchPostgres } from './pg-server';
import { report, type Target } from './report';
import { printRollup, rollupBench, rollupTarget } from './rollup-run';
import { selfEvalBench, selfEvalTarget } from './selfeval';
import { commonTargets } from './targets';

/** The same rule as `npm start`: build when there is no build or the sources are newer. */
function ensureBuild(): void {
  const r = spawnSync(process.execPath, ['scripts/start.mjs', '--build-only'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function machine() {
  const cpus = os.cpus();
  return {
    host: os.hostname(),
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 1024 ** 3),
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    date: new Date().toISOString(),
    loadAverage: os.loadavg().map((n) => Number(n.toFixed(2))),
  };
}

type Pass = { results: HttpResults & { exportInProcess: ExportBench; parse: { mbPerSecond: number; bytes: number }; seconds: number }; targets: Target[] };

/** An earlier SQLite run's --json output (a SQLite-only run, or the sqlite part of a two-engine run). */
function readSqliteRun(file: string): Pass {
  const j = JSON.parse(fs.readFileSync(file, 'utf8')) as { results?: Pass['results']; targets?: Target[]; engines?: { sqlite?: Pass } };
  const pass = j.engines?.sqlite ?? (j.results && j.targets ? { results: j.results, targets: j.targets } : undefined);
  if (!pass) throw new Error(`${file} 不是 SQLite 基准测试的 --json 输出`);
  return pass;
}

async function run(opts: BenchOptions): Promise<void> {
  const started = Date.now();
  if (!opts.isBuildSkipped) ensureBuild();
  const ids = actionIds(distDir());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-bench-'));
  let pg: BenchPostgres | null = null;
  try {
    // In process first, on a fresh heap: after the HTTP part this process holds large documents, and
    // their garbage would be collected during (and charged to) whichever side allocates more.
    const inProcess = await exportBench(opts.quick, false);
    const parse = await parseBench(opts.quick);
    // Issue 15: the unit-year self-evaluation score page's data (average, distribution, a page of rows).
    const selfEval = selfEvalTarget(await selfEvalBench(opts.quick));
    // Issue 16: keystroke-to-paint in Chromium on a 100-row table with the suggestions open; it starts its
    // own server on a throwaway SQLite database, so it belongs to the SQLite pass only.
    const keystroke = opts.engines.includes('sqlite') ? keystrokeTargets(await keystrokeBench()) : [];
    const pass = (http: HttpResults, extra: Target[] = []): Pass => ({
      results: { ...http, exportInProcess: inProcess, parse, seconds: (Date.now() - started) / 1000 },
      targets: [...commonTargets(http, inProcess, parse), selfEval, ...extra],
    });

    if (opts.engines.length === 1 && opts.engines[0] === 'sqlite') {
      const rollup = rollupBench(opts.quick);
      const { results, targets } = pass(await overHttp(opts.quick, ids, path.join(dir, 'bench.db')), [rollupTarget(rollup), ...keystroke]);
      printRollup(rollup);
      report(results, targets);
      if (opts.jsonFile) fs.writeFileSync(opts.jsonFile, `${JSON.stringify({ machine: machine(), quick: opts.quick, results, targets }, null, 2)}\n`);
      process.exitCode = targets.every((t) => t.pass) ? 0 : 1;
      return;
    }

    let lite: Pass | null = null;
    const liteRollup = opts.engines.includes('sqlite') ? rollupBench(opts.quick) : null;
    if (liteRollup) lite = pass(await overHttp(opts.quick, ids, path.join(dir, 'bench.db')), [rollupTarget(liteRollup), ...keystroke]);
    else if (opts.sqliteJson) lite = readSqliteRun(opts.sqliteJson);
    pg = await benchPostgres(opts.databaseUrl);
    const running = pg;
    // Ctrl-C must not leave a cluster running behind (stopping it is synchronous).
    process.once('SIGINT', () => {
      void running.stop();
      process.exit(130);
    });
    console.log(`PostgreSQL：${pg.where}；${pg.settings}`);
    const pgRollup = rollupBench(opts.quick, await pg.database('pt_bench_rollup'));
    const url = await pg.database('pt_bench');
    const pgHttp = await overHttp(opts.quick, ids, url, opts.quick ? [] : [PROVINCE_SCALE]);
    const postgres = pass(pgHttp, [...postgresTargets(pgHttp, lite?.results ?? null), rollupTarget(pgRollup)]);

    if (lite) {
      console.log(`\n======== SQLite${opts.sqliteJson ? `（取自 ${opts.sqliteJson}）` : ''} ========`);
      if (liteRollup) printRollup(liteRollup);
      report(lite.results, lite.targets);
    }
    console.log('\n======== PostgreSQL ========');
    printRollup(pgRollup);
    report(postgres.results, postgres.targets);
    if (lite) printComparison(lite.results, postgres.results);
    if (opts.jsonFile) {
      const engines = { ...(lite ? { sqlite: lite } : {}), postgres };
      fs.writeFileSync(opts.jsonFile, `${JSON.stringify({ machine: machine(), quick: opts.quick, postgresSettings: pg.settings, engines }, null, 2)}\n`);
    }
    process.exitCode = [...(lite?.targets ?? []), ...postgres.targets].every((t) => t.pass) ? 0 : 1;
  } finally {
    await pg?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  let opts: BenchOptions;
  try {
    opts = benchOptions(process.argv.slice(2), { ...process.env, DATABASE_URL: BENCH_DATABASE_URL });
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
    return;
  }
  await run(opts);
}

void main().catch((error: unknown) => {
  console.error(`基准测试中止：${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
