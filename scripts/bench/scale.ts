/**
 * The database grown in steps for the list figures. Each step adds ordinary unit-years of 100 tables
 * (about 1,000 units at 100,000 projects) and one unit-year holding 10% of the database, so one listed
 * unit-year stays ordinary while the other grows with the database.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { actionIds, Client } from '../reliability/http';
import type { Server } from '../reliability/server';
import { PICKER_LIMIT } from '@/lib/projects/list';
import { timeGets } from './http-timing';

export const ORDINARY_PER_UNIT = 100;
export const GROWING_SHARE = 0.1;

type SynthOutput = { units: number; projects: number; firstUnitCode: string; lastUnitCode: string };

/**
 * `pt db:synth` in its own process, as an operator would run it. `database` is a SQLite file or a
 * postgres:// URL; the other variable is removed, so the engine is the one asked for.
 */
export function synth(database: string, projects: number, perUnit: number, seed: number): SynthOutput {
  const env: NodeJS.ProcessEnv = { ...process.env };
  delete env.DATABASE_URL;
  delete env.DATABASE_PATH;
  if (/^postgres(ql)?:\/\//.test(database)) env.DATABASE_URL = database;
  else env.DATABASE_PATH = database;
  const out = execFileSync(
    process.execPath,
    ['node_modules/tsx/dist/cli.mjs', 'lib/cli/main.ts', 'db:synth', '--projects', String(projects), '--per-unit', String(perUnit), '--seed', String(seed), '--json'],
    { env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] },
  );
  return JSON.parse(out.trim().split('\n').at(-1)!) as SynthOutput;
}

export type GrowthStep = { size: number; growingCode: string; growingProjects: number; seconds: number };

/**
 * Brings the database (a SQLite file or a postgres:// URL) from `have` to `size` projects (the server
 * must be stopped: a restart picks up fresh statistics).
 */
export function growTo(databasePath: string, have: number, size: number): GrowthStep {
  const t = Date.now();
  const growingProjects = Math.round(size * GROWING_SHARE);
  const ordinary = size - have - growingProjects;
  if (ordinary > 0) synth(databasePath, ordinary, ORDINARY_PER_UNIT, size);
  const growing = synth(databasePath, growingProjects, growingProjects, size + 1);
  return { size, growingCode: growing.firstUnitCode, growingProjects, seconds: (Date.now() - t) / 1000 };
}

export type UnitYearRef = { id: number; unitId: number; unitCode: string; year: number };

export async function unitYears(client: Client): Promise<UnitYearRef[]> {
  const r = await client.get('/api/unit-years');
  if (r.status !== 200) throw new Error(`/api/unit-years → ${r.status}`);
  return (r.json as { unitYears: UnitYearRef[] }).unitYears;
}

export function unitYearOf(list: UnitYearRef[], unitCode: string): UnitYearRef {
  const found = list.find((u) => u.unitCode === unitCode);
  if (!found) throw new Error(`unit ${unitCode} is not among the ${list.length} unit-years the user sees`);
  return found;
}

export type ListFigure = { label: string; unitCode: string; unitYearProjects: number; options: number; p50: number; p95: number; bytes: number };

/**
 * The list page with a search term, a status filter and a sort, one page, as the administrator (who
 * sees every unit). Every reply must be the list of that unit-year with matching rows, and offer every
 * unit-year (a select of all of them, or beyond PICKER_LIMIT the count and a link to search them).
 */
export async function timeList(opts: { client: Client; unitYear: UnitYearRef; options: number; unitYearProjects: number; runs: number; label: string }): Promise<ListFigure> {
  const { client, unitYear } = opts;
  const url = `${client.base}/projects?uy=${unitYear.id}&q=${encodeURIComponent('年度')}&status=approved&sort=total&dir=desc`;
  const t = await timeGets(url, client.sessionCookie, opts.runs, {
    markers: [new RegExp(`<h1[^>]*>${unitYear.unitCode}\\b`), 'aria-label="绩效目标表列表"'],
    check: (body) => {
      const total = Number(/共 (?:<!-- -->)?(\d+)(?:<!-- -->)? 张表/.exec(body)?.[1] ?? NaN);
      if (!(total > 0)) return 'the search found no rows';
      // Up to PICKER_LIMIT unit-years are a select (the status picker's options have no numeric value);
      // beyond it the page links to the searchable picker and says how many there are.
      if (opts.options <= PICKER_LIMIT) {
        const options = (body.match(/<option value="\d+"/g) ?? []).length;
        return options < opts.options ? `${options} unit-year options, expected ${opts.options}` : null;
      }
      const count = Number(/切换（共 (?:<!-- -->)?(\d+)(?:<!-- -->)? 个）/.exec(body)?.[1] ?? NaN);
      return count === opts.options ? null : `the picker says ${count} unit-years, expected ${opts.options}`;
    },
  });
  return { label: opts.label, unitCode: unitYear.unitCode, unitYearProjects: opts.unitYearProjects, options: opts.options, ...t };
}

/** A throwaway database holding one unit-year of `tables` tables (growTo puts a tenth of the projects in one). */
export function largeSectionDatabase(tables: number): { databasePath: string; unitCode: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-large-section-'));
  const step = growTo(path.join(dir, 'large.db'), 0, tables * 10);
  return { databasePath: path.join(dir, 'large.db'), unitCode: step.growingCode, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** The administrator signed in on `server`, and the id of the unit's unit-year. */
export async function adminOn(server: Server, unitCode: string): Promise<{ admin: Client; unitYearId: number }> {
  const admin = new Client(server.base, actionIds(process.env.NEXT_DIST_DIR ?? '.next'));
  await admin.signIn('admin', 'Guanli2024');
  return { admin, unitYearId: unitYearOf(await unitYears(admin), unitCode).id };
}
