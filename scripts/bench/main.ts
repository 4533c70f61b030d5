/**
 * `npm run bench [-- --quick] [-- --json FILE]`: builds (if needed) and starts the production server on
 * a synthetic database, measures what users feel, and compares each figure with its target.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoUnitYearId, scriptTable } from '../reliability/fixtures';
import { actionIds, Client, outcome } from '../reliability/http';
import { distDir, startServer, stopServer } from '../reliability/server';
import { exportBench } from './export-core';
import { parseBench } from './parse-core';
import { rssMb, timeGets } from './http-timing';
import { saveLoad, savePool } from './save';
import { printTable } from './stats';

type Target = { name: string; value: number; limit: number; pass: boolean; unit: string };

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
  };
}

/** The same rule as `npm start`: build when there is no build or the sources are newer. */
function ensureBuild(): void {
  const r = spawnSync(process.execPath, ['scripts/start.mjs', '--build-only'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

function synth(databasePath: string, projects: number): void {
  execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'lib/cli/main.ts', 'db:synth', '--projects', String(projects), '--per-unit', '200', '--seed', String(projects)], {
    env: { ...process.env, DATABASE_PATH: databasePath },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function createTwentyRowTable(client: Client): Promise<number> {
  const base = scriptTable('13080024PBENCH0000020');
  const real = base.indicators.filter((r) => !r.isPlaceholder);
  const indicators = [...Array.from({ length: 18 }, (_, i) => ({ ...real[i % real.length]!, name: `指标 ${i + 1}` })), ...base.indicators.filter((r) => r.isPlaceholder)];
  const r = outcome(await client.action('createTableAction', [{ unitYearId: await demoUnitYearId(client), table: { ...base, indicators } }]));
  if (!r.ok) throw new Error(`could not create the 20-row table: ${r.code}`);
  return (r.data as { projectId: number }).projectId;
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const jsonArg = process.argv.indexOf('--json');
  const jsonFile = jsonArg > 0 ? process.argv[jsonArg + 1] : undefined;
  ensureBuild();
  const ids = actionIds(distDir());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-bench-'));
  const databasePath = path.join(dir, 'bench.db');
  const results: Record<string, unknown> = {};
  const targets: Target[] = [];
  const target = (name: string, value: number, limit: number, unit: string, lowerIsBetter = true) =>
    targets.push({ name, value: Number(value.toFixed(3)), limit, unit, pass: lowerIsBetter ? value <= limit : value >= limit });

  let server = await startServer({ databasePath });
  try {
    const client = new Client(server.base, ids);
    await client.signIn('owner', 'Bianzhi2024');
    const cookie = client.sessionCookie;

    // Warm up, then the server's memory at rest.
    await timeGets(`${server.base}/projects`, cookie, 20);
    results.rssAfterWarmupMb = rssMb(server.child.pid!);

    // Save: the real save action and the no-op floor, at concurrency 1, 8 and 32.
    const seconds = quick ? 4 : 10;
    const pool = await savePool(client, 32);
    const save: Record<string, unknown>[] = [];
    for (const connections of [1, 8, 32]) {
      const floor = await saveLoad({ client, ids, pool, connections, seconds, noop: true });
      const real = await saveLoad({ client, ids, pool, connections, seconds, noop: false });
      save.push({ connections, real, floor, ratioP50: real.p50 / floor.p50 });
      if (connections === 8) target('保存 p50 / 空操作 p50（并发 8）', real.p50 / floor.p50, 2, '倍');
      if (connections === 32) target('并发 32 时保存的错误数', real.errors + real.non2xx + real.rejected, 0, '个');
    }
    results.save = save;

    // Editor page: open a 20-row table for editing.
    const twenty = await createTwentyRowTable(client);
    const editor = await timeGets(`${server.base}/projects/${twenty}/edit`, cookie, quick ? 50 : 200);
    results.editorPage = editor;
    target('编辑页 p95（20 行的表）', editor.p95, 100, 'ms');

    // List with a search term and a filter, as the database grows.
    const unitYears = (await client.get('/api/unit-years')).json as { unitYears: { id: number; unitCode: string }[] };
    const demo = unitYears.unitYears.find((u) => u.unitCode === '441001')!;
    const list: Record<string, unknown>[] = [];
    let have = 0;
    for (const size of [1_000, 10_000, 100_000]) {
      await stopServer(server);
      synth(databasePath, size - have);
      have = size;
      server = await startServer({ databasePath });
      const c = new Client(server.base, ids);
      await c.signIn('owner', 'Bianzhi2024');
      const ck = c.sessionCookie;
      const t = await timeGets(`${server.base}/projects?uy=${demo.id}&q=%E5%B9%B4%E5%BA%A6&status=approved&sort=total&dir=desc`, ck, quick ? 50 : 200);
      list.push({ projects: size, ...t });
    }
    results.list = list;
    const p95At = (n: number) => (list.find((l) => l.projects === n) as { p95: number }).p95;
    target('列表 p95：100,000 张 / 1,000 张', p95At(100_000) / p95At(1_000), 2, '倍');
    results.rssAfter100kMb = rssMb(server.child.pid!);
    target('服务器内存（10 万张表后）', results.rssAfter100kMb as number, 400, 'MB');
  } finally {
    await stopServer(server);
  }

  const exp = await exportBench(quick);
  results.export = exp;
  target('XLSX 导出 / exceljs 直写', exp.xlsx23.p50 / exp.floor23.p50, 1.5, '倍');
  target('23 张表的 PDF', exp.pdf23.p50, 1000, 'ms');
  const parse = await parseBench(quick);
  results.parse = parse;
  target('解析吞吐量', parse.mbPerSecond, 5, 'MB/s', false);

  const report = { machine: machine(), results, targets };
  printTable(targets.map((t) => ({ 指标: t.name, 结果: `${t.value} ${t.unit}`, 目标: `${t.unit === 'MB/s' ? '≥' : '≤'} ${t.limit} ${t.unit}`, 是否达标: t.pass ? '达标' : '未达标' })));
  if (jsonFile) fs.writeFileSync(jsonFile, `${JSON.stringify(report, null, 2)}\n`);
  fs.rmSync(dir, { recursive: true, force: true });
  process.exitCode = targets.every((t) => t.pass) ? 0 : 1;
}

void main();
