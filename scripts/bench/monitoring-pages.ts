/**
 * The monitoring step of `npm run bench` on its own, on a database that already holds the projects
 * (e.g. one grown by scripts/bench/monitoring.ts with DATABASE_PATH set): seeds the reports if needed,
 * times the data function in process and the dashboard page over HTTP on the production build.
 * Usage: npx tsx scripts/bench/monitoring-pages.ts --database FILE|postgres://… [--runs 100]
 */
import os from 'node:os';
import { actionIds, Client } from '../reliability/http';
import { distDir, startServer, stopServer } from '../reliability/server';
import { monitoringPages, seedMonitoringStep } from './monitoring-http';
import { ms, printTable } from './stats';

async function main(): Promise<void> {
  const at = process.argv.indexOf('--database');
  const database = at > 0 ? process.argv[at + 1]! : '';
  if (!database) throw new Error('请用 --database 指定数据库');
  const runsAt = process.argv.indexOf('--runs');
  const runs = runsAt > 0 ? Number(process.argv[runsAt + 1]) : 100;
  const data = seedMonitoringStep(database, Math.min(runs, 60));
  const server = await startServer({ databasePath: database });
  try {
    const admin = new Client(server.base, actionIds(distDir()));
    await admin.signIn('admin', 'Guanli2024');
    const pages = await monitoringPages(server, admin.sessionCookie, data, runs);
    console.log(`监控表 ${data.seed.reports} 张，批次 ${data.seed.rounds} 个；${/^postgres/.test(database) ? 'PostgreSQL' : 'SQLite'}`);
    printTable([
      ...data.figures.map((f) => ({ 视图: `数据函数 · ${f.label}`, p50: ms(f.p50), p95: ms(f.p95), 本进程CPU: ms(f.cpuMs) })),
      ...pages.map((p) => ({ 视图: `页面 · ${p.label}`, p50: ms(p.p50), p95: ms(p.p95), 本进程CPU: '' })),
    ]);
    console.log(`负载（1/5/15 分钟）：${os.loadavg().map((n) => n.toFixed(1)).join(' / ')}，${os.cpus().length} 核`);
  } finally {
    await stopServer(server);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
