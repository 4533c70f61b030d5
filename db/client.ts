/**
 * The one SQLite connection of this process. WAL lets readers run beside the single writer;
 * the busy timeout makes a second process (the CLI during a backup, say) wait instead of failing.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import * as schema from './schema';

export type DB = BetterSQLite3Database<typeof schema>;
type Handle = { db: DB; sqlite: Database.Database; path: string; statements: Map<string, unknown> };

const BUSY_TIMEOUT_MS = 5_000;

export function databasePath(): string {
  return process.env.DATABASE_PATH ?? path.join(process.cwd(), 'data', 'app.db');
}

export function migrationsFolder(): string {
  return process.env.MIGRATIONS_PATH ?? path.join(process.cwd(), 'db', 'migrations');
}

/** Creates a folder and its parents one by one (Node's recursive mkdir never returns for a path under /proc). */
function ensureDir(dir: string): void {
  if (fs.existsSync(dir)) return;
  const parent = path.dirname(dir);
  if (parent !== dir) ensureDir(parent);
  fs.mkdirSync(dir);
}

function openFile(file: string): Database.Database {
  try {
    if (file === ':memory:') return new Database(file);
    const full = path.resolve(file);
    if (fs.existsSync(full) && fs.statSync(full).isDirectory()) throw new Error('这是一个目录，不是文件');
    ensureDir(path.dirname(full));
    return new Database(full);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`无法打开数据库 ${file}（${reason}）。请把 DATABASE_PATH 设为可写目录中的一个文件，例如 data/app.db`);
  }
}

/** Opens (creating if needed) and migrates a database file; `:memory:` works for tests. */
export function openDatabase(file: string): Handle {
  const sqlite = openFile(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // FULL syncs the WAL at every commit, so a save acknowledged to a user survives a power cut, not only
  // a killed process; its cost per save is measured in docs/performance.md (scripts/bench/synchronous.ts).
  sqlite.pragma('synchronous = FULL');
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder: migrationsFolder() });
  return { db, sqlite, path: file, statements: new Map() };
}

const globalForDb = globalThis as unknown as { __ptDb?: Handle };

function handle(): Handle {
  if (!globalForDb.__ptDb) globalForDb.__ptDb = openDatabase(databasePath());
  return globalForDb.__ptDb;
}

export function db(): DB {
  return handle().db;
}

export function sqlite(): Database.Database {
  return handle().sqlite;
}

/** Replaces the process's connection (tests, CLI with an explicit file). */
export function useDatabase(file: string): Handle {
  closeDatabase();
  globalForDb.__ptDb = openDatabase(file);
  return globalForDb.__ptDb;
}

export function closeDatabase(): void {
  globalForDb.__ptDb?.sqlite.close();
  globalForDb.__ptDb = undefined;
}

type NotPromise<T> = T extends PromiseLike<unknown> ? never : T;

/**
 * Runs `fn` in one IMMEDIATE transaction (nested calls become savepoints). Synchronous on purpose:
 * an async callback would commit before its awaits finish.
 */
export function transaction<T>(fn: () => NotPromise<T>): T {
  return handle().sqlite.transaction(fn).immediate();
}

/**
 * A statement prepared once per connection and reused: building and preparing SQL on every call is
 * most of the cost of the hot queries (session lookup, save). `build` runs on first use only.
 */
export function prepared<T>(key: string, build: (db: DB) => T): T {
  const h = handle();
  let stmt = h.statements.get(key) as T | undefined;
  if (stmt === undefined) {
    stmt = build(h.db);
    h.statements.set(key, stmt);
  }
  return stmt;
}

export function now(): number {
  return Date.now();
}
