/**
 * Where a save's time goes over HTTP: the bench's save and no-op loads (concurrency 8, 8 s each, twice,
 * the second pair counting) against the production server, with the CPU each request costs in the
 * server process, in the PostgreSQL server processes (every process of the `postgres` user, so keep
 * other clusters idle) and in this process (the load generator). A request's latency at a fixed
 * concurrency follows the CPU all of them need, so this tells whether the app, the driver or the
 * database is what to make cheaper.
 * Usage: NEXT_DIST_DIR=… npx tsx scripts/bench/save-cpu.ts [postgres|sqlite] [--own-page]   (a durable throwaway cluster)
 *        --own-page: each action posted to the page that holds it, not forwarded (scripts/bench/save.ts).
 *        PROF=/tmp/prof …: the server writes a V8 CPU profile there (saves only; no-ops only with PROF_NOOP=1).
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { actionIds, Client } from '../reliability/http';
import { distDir, SERVER_NODE_ARGS, startServer, stopServer } from '../reliability/server';
import { benchPostgres, type BenchPostgres } from './pg-server';
import { saveLoad, savePool } from './save';

const TICK_MS = 1000 / 100; // USER_HZ

function ticksOf(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

function postgresTicks(): number {
  let total = 0;
  const out = execFileSync('ps', ['-u', 'postgres', '-o', 'pid='], { encoding: 'utf8' }).trim();
  for (const pid of out ? out.split('\n') : []) {
    try {
      total += ticksOf(Number(pid));
    } catch {
      // the process ended between ps and the read
    }
  }
  return total;
}

async function main(): Promise<void> {
  const engine = process.argv[2] === 'sqlite' ? 'sqlite' : 'postgres';
  const onOwnPage = process.argv.includes('--own-page');
  const profileDir = process.env.PROF;
  let pg: BenchPostgres | null = null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-save-cpu-'));
  if (engine === 'postgres') pg = await benchPostgres(null);
  const database = pg ? await pg.database('save_cpu') : path.join(dir, 'bench.db');
  const server = await startServer({ databasePath: database, nodeArgs: profileDir ? [...SERVER_NODE_ARGS, '--cpu-prof', `--cpu-prof-dir=${profileDir}`] : undefined });
  try {
    const ids = actionIds(distDir());
    const client = new Client(server.base, ids);
    await client.signIn('owner', 'Bianzhi2024');
    const pool = await savePool(client, 32);
    const loads = profileDir ? (process.env.PROF_NOOP === '1' ? [true, true] : [false, false]) : [true, false, true, false];
    for (const [i, isNoop] of loads.entries()) {
      const node0 = ticksOf(server.child.pid!);
      const pg0 = postgresTicks();
      const own0 = process.cpuUsage();
      const r = await saveLoad({ client, ids, pool, connections: 8, seconds: 8, noop: isNoop, onOwnPage });
      const own = process.cpuUsage(own0);
      const per = (ticks: number) => ((ticks * TICK_MS) / r.requests).toFixed(2);
      const warm = i >= loads.length - 2 ? '' : '（预热）';
      console.log(
        `${isNoop ? '空操作' : '保存'}${warm} ${engine}：${r.requests} 次，p50 ${r.p50.toFixed(1)} ms，p95 ${r.p95.toFixed(1)} ms；每次 CPU：应用服务器 ${per(ticksOf(server.child.pid!) - node0)} ms，PostgreSQL ${per(postgresTicks() - pg0)} ms，压测端 ${((own.user + own.system) / 1000 / r.requests).toFixed(2)} ms`,
      );
    }
  } finally {
    await stopServer(server);
    await pg?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
});
