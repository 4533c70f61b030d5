/**
 * SQLite behind the async port: one writer connection whose transactions run one at a time (an
 * in-process queue, `BEGIN IMMEDIATE`), and a reader connection that can never write (query_only),
 * so a write that forgot the port fails loudly instead of slipping past the queue.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { SQL } from 'drizzle-orm';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { DB } from './client';
import * as schema from './schema/sqlite';

const BUSY_TIMEOUT_MS = 5_000;

type Context = { db: DB; sqlite?: Database.Database };

export type SqliteHandle = {
  engine: 'sqlite';
  path: string;
  reader: DB;
  readerConnection: Database.Database;
  writerConnection: Database.Database;
  statements: Map<Database.Database, Map<string, unknown>>;
  ready(): Promise<void>;
  write<T>(run: (ctx: Context) => Promise<T>, isolation?: string): Promise<T>;
  rawAll<T>(ctx: Context | undefined, query: SQL): Promise<T[]>;
  rawRun(ctx: Context | undefined, query: SQL): Promise<void>;
  exclusive<T>(key: number, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

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

function configure(conn: Database.Database): void {
  conn.pragma('journal_mode = WAL');
  conn.pragma('foreign_keys = ON');
  conn.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  // FULL syncs the WAL at every commit, so a save acknowledged to a user survives a power cut, not only
  // a killed process; its cost per save is measured in docs/performance.md (scripts/bench/synchronous.ts).
  conn.pragma('synchronous = FULL');
}

const asDb = (conn: Database.Database): DB => drizzle(conn, { schema }) as unknown as DB;

/** Opens (creating if needed) and migrates a database file; `:memory:` (one connection) works for tests. */
export function openSqlite(file: string): SqliteHandle {
  const writerConnection = openFile(file);
  configure(writerConnection);
  migrate(drizzle(writerConnection, { schema }), { migrationsFolder: migrationsFolder() });
  const isMemory = file === ':memory:';
  const readerConnection = isMemory ? writerConnection : openFile(file);
  if (!isMemory) {
    configure(readerConnection);
    readerConnection.pragma('query_only = ON');
  }
  const writer = asDb(writerConnection);
  const reader = isMemory ? writer : asDb(readerConnection);
  let tail: Promise<unknown> = Promise.resolve();

  return {
    engine: 'sqlite',
    path: file,
    reader,
    readerConnection,
    writerConnection,
    statements: new Map(),
    async ready() {},
    write<T>(run: (ctx: Context) => Promise<T>): Promise<T> {
      const result = tail.then(async () => {
        writerConnection.exec('BEGIN IMMEDIATE');
        try {
          const value = await run({ db: writer, sqlite: writerConnection });
          writerConnection.exec('COMMIT');
          return value;
        } catch (error) {
          if (writerConnection.inTransaction) writerConnection.exec('ROLLBACK');
          throw error;
        }
      });
      tail = result.catch(() => undefined);
      return result;
    },
    async rawAll<T>(ctx: Context | undefined, query: SQL): Promise<T[]> {
      return ((ctx?.db ?? reader) as unknown as BetterSQLite3Database).all(query) as T[];
    },
    async rawRun(ctx: Context | undefined, query: SQL): Promise<void> {
      ((ctx?.db ?? reader) as unknown as BetterSQLite3Database).run(query);
    },
    // One server per file: the writer queue already orders this process's work.
    async exclusive<T>(_key: number, fn: () => Promise<T>): Promise<T> {
      return fn();
    },
    async close() {
      await tail;
      if (readerConnection !== writerConnection) readerConnection.close();
      writerConnection.close();
    },
  };
}
