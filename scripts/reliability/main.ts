/**
 * `npm run test:reliability`: lost updates, crashes, backups and hostile input against the built app,
 * each on a throwaway database. `--quick` runs the reduced version that `npm test` also runs.
 * `--engine sqlite|postgres|both` picks the engine (default SQLite; PostgreSQL when DATABASE_URL is
 * set). On PostgreSQL also: two app servers on one database, and a PostgreSQL restart in a write storm.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { backupTest } from './backup';
import { concurrentSaves } from './concurrent';
import { crashTest } from './crash';
import { createScriptTable, demoUnitYearId } from './fixtures';
import { fuzzActions } from './fuzz';
import { actionIds, actionManifest, Client } from './http';
import { oversizeInput } from './oversize';
import { isPostgresTarget } from './db-reader';
import { pgServers, type PgServers } from './pg-cluster';
import { restartTest } from './pg-restart';
import { distDir, startServer, stopServer } from './server';

export type ReliabilitySizes = { clients: number; owners: number; saves: number; kills: number; writers: number; fuzzRuns: number; backupWriters: number };
export const FULL: ReliabilitySizes = { clients: 20, owners: 5, saves: 50, kills: 20, writers: 8, fuzzRuns: 60, backupWriters: 6 };
export const QUICK: ReliabilitySizes = { clients: 6, owners: 3, saves: 8, kills: 3, writers: 4, fuzzRuns: 6, backupWriters: 4 };

type Part = { lines: string[]; ok: boolean };
export type Engine = 'sqlite' | 'postgres';
/** Where a part's database lives: a file in the run's folder, or a fresh database on PostgreSQL. */
type Place = { dir: string; pg: PgServers | null };
const databaseFor = async (place: Place, name: string) => (place.pg ? place.pg.database(`pt_rel_${name}`) : path.join(place.dir, `${name}.db`));

async function concurrentAndHostile(sizes: ReliabilitySizes, place: Place): Promise<Part> {
  const ids = actionIds(distDir());
  const databasePath = await databaseFor(place, 'concurrent');
  // The fuzz guesses current passwords (changePassword); the account lockout is not under test here.
  const server = await startServer({ databasePath, env: { LOGIN_MAX_FAILURES: '100000' } });
  try {
    const c = await concurrentSaves({ base: server.base, ids, databasePath, clients: sizes.clients, owners: sizes.owners, saves: sizes.saves });
    const busy = isPostgresTarget(databasePath) ? '' : `，SQLITE_BUSY ${c.busy}`;
    const lines = [`并发保存：客户端 ${c.clients}（${c.owners} 个编制人），保存 ${c.saves}，生效 ${c.applied}，冲突 ${c.conflicts}，其他 ${c.other}${busy}，丢失 ${c.lost}`];
    let ok = c.lost === 0 && c.other === 0 && c.busy === 0 && c.applied + c.conflicts === c.saves && c.applied > 0 && c.owners === sizes.owners;

    const owner = new Client(server.base, ids);
    await owner.signIn('owner', 'Bianzhi2024');
    const projectId = await createScriptTable(owner, await demoUnitYearId(owner), '13080024PFUZZ00000000');
    const f = await fuzzActions({ base: server.base, ids, manifest: actionManifest(distDir()), runs: sizes.fuzzRuns, projectId });
    lines.push(
      `模糊测试：构建中的服务器操作 ${f.actions} 个，未覆盖 ${f.uncovered.length}${f.uncovered.length ? `（${f.uncovered.join('、')}）` : ''}；用例 ${f.cases}（其中格式错误的请求体 ${f.malformed}，已拒绝 ${f.malformedRefused}），5xx ${f.http5xx}，服务器错误 ${f.serverErrors}，未按校验错误拒绝 ${f.notValidation}，泄露内部信息 ${f.leaks}`,
    );
    ok &&= f.uncovered.length === 0 && f.http5xx === 0 && f.serverErrors === 0 && f.notValidation === 0 && f.leaks === 0 && f.malformedRefused === f.malformed && f.failures.length === 0;
    const o = await oversizeInput({ base: server.base, ids, projectId, serverPid: server.child.pid! });
    lines.push(`超大输入：${o.cases} 个，以中文说明拒绝 ${o.refused}；拒绝 30 MB 请求体时服务器内存 ${o.rssBeforeMb.toFixed(0)} → 峰值 ${o.peakMb.toFixed(0)} MB`);
    ok &&= o.refused === o.cases && o.failures.length === 0;
    const failures = [...f.failures, ...o.failures];
    if (failures.length > 0) lines.push(`发现的问题：\n  ${failures.slice(0, 30).join('\n  ')}`);
    return { lines, ok };
  } finally {
    await stopServer(server);
  }
}

async function backups(sizes: ReliabilitySizes, place: Place): Promise<Part> {
  if (place.pg) return { lines: ['备份：跳过（只在 SQLite 上测 pt db:backup/db:restore；PostgreSQL 的备份与恢复用 pg_dump/pg_restore，见 docs/deployment.md）'], ok: true };
  const b = await backupTest({ ids: actionIds(distDir()), dir: fs.mkdtempSync(path.join(place.dir, 'backup-')), writers: sizes.backupWriters, tables: 4 });
  const yes = (v: boolean) => (v ? '是' : '否');
  const lines = [
    `备份：写入中备份（${b.backupMs} ms），备份开始前已确认的保存 ${b.acknowledgedBefore}，备份中缺少 ${b.missing}，写了一半的表 ${b.halfWritten}，完整 ${yes(b.isIntact)}；` +
      `恢复：无 --force 时拒绝 ${yes(b.isRefusedWithoutForce)}，服务运行时拒绝 ${yes(b.isRefusedWhileRunning)}（服务照常保存 ${yes(b.isServerUnharmed)}），` +
      `恢复成功 ${yes(b.isRestored)}，原文件保留 ${yes(b.isOldKept)}，导出逐字节相同 ${b.identicalExports}/${b.exports}`,
  ];
  if (b.problems.length > 0) lines.push(`发现的问题：\n  ${b.problems.join('\n  ')}`);
  const ok =
    b.acknowledgedBefore > 0 && b.missing === 0 && b.halfWritten === 0 && b.isIntact && b.isRefusedWithoutForce && b.isRefusedWhileRunning &&
    b.isServerUnharmed && b.isRestored && b.isOldKept && b.identicalExports === b.exports && b.problems.length === 0;
  return { lines, ok };
}

async function crashes(sizes: ReliabilitySizes, place: Place): Promise<Part> {
  const k = await crashTest({ ids: actionIds(distDir()), databasePath: await databaseFor(place, 'crash'), kills: sizes.kills, writers: sizes.writers, tables: 4 });
  const lines = [`崩溃恢复：强杀 ${k.kills} 次，已确认的保存 ${k.acknowledged}，损坏的数据库 ${k.corrupt}，丢失的已确认保存 ${k.missing}，写了一半的表 ${k.halfWritten}`];
  if (k.problems.length > 0) lines.push(`发现的问题：\n  ${k.problems.join('\n  ')}`);
  return { lines, ok: k.kills === sizes.kills && k.corrupt === 0 && k.missing === 0 && k.halfWritten === 0 && k.acknowledged > 0 && k.problems.length === 0 };
}

/** Two app servers on one PostgreSQL database, the conflicting clients split across them. */
async function twoServers(sizes: ReliabilitySizes, place: Place): Promise<Part> {
  const ids = actionIds(distDir());
  const url = await databaseFor(place, 'two_servers');
  // Started together, as behind a load balancer: both migrate and load the demo at once.
  const started = await Promise.allSettled([startServer({ databasePath: url }), startServer({ databasePath: url })]);
  const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const refused = started.flatMap((s) => (s.status === 'rejected' ? [firstLines(s.reason)] : []));
  try {
    // A server that could not start beside the other is a failure, but the lost-update check still runs:
    // the missing one is started again once the database is set up.
    while (servers.length < 2) servers.push(await startServer({ databasePath: url }));
    const bases = servers.map((s) => s.base);
    const c = await concurrentSaves({ base: bases[0]!, bases, ids, databasePath: url, clients: sizes.clients, owners: sizes.owners, saves: sizes.saves });
    const lines = [
      `两台应用服务器：同时启动 ${refused.length === 0 ? '成功' : `失败 ${refused.length} 台`}；客户端 ${c.clients}（分在 ${c.servers} 台上，${c.owners} 个编制人），保存 ${c.saves}，生效 ${c.applied}，冲突 ${c.conflicts}，其他 ${c.other}，丢失 ${c.lost}`,
    ];
    if (refused.length > 0) lines.push(`同时启动时无法启动的服务器：\n  ${refused.join('\n  ')}`);
    return { lines, ok: refused.length === 0 && c.lost === 0 && c.other === 0 && c.applied + c.conflicts === c.saves && c.applied > 0 && c.servers === 2 };
  } finally {
    await Promise.all(servers.map((s) => stopServer(s)));
  }
}

/** The lines of a server's refusal to start that say why (not the whole start-up output). */
function firstLines(reason: unknown): string {
  const text = reason instanceof Error ? reason.message : String(reason);
  return text.split('\n').filter((l) => /无法启动|Failed query|params|error/i.test(l)).join(' | ') || text.slice(0, 300);
}

/** PostgreSQL stopped for a while and started again while writers save through one app server. */
async function pgRestart(sizes: ReliabilitySizes, place: Place): Promise<Part> {
  const database = await place.pg!.restartableDatabase('pt_rel_restart');
  const r = await restartTest({ ids: actionIds(distDir()), database, writers: sizes.writers, tables: 4, downMs: 2000 });
  const list = (m: Map<string, number>) => [...m].map(([k, n]) => `${n} × ${k}`);
  const lines = [
    `PostgreSQL 重启：写入中停机 ${r.downMs / 1000} s，停机时的保存 ${r.downSaves}，其中明确的“数据库暂时无法访问”可重试答复 ${r.downClear}、停机生效前完成 ${r.downThrough}，` +
      `其他答复 ${[...r.unclear.values()].reduce((a, b) => a + b, 0)}，读取表得到可重试的 503 ${r.readsUnavailable}、读取表失败 ${[...r.downReads.values()].reduce((a, b) => a + b, 0)}；` +
      `恢复后 ${r.reconnectMs === null ? '没有' : `${(r.reconnectMs / 1000).toFixed(1)} s `}自动重新连接（同一服务器进程 ${r.isSameProcess ? '是' : '否'}），` +
      `已确认的保存 ${r.acknowledged}，丢失 ${r.missing}，写了一半的表 ${r.halfWritten}`,
  ];
  if (r.unclear.size > 0) lines.push(`不明确的答复：\n  ${list(r.unclear).join('\n  ')}`);
  if (r.downSample) lines.push(`停机时保存的答复（原样）：${r.downSample}`);
  if (r.downReads.size > 0) lines.push(`失败的 GET /api/projects/:id：\n  ${list(r.downReads).join('\n  ')}`);
  if (r.problems.length > 0) lines.push(`发现的问题：\n  ${r.problems.join('\n  ')}`);
  const ok =
    r.downClear > 0 && r.downClear + r.downThrough === r.downSaves && r.unclear.size === 0 && r.downReads.size === 0 && r.reconnectMs !== null &&
    r.isSameProcess && r.acknowledged > 0 && r.missing === 0 && r.halfWritten === 0 && r.problems.length === 0;
  return { lines, ok };
}

type PartRun = (sizes: ReliabilitySizes, place: Place) => Promise<Part>;
const TITLES = new Map<PartRun, string>([
  [concurrentAndHostile, '并发保存、模糊测试与超大输入'],
  [twoServers, '两台应用服务器'],
  [pgRestart, 'PostgreSQL 重启'],
  [crashes, '崩溃恢复'],
  [backups, '备份'],
]);
const PARTS: Record<Engine, PartRun[]> = {
  sqlite: [concurrentAndHostile, backups, crashes],
  postgres: [concurrentAndHostile, twoServers, pgRestart, crashes, backups],
};

/** Runs every part of one engine; a part that throws fails with its reason and the others still run. */
export async function runReliability(sizes: ReliabilitySizes, engine: Engine = 'sqlite'): Promise<{ ok: boolean; lines: string[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-reliability-'));
  const lines: string[] = [];
  let ok = true;
  let pg: PgServers | null = null;
  // Ctrl-C must not leave a PostgreSQL cluster running (its stop is synchronous underneath).
  const stopPg = () => void pg?.stop().finally(() => process.exit(130));
  process.once('SIGINT', stopPg);
  try {
    if (engine === 'postgres') pg = await pgServers();
    for (const part of PARTS[engine]) {
      const started = Date.now();
      let r: Part;
      try {
        r = await part(sizes, { dir, pg });
      } catch (error) {
        r = { lines: [`${TITLES.get(part)}：出错 ${error instanceof Error ? error.message : String(error)}`], ok: false };
      }
      lines.push(...r.lines.map((l, i) => (i === 0 ? `${l}（${((Date.now() - started) / 1000).toFixed(0)} s）` : l)));
      ok &&= r.ok;
    }
  } finally {
    process.off('SIGINT', stopPg);
    await pg?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { ok, lines };
}

const ENGINES: Record<string, Engine[]> = { sqlite: ['sqlite'], postgres: ['postgres'], both: ['sqlite', 'postgres'] };

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const at = process.argv.indexOf('--engine');
  const choice = at > 0 ? process.argv[at + 1] : process.env.DATABASE_URL ? 'postgres' : 'sqlite';
  const engines = choice ? ENGINES[choice] : undefined;
  if (!engines) {
    console.error(`--engine 只能是 sqlite、postgres 或 both，而不是“${choice ?? ''}”`);
    process.exitCode = 2;
    return;
  }
  if (process.env.DATABASE_URL) {
    // The suite makes and drops its own databases; it never writes to the database of DATABASE_URL.
    console.log('忽略 DATABASE_URL 指向的数据库：可靠性测试在自己的临时数据库上运行（PostgreSQL 服务器可用 PT_TEST_DATABASE_URL 指定）');
    delete process.env.DATABASE_URL;
  }
  let ok = true;
  for (const engine of engines) {
    const started = Date.now();
    console.log(`== ${engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'}${quick ? '（快速）' : ''} ==`);
    const r = await runReliability(quick ? QUICK : FULL, engine);
    for (const l of r.lines) console.log(l);
    console.log(`${r.ok ? '通过' : '未通过'}（${((Date.now() - started) / 1000).toFixed(0)} s）`);
    ok &&= r.ok;
  }
  process.exitCode = ok ? 0 : 1;
}

if (process.argv[1]?.endsWith('main.ts')) void main();
