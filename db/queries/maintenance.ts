/** Backup, restore checks and bulk synthetic data: storage-level operations. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { sqlite } from '../client';

/** SQLite's online backup: a consistent copy even while the server is writing. */
export async function backupTo(file: string): Promise<{ pages: number; bytes: number }> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.partial`;
  const result = await sqlite().backup(tmp);
  fs.renameSync(tmp, file);
  return { pages: result.totalPages, bytes: fs.statSync(file).size };
}

export type DatabaseCheck = { ok: true; projects: number; migrations: number } | { ok: false; message: string };

/** Opens a candidate database read-only and checks it is intact and is one of ours. */
export function checkDatabaseFile(file: string): DatabaseCheck {
  if (!fs.existsSync(file)) return { ok: false, message: `文件不存在：${file}` };
  let candidate: Database.Database | null = null;
  try {
    candidate = new Database(file, { readonly: true, fileMustExist: true });
    const integrity = candidate.pragma('integrity_check', { simple: true });
    if (integrity !== 'ok') return { ok: false, message: `完整性检查未通过：${String(integrity)}` };
    const tables = new Set(
      (candidate.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]).map((r) => r.name),
    );
    for (const t of ['__drizzle_migrations', 'projects', 'indicators', 'units', 'users', 'audit_log']) {
      if (!tables.has(t)) return { ok: false, message: `不是本系统的数据库（缺少表 ${t}）` };
    }
    const projects = (candidate.prepare('select count(*) as n from projects').get() as { n: number }).n;
    const migrations = (candidate.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number }).n;
    return { ok: true, projects, migrations };
  } catch (error) {
    return { ok: false, message: `无法作为 SQLite 数据库打开：${error instanceof Error ? error.message : String(error)}` };
  } finally {
    candidate?.close();
  }
}

/** Replaces the database file (the server must be stopped); the old WAL and SHM files go with it. */
export function replaceDatabaseFile(source: string, target: string): void {
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const tmp = `${target}.restoring`;
  fs.copyFileSync(source, tmp);
  for (const suffix of ['-wal', '-shm']) fs.rmSync(`${target}${suffix}`, { force: true });
  fs.renameSync(tmp, target);
}

export function integrityCheck(): string {
  return String(sqlite().pragma('integrity_check', { simple: true }));
}

/** A cheap liveness check (quick_check would read every page; this only asks the schema). */
export function integrityCheckQuick(): boolean {
  try {
    return (sqlite().prepare('select count(*) as n from sqlite_master').get() as { n: number }).n > 0;
  } catch {
    return false;
  }
}
