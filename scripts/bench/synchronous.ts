/**
 * What `PRAGMA synchronous = FULL` costs a save, beside NORMAL: the app's own save command in process
 * on a file database (WAL), alternating blocks of saves under each setting so drift falls on both.
 * FULL syncs the WAL on every commit (an acknowledged save survives power loss); NORMAL syncs only at
 * checkpoints (safe against a killed process, not against power loss).
 * Usage: npx tsx scripts/bench/synchronous.ts [--saves 400]
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sqliteWriterConnection, useDatabase } from '@/db/client';
import { findUnitByCode, findUnitYear } from '@/db/queries/units';
import { findUserByUsername } from '@/db/queries/users';
import { actorOf } from '@/lib/auth/session';
import { createTable } from '@/lib/projects/commands/create-table';
import { saveTable } from '@/lib/projects/commands/save-table';
import { loadDemo } from '@/lib/setup/demo';
import { sampleTable } from '@/lib/testing/tables';
import { ms, percentile, printTable } from './stats';

export type SyncCost = { saves: number; normal: { p50: number; p95: number }; full: { p50: number; p95: number } };

export async function synchronousCost(saves: number): Promise<SyncCost> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-sync-'));
  try {
    await useDatabase(path.join(dir, 'sync.db'));
    await loadDemo();
    const owner = { actor: await actorOf((await findUserByUsername('owner'))!), ip: null };
    const unit = (await findUnitByCode('441001'))!;
    const unitYearId = (await findUnitYear(unit.id, 2024))!.id;
    const code = '13080024PSYNC00000001';
    let { projectId, version } = await createTable(owner, unitYearId, sampleTable(code));
    const samples: Record<'NORMAL' | 'FULL', number[]> = { NORMAL: [], FULL: [] };
    const block = 25;
    for (let i = 0; i < saves; i += block) {
      const mode = (i / block) % 2 === 0 ? 'NORMAL' : 'FULL';
      sqliteWriterConnection()!.pragma(`synchronous = ${mode}`);
      for (let j = 0; j < block; j++) {
        const t = performance.now();
        version = (await saveTable(owner, projectId, version, { ...sampleTable(code), purpose: `第 ${i + j} 次保存` })).version;
        samples[mode].push(performance.now() - t);
      }
    }
    const stat = (s: number[]) => {
      const sorted = [...s].sort((a, b) => a - b);
      return { p50: percentile(sorted, 50), p95: percentile(sorted, 95) };
    };
    return { saves, normal: stat(samples.NORMAL), full: stat(samples.FULL) };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const arg = process.argv.indexOf('--saves');
  const r = await synchronousCost(arg > 0 ? Number(process.argv[arg + 1]) : 400);
  printTable([
    { 设置: 'synchronous = NORMAL', 'p50（每次保存）': ms(r.normal.p50), p95: ms(r.normal.p95) },
    { 设置: 'synchronous = FULL', 'p50（每次保存）': ms(r.full.p50), p95: ms(r.full.p95) },
  ]);
  console.log(`\nFULL 比 NORMAL 每次保存多 ${ms(r.full.p50 - r.normal.p50)}（中位数，${r.saves} 次保存）。`);
}

if (process.argv[1]?.endsWith('synchronous.ts')) void main();
