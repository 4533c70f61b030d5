/**
 * `npm run bench [-- --quick] [-- --json FILE]`: builds (if needed) and starts the production server on
 * a synthetic database grown to 1,000, 10,000 and 100,000 projects, measures what users feel over HTTP,
 * and compares each figure with its target. Every timed page and download is checked (status, content),
 * so a redirect to /login or an error page fails the run instead of being timed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createMember, demoUnitYearId, scriptTable } from '../reliability/fixtures';
import { actionIds, Client, outcome } from '../reliability/http';
import { distDir, startServer, stopServer, type Server } from '../reliability/server';
import { exportBench } from './export-core';
import { httpExport, type HttpExportFigure } from './export-http';
import { parseBench } from './parse-core';
import { peakRssMb, rssMb, timeGets } from './http-timing';
import { report, type Target } from './report';
import { saveLoad, savePool, type LoadResult } from './save';
import { growTo, ORDINARY_PER_UNIT, timeList, unitYearOf, unitYears, type ListFigure } from './scale';

const SIZES = [1_000, 10_000, 100_000] as const;
const ORDINARY_UNIT = '900001';
const DEMO_TABLES = 23;
const LARGE_TABLES = 1_000;

/** The same rule as `npm start`: build when there is no build or the sources are newer. */
function ensureBuild(): void {
  const r = spawnSync(process.execPath, ['scripts/start.mjs', '--build-only'], { stdio: 'inherit', env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

async function createTwentyRowTable(client: Client): Promise<{ id: number; code: string }> {
  const code = '13080024PBENCH0000020';
  const base = scriptTable(code);
  const real = base.indicators.filter((r) => !r.isPlaceholder);
  const indicators = [...Array.from({ length: 18 }, (_, i) => ({ ...real[i % real.length]!, name: `指标 ${i + 1}` })), ...base.indicators.filter((r) => r.isPlaceholder)];
  const r = outcome(await client.action('createTableAction', [{ unitYearId: await demoUnitYearId(client), table: { ...base, indicators } }]));
  if (!r.ok) throw new Error(`could not create the 20-row table: ${r.code}`);
  return { id: (r.data as { projectId: number }).projectId, code };
}

async function signedIn(server: Server, ids: Map<string, string>, username: string, password: string): Promise<Client> {
  const c = new Client(server.base, ids);
  await c.signIn(username, password);
  return c;
}

type Results = {
  list: (ListFigure & { databaseProjects: number; synthSeconds: number })[];
  exports: HttpExportFigure[];
  save: { connections: number; real: LoadResult; floor: LoadResult; ratioP50: number }[];
  editorPage: { p50: number; p95: number };
  healthPage: { p50: number; p95: number };
  memory: { afterWarmupMb: number; afterListMb: number; afterExportsMb: number; afterRunMb: number; peakMb: number };
};

/** Everything over HTTP; the last server (100,000 projects) also serves the exports and the save load. */
async function overHttp(quick: boolean, ids: Map<string, string>, databasePath: string): Promise<Results> {
  const listRuns = quick ? 40 : 150;
  const list: Results['list'] = [];
  let server: Server | null = null;
  let largeCode = '';
  let have = 0;
  let afterWarmupMb = 0;
  let viewer: { username: string; password: string } | null = null;
  try {
    for (const size of SIZES) {
      if (server) await stopServer(server);
      const step = growTo(databasePath, have, size);
      have = size;
      if (step.growingProjects === LARGE_TABLES) largeCode = step.growingCode;
      server = await startServer({ databasePath });
      const admin = await signedIn(server, ids, 'admin', 'Guanli2024');
      const all = await unitYears(admin);
      const common = { client: admin, options: all.length, runs: listRuns };
      const ordinary = await timeList({ ...common, unitYear: unitYearOf(all, ORDINARY_UNIT), unitYearProjects: ORDINARY_PER_UNIT, label: '普通单位年度' });
      if (size === SIZES[0]) afterWarmupMb = rssMb(server.child.pid!);
      const growing = await timeList({ ...common, unitYear: unitYearOf(all, step.growingCode), unitYearProjects: step.growingProjects, label: '占全库 10% 的单位年度' });
      // The same ordinary list for a reviewer of that one unit: the page without the other units' options.
      viewer ??= await createMember(admin, unitYearOf(all, ORDINARY_UNIT).unitId, 'reviewer', 'benchviewer');
      const one = await signedIn(server, ids, viewer.username, viewer.password);
      const alone = await timeList({ client: one, options: 1, runs: listRuns, unitYear: unitYearOf(all, ORDINARY_UNIT), unitYearProjects: ORDINARY_PER_UNIT, label: '普通单位年度（只看本单位的审核人）' });
      for (const f of [ordinary, growing, alone]) list.push({ ...f, databaseProjects: size, synthSeconds: step.seconds });
    }
    const s = server!;
    const pid = s.child.pid!;
    const afterListMb = rssMb(pid);
    let peakMb = peakRssMb(pid);
    const admin = await signedIn(s, ids, 'admin', 'Guanli2024');
    const all = await unitYears(admin);
    const exports: HttpExportFigure[] = [];
    // The demo unit-year before the benchmark adds its own tables to it: the reference's 23 tables.
    exports.push(await httpExport({ client: admin, pid, unitYearId: unitYearOf(all, '441001').id, tables: DEMO_TABLES, runs: quick ? 10 : 30, warmup: 2 }));
    exports.push(await httpExport({ client: admin, pid, unitYearId: unitYearOf(all, largeCode).id, tables: LARGE_TABLES, runs: quick ? 1 : 3, warmup: 0 }));
    for (const e of exports) peakMb = Math.max(peakMb, e.xlsx.peakRssMb, e.pdf.peakRssMb);
    const afterExportsMb = rssMb(pid);

    const owner = await signedIn(s, ids, 'owner', 'Bianzhi2024');
    const seconds = quick ? 4 : 10;
    const pool = await savePool(owner, 32);
    const save: Results['save'] = [];
    for (const connections of [1, 8, 32]) {
      const floor = await saveLoad({ client: owner, ids, pool, connections, seconds, noop: true });
      const real = await saveLoad({ client: owner, ids, pool, connections, seconds, noop: false });
      save.push({ connections, real, floor, ratioP50: real.p50 / floor.p50 });
    }
    const twenty = await createTwentyRowTable(owner);
    const editorPage = await timeGets(`${s.base}/projects/${twenty.id}/edit`, owner.sessionCookie, quick ? 50 : 200, { markers: [twenty.code, '指标 18', '无生态效益指标'] });
    const healthPage = await timeGets(`${s.base}/health`, '', quick ? 50 : 200, { markers: ['"ok":true', '正常'] });
    const afterRunMb = rssMb(pid);
    peakMb = Math.max(peakMb, peakRssMb(pid));
    return { list, exports, save, editorPage, healthPage, memory: { afterWarmupMb, afterListMb, afterExportsMb, afterRunMb, peakMb } };
  } finally {
    if (server) await stopServer(server);
  }
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
  };
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const jsonArg = process.argv.indexOf('--json');
  const jsonFile = jsonArg > 0 ? process.argv[jsonArg + 1] : undefined;
  const started = Date.now();
  ensureBuild();
  const ids = actionIds(distDir());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-bench-'));
  try {
    // In process first, on a fresh heap: after the HTTP part this process holds large documents, and
    // their garbage would be collected during (and charged to) whichever side allocates more.
    const inProcess = await exportBench(quick, false);
    const parse = await parseBench(quick);
    const http = await overHttp(quick, ids, path.join(dir, 'bench.db'));

    const targets: Target[] = [];
    const target = (name: string, value: number, limit: number, unit: string, isAtLeast = false) =>
      targets.push({ name, value: Number(value.toFixed(3)), limit, unit, pass: isAtLeast ? value >= limit : value <= limit });
    const save8 = http.save.find((s) => s.connections === 8)!;
    const save32 = http.save.find((s) => s.connections === 32)!;
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
    target('解析吞吐量', parse.mbPerSecond, 5, 'MB/s', true);
    target('服务器内存（10 万张表的列表、导出、保存压测之后，同一进程）', http.memory.afterRunMb, 400, 'MB');

    const results = { ...http, exportInProcess: inProcess, parse, seconds: (Date.now() - started) / 1000 };
    report(results, targets);
    if (jsonFile) fs.writeFileSync(jsonFile, `${JSON.stringify({ machine: machine(), quick, results, targets }, null, 2)}\n`);
    process.exitCode = targets.every((t) => t.pass) ? 0 : 1;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(`基准测试中止：${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
