/**
 * `npm run test:reliability`: lost updates, crashes, backups and hostile input against the built app,
 * each on a throwaway database. `--quick` runs the reduced version that `npm test` also runs.
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
import { distDir, startServer, stopServer } from './server';

export type ReliabilitySizes = { clients: number; owners: number; saves: number; kills: number; writers: number; fuzzRuns: number; backupWriters: number };
export const FULL: ReliabilitySizes = { clients: 20, owners: 5, saves: 50, kills: 20, writers: 8, fuzzRuns: 60, backupWriters: 6 };
export const QUICK: ReliabilitySizes = { clients: 6, owners: 3, saves: 8, kills: 3, writers: 4, fuzzRuns: 6, backupWriters: 4 };

type Part = { lines: string[]; ok: boolean };

async function concurrentAndHostile(sizes: ReliabilitySizes, dir: string): Promise<Part> {
  const ids = actionIds(distDir());
  const databasePath = path.join(dir, 'concurrent.db');
  // The fuzz guesses current passwords (changePassword); the account lockout is not under test here.
  const server = await startServer({ databasePath, env: { LOGIN_MAX_FAILURES: '100000' } });
  try {
    const c = await concurrentSaves({ base: server.base, ids, databasePath, clients: sizes.clients, owners: sizes.owners, saves: sizes.saves });
    const lines = [
      `并发保存：客户端 ${c.clients}（${c.owners} 个编制人），保存 ${c.saves}，生效 ${c.applied}，冲突 ${c.conflicts}，其他 ${c.other}，SQLITE_BUSY ${c.busy}，丢失 ${c.lost}`,
    ];
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

async function backups(sizes: ReliabilitySizes, dir: string): Promise<Part> {
  const b = await backupTest({ ids: actionIds(distDir()), dir: fs.mkdtempSync(path.join(dir, 'backup-')), writers: sizes.backupWriters, tables: 4 });
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

async function crashes(sizes: ReliabilitySizes, dir: string): Promise<Part> {
  const k = await crashTest({ ids: actionIds(distDir()), databasePath: path.join(dir, 'crash.db'), kills: sizes.kills, writers: sizes.writers, tables: 4 });
  const lines = [`崩溃恢复：强杀 ${k.kills} 次，已确认的保存 ${k.acknowledged}，损坏的数据库 ${k.corrupt}，丢失的已确认保存 ${k.missing}，写了一半的表 ${k.halfWritten}`];
  if (k.problems.length > 0) lines.push(`发现的问题：\n  ${k.problems.join('\n  ')}`);
  return { lines, ok: k.kills === sizes.kills && k.corrupt === 0 && k.missing === 0 && k.halfWritten === 0 && k.acknowledged > 0 && k.problems.length === 0 };
}

export async function runReliability(sizes: ReliabilitySizes): Promise<{ ok: boolean; lines: string[] }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-reliability-'));
  const lines: string[] = [];
  let ok = true;
  try {
    for (const part of [concurrentAndHostile, backups, crashes]) {
      const started = Date.now();
      const r = await part(sizes, dir);
      lines.push(...r.lines.map((l, i) => (i === 0 ? `${l}（${((Date.now() - started) / 1000).toFixed(0)} s）` : l)));
      ok &&= r.ok;
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
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
