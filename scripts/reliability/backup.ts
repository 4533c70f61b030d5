/**
 * Backups and restores through the real command line (`pt db:backup`, `pt db:restore`) against a
 * running server: a backup taken during a write storm holds every save acknowledged before it started,
 * each table whole; restore refuses without --force and refuses while a server has the database open
 * (the server keeps working); a restore moves the old files aside, and the restored database exports
 * byte-identical documents.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { openReader } from './db-reader';
import { Client, outcome } from './http';
import { demoUnitYearId, versionedTable } from './fixtures';
import { inspectSaves } from './inspect';
import { startServer, stopServer, type Server } from './server';
import { createStormTables, startStorm, type StormTables } from './storm';

export type BackupReport = {
  acknowledgedBefore: number;
  missing: number;
  halfWritten: number;
  isIntact: boolean;
  backupMs: number;
  isRefusedWithoutForce: boolean;
  isRefusedWhileRunning: boolean;
  isServerUnharmed: boolean;
  isRestored: boolean;
  isOldKept: boolean;
  identicalExports: number;
  exports: number;
  problems: string[];
};

type CliRun = { code: number; stdout: string; stderr: string; ms: number };

/** `npm run pt -- <args>` without npm's own start-up: the same entry point. */
function pt(databasePath: string, args: string[]): Promise<CliRun> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'lib/cli/main.ts', ...args], { env: { ...process.env, DATABASE_PATH: databasePath } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code: code ?? -1, stdout, stderr, ms: Date.now() - started }));
  });
}

async function documents(client: Client, unitYearId: number): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const format of ['xlsx', 'pdf', 'json'] as const) {
    const res = await client.fetch(`/api/unit-years/${unitYearId}/export?format=${format}&all=1`);
    if (res.status !== 200) throw new Error(`${format} export → ${res.status}`);
    out.set(format, Buffer.from(await res.arrayBuffer()));
  }
  return out;
}

async function saveOnce(client: Client, tables: StormTables): Promise<{ projectId: number; version: number }> {
  const id = tables.projectIds[0]!;
  const read = await client.get(`/api/projects/${id}`);
  const next = (read.json as { project: { version: number } }).project.version + 1;
  const o = outcome(await client.action('saveTableAction', [{ projectId: id, version: next - 1, table: versionedTable(tables.codes[0]!, next) }]));
  if (!o.ok) throw new Error(`save refused: ${o.code}`);
  return { projectId: id, version: (o.data as { version: number }).version };
}

async function versionIn(file: string, projectId: number): Promise<number> {
  const db = await openReader(file);
  try {
    return (await db.all<{ version: number }>('select version from projects where id = ?', projectId))[0]?.version ?? 0;
  } finally {
    await db.close();
  }
}

export async function backupTest(opts: { ids: Map<string, string>; dir: string; writers: number; tables: number }): Promise<BackupReport> {
  const live = path.join(opts.dir, 'live.db');
  const stormBackup = path.join(opts.dir, 'storm-backup.db');
  const quietBackup = path.join(opts.dir, 'quiet-backup.db');
  const problems: string[] = [];
  let server: Server = await startServer({ databasePath: live });
  try {
    const tables = await createStormTables(server, opts.ids, 'BK', opts.tables);
    const storm = await startStorm(server, opts.ids, tables, opts.writers, [], problems);
    // Some saves acknowledged first, so there is something the backup must hold.
    for (const deadline = Date.now() + 30_000; storm.acks.length < 5 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 50));
    const backupStarted = Date.now();
    const backup = await pt(live, ['db:backup', stormBackup]);
    await new Promise((r) => setTimeout(r, 200));
    await storm.stop();
    if (backup.code !== 0) problems.push(`db:backup 失败：${backup.stderr}`);
    // A reply received before the backup command started is a commit the backup must contain.
    const before = storm.acks.filter((a) => a.at < backupStarted);
    const db = await openReader(stormBackup);
    const state = await inspectSaves(db, tables.projectIds, before);
    await db.close();
    problems.push(...state.problems);
    const after = storm.acks.filter((a) => a.at > backupStarted + backup.ms).length;
    if (after === 0) problems.push('备份期间没有并发写入，测试没有测到“边写边备份”');

    const owner = new Client(server.base, opts.ids);
    await owner.signIn('owner', 'Bianzhi2024');
    const noForce = await pt(live, ['db:restore', stormBackup]);
    const whileRunning = await pt(live, ['db:restore', stormBackup, '--force']);
    const saved = await saveOnce(owner, tables);
    const isServerUnharmed = fs.existsSync(live) && (await versionIn(live, saved.projectId)) === saved.version;

    // Byte-identical exports: documents of the live database at a quiet moment, its backup restored.
    const unitYearId = await demoUnitYearId(owner);
    const original = await documents(owner, unitYearId);
    const quiet = await pt(live, ['db:backup', quietBackup]);
    if (quiet.code !== 0) problems.push(`db:backup 失败：${quiet.stderr}`);
    const later = await saveOnce(owner, tables);
    await stopServer(server);
    const restore = await pt(live, ['db:restore', quietBackup, '--force']);
    if (restore.code !== 0) problems.push(`db:restore --force 失败：${restore.stderr}`);
    const aside = fs.readdirSync(opts.dir).find((f) => /^live\.db\.before-restore-[0-9T]+$/.test(f));
    const isOldKept = aside !== undefined && (await versionIn(path.join(opts.dir, aside), later.projectId)) === later.version;
    const isRestored = restore.code === 0 && (await versionIn(live, later.projectId)) === later.version - 1;
    server = await startServer({ databasePath: live });
    const reader = new Client(server.base, opts.ids);
    await reader.signIn('owner', 'Bianzhi2024');
    const restored = await documents(reader, unitYearId);
    let identicalExports = 0;
    for (const [format, bytes] of original) {
      if (restored.get(format)?.equals(bytes)) identicalExports++;
      else problems.push(`恢复后导出的 ${format} 与备份时不同`);
    }
    return {
      acknowledgedBefore: before.length,
      missing: state.missing,
      halfWritten: state.halfWritten,
      isIntact: backup.code === 0 && !state.corrupt,
      backupMs: backup.ms,
      isRefusedWithoutForce: noForce.code === 1 && noForce.stderr.includes('--force'),
      isRefusedWhileRunning: whileRunning.code === 1 && whileRunning.stderr.includes('正被运行中的服务'),
      isServerUnharmed,
      isRestored,
      isOldKept,
      identicalExports,
      exports: original.size,
      problems: [...new Set(problems)].slice(0, 20),
    };
  } finally {
    await stopServer(server);
  }
}
