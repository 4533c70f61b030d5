/**
 * Monitoring dashboard at scale (issue 14: p95 < 150 ms at 100,000 projects with reports, for one
 * unit-year and for the administrator's all-units view), in process.
 * Usage: npx tsx scripts/bench/monitoring.ts [--projects 100000] [--runs 100] [--existing] [--json]
 *   Without --existing the database (a temporary SQLite file, or DATABASE_URL: give it a throwaway
 *   database) is grown like `npm run bench` grows it: unit-years of 100 tables plus one holding 10%.
 *   --existing: DATABASE_URL / DATABASE_PATH already holds the projects (what `npm run bench` does).
 *   --json: the figures as one JSON line at the end (read by http-run.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { useDatabase } from '@/db/client';
import { ensureBaseData, systemActor } from '@/lib/setup/bootstrap';
import { synthesize } from '@/lib/setup/synth';
import { seedMonitoring, timeDashboard } from './monitoring-core';
import { GROWING_SHARE, ORDINARY_PER_UNIT } from './scale';
import { ms, printTable } from './stats';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<void> {
  const projects = arg('--projects', 100_000);
  const runs = arg('--runs', 100);
  const existing = process.argv.includes('--existing');
  const asJson = process.argv.includes('--json');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-bench-monitoring-'));
  try {
    await useDatabase(process.env.DATABASE_URL ?? process.env.DATABASE_PATH ?? path.join(dir, 'bench.db'));
    await ensureBaseData();
    if (!existing) {
      const system = await systemActor();
      const growing = Math.round(projects * GROWING_SHARE);
      await synthesize({ projects: projects - growing, perUnit: ORDINARY_PER_UNIT, year: 2025, seed: projects }, system.id);
      await synthesize({ projects: growing, perUnit: growing, year: 2025, seed: projects + 1 }, system.id);
    }
    const seed = await seedMonitoring();
    if (process.env.DATABASE_URL) {
      // What autovacuum soon does on a live server after a bulk load: the visibility map lets the
      // counts read the index alone (84 ms instead of 130 ms p95 for all units, on the loaded machine).
      const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await client.connect();
      await client.query('vacuum analyze monitoring_reports');
      await client.end();
    }
    const { figures, ordinary, largest } = await timeDashboard(runs);
    if (asJson) {
      console.log(JSON.stringify({ seed, figures, ordinary, largest }));
      return;
    }
    console.log(`监控表 ${seed.reports} 张，批次 ${seed.rounds} 个，生成用时 ${seed.seconds.toFixed(1)} s；${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}`);
    printTable(figures.map((f) => ({ 视图: f.label, 计数: f.reports, 列出: f.rows, p50: ms(f.p50), p95: ms(f.p95), 本进程CPU: ms(f.cpuMs) })));
    console.log(`负载（1/5/15 分钟）：${os.loadavg().map((n) => n.toFixed(1)).join(' / ')}，${os.cpus().length} 核`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
