/** Backup, restore checks and the health probe: storage-level operations. */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { rawAll, sqliteConnection } from '../client';
import { sql } from 'drizzle-orm';

/**
 * SQLite's online backup: a consistent copy even while the server is writing. All pages are copied in
 * one step, inside one read transaction: copied in small steps, a write by the server between two steps
 * restarts the copy, and a busy server could keep restarting it for ever.
 */
export async function backupTo(file: string): Promise<{ pages: number; bytes: number }> {
  fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const tmp = `${file}.partial`;
  fs.rmSync(tmp, { force: true });
  const conn = sqliteConnection();
  if (!conn) throw new Error('PostgreSQL 数据库请用 pg_dump 备份，例如：pg_dump -Fc -f backups/pt.dump "$DATABASE_URL"（见 docs/deployment.md）');
  const result = await conn.backup(tmp, { progress: () => 0x7fffffff });
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

export class DatabaseInUse extends Error {
  constructor(file: string) {
    super(`数据库 ${file} 正被运行中的服务（或其他程序）使用。请先停止服务再恢复，否则服务会继续写入被替换掉的旧文件，之后的保存都会丢失。`);
  }
}

/**
 * True when another connection has the database open. Leaving WAL mode needs the only connection
 * (every open connection holds a shared lock on the WAL index), so the attempt fails with SQLITE_BUSY
 * exactly when a server is running on the file. When it succeeds the WAL has been checkpointed into the
 * file, so the file alone holds every committed save.
 */
export function isDatabaseInUse(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  let probe: Database.Database | null = null;
  try {
    probe = new Database(file, { fileMustExist: true, timeout: 0 });
    probe.pragma('journal_mode = DELETE');
    return false;
  } catch (error) {
    return (error as { code?: string }).code === 'SQLITE_BUSY' || (error as { code?: string }).code === 'SQLITE_LOCKED';
  } finally {
    probe?.close();
  }
}

/**
 * Puts `source` in place of `target`. The old database and its -wal/-shm files are moved aside
 * (`<target>.before-restore-<time>`), never deleted: a WAL left by a killed server holds committed saves.
 * Refuses while a server has `target` open.
 */
export function replaceDatabaseFile(source: string, target: string): { movedAside: string[] } {
  fs.mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  if (isDatabaseInUse(target)) throw new DatabaseInUse(target);
  const tmp = `${target}.restoring`;
  fs.copyFileSync(source, tmp);
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');
  const movedAside: string[] = [];
  for (const suffix of ['', '-wal', '-shm']) {
    const file = `${target}${suffix}`;
    if (!fs.existsSync(file)) continue;
    const aside = `${target}.before-restore-${stamp}${suffix}`;
    fs.renameSync(file, aside);
    movedAside.push(aside);
  }
  fs.renameSync(tmp, target);
  return { movedAside };
}

export async function integrityCheck(): Promise<string> {
  const conn = sqliteConnection();
  if (conn) return String(conn.pragma('integrity_check', { simple: true }));
  // PostgreSQL checks its pages itself; that it answers a query over the catalogue is what we can ask.
  const rows = await rawAll<{ n: number }>(sql`select count(*) as n from pg_class`);
  return rows[0] && rows[0].n > 0 ? 'ok' : 'PostgreSQL 未返回系统表';
}
