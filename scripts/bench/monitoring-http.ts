/**
 * `npm run bench`'s monitoring step (issue 14): at 100,000 projects every table gets a report with lights
 * (scripts/bench/monitoring.ts in its own process, while the server is stopped, so a restart sees the
 * fresh statistics), which also times the dashboard's data function in process; then the dashboard page
 * is timed over HTTP for the administrator's all-units view and for one ordinary unit-year.
 */
import { execFileSync } from 'node:child_process';
import type { Server } from '../reliability/server';
import { timeGets } from './http-timing';
import type { DashboardFigure, MonitoringSeed, RoundRef } from './monitoring-core';

export type MonitoringData = { seed: MonitoringSeed; figures: DashboardFigure[]; ordinary: RoundRef; largest: RoundRef };
export type MonitoringPage = { label: string; p50: number; p95: number; bytes: number };
export type MonitoringResults = MonitoringData & { pages: MonitoringPage[] };

/** Seeds the reports and times the data function; `database`: a SQLite file or a postgres:// URL. */
export function seedMonitoringStep(database: string, runs: number): MonitoringData {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  delete env.DATABASE_PATH;
  if (/^postgres(ql)?:\/\//.test(database)) env.DATABASE_URL = database;
  else env.DATABASE_PATH = database;
  const out = execFileSync(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/bench/monitoring.ts', '--existing', '--json', '--runs', String(runs)], {
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return JSON.parse(out.trim().split('\n').at(-1)!) as MonitoringData;
}

/** The dashboard page for the administrator (cookie), every reply checked for its rows. */
export async function monitoringPages(server: Server, cookie: string, data: MonitoringData, runs: number): Promise<MonitoringPage[]> {
  const all = await timeGets(`${server.base}/monitoring`, cookie, runs, { markers: ['绩效运行监控', '全部可见年度', '/monitoring/reports/'] });
  const one = await timeGets(`${server.base}/monitoring?round=${data.ordinary.roundId}`, cookie, runs, {
    markers: ['/monitoring/reports/', `/api/monitoring/rounds/${data.ordinary.roundId}/export`],
  });
  return [
    { label: '管理员：全部单位年度', ...all },
    { label: `管理员：普通单位年度（${data.ordinary.reports} 张）`, ...one },
  ];
}
