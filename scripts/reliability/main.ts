/**
 * `npm run test:reliability`: lost updates, crashes and hostile input against the built app, each on a
 * throwaway database. `--quick` runs the reduced version that `npm test` also runs.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { concurrentSaves } from './concurrent';
import { crashTest } from './crash';
import { createScriptTable, demoUnitYearId } from './fixtures';
import { fuzzActions } from './fuzz';
import { actionIds, Client } from './http';
import { distDir, startServer, stopServer } from './server';

export type ReliabilitySizes = { clients: number; saves: number; kills: number; writers: number; fuzzRuns: number };
export const FULL: ReliabilitySizes = { clients: 20, saves: 50, kills: 20, writers: 8, fuzzRuns: 60 };
export const QUICK: ReliabilitySizes = { clients: 5, saves: 10, kills: 3, writers: 4, fuzzRuns: 8 };

export async function runReliability(sizes: ReliabilitySizes): Promise<{ ok: boolean; lines: string[] }> {
  const ids = actionIds(distDir());
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-reliability-'));
  const lines: string[] = [];
  let ok = true;

  const db1 = path.join(dir, 'concurrent.db');
  const server = await startServer({ databasePath: db1 });
  try {
    const c = await concurrentSaves({ base: server.base, ids, databasePath: db1, clients: sizes.clients, saves: sizes.saves });
    lines.push(`并发保存：客户端 ${c.clients}，保存 ${c.saves}，生效 ${c.applied}，冲突 ${c.conflicts}，其他 ${c.other}，SQLITE_BUSY ${c.busy}，丢失 ${c.lost}`);
    ok &&= c.lost === 0 && c.other === 0 && c.busy === 0 && c.applied + c.conflicts === c.saves && c.applied > 0;

    const owner = new Client(server.base, ids);
    await owner.signIn('owner', 'Bianzhi2024');
    const projectId = await createScriptTable(owner, await demoUnitYearId(owner), '13080024PFUZZ00000000');
    const f = await fuzzActions({ base: server.base, ids, runs: sizes.fuzzRuns, projectId });
    lines.push(`模糊测试：用例 ${f.cases}，5xx ${f.http5xx}，服务器错误 ${f.serverErrors}，未按校验错误拒绝 ${f.notValidation}；超大输入 ${f.oversizeCases} 个，已拒绝 ${f.oversizeRefused}`);
    ok &&= f.http5xx === 0 && f.serverErrors === 0 && f.notValidation === 0 && f.oversizeRefused === f.oversizeCases;
  } finally {
    await stopServer(server);
  }

  const k = await crashTest({ ids, databasePath: path.join(dir, 'crash.db'), kills: sizes.kills, writers: sizes.writers, tables: 4 });
  lines.push(`崩溃恢复：强杀 ${k.kills} 次，已确认的保存 ${k.acknowledged}，损坏的数据库 ${k.corrupt}，丢失的已确认保存 ${k.missing}，写了一半的表 ${k.halfWritten}`);
  ok &&= k.kills === sizes.kills && k.corrupt === 0 && k.missing === 0 && k.halfWritten === 0 && k.acknowledged > 0;
  fs.rmSync(dir, { recursive: true, force: true });
  return { ok, lines };
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const started = Date.now();
  const r = await runReliability(quick ? QUICK : FULL);
  for (const l of r.lines) console.log(l);
  console.log(`${r.ok ? '通过' : '未通过'}（${((Date.now() - started) / 1000).toFixed(0)} s）`);
  process.exitCode = r.ok ? 0 : 1;
}

if (process.argv[1]?.endsWith('main.ts')) void main();
