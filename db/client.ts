/**
 * The database of this process, on either engine, behind one async port:
 * - `db()` is the handle for the current context: inside `write(fn)` the transaction's, else a reader;
 * - `write(fn)` runs `fn` as one transaction. SQLite: one writer connection behind an in-process
 *   queue, `BEGIN IMMEDIATE`, a separate reader connection, WAL, synchronous=FULL. PostgreSQL: a pool,
 *   SERIALIZABLE transactions retried on serialization failure or deadlock.
 * Optimistic locking (version columns) is the rule on both; nothing but SQL runs inside `fn`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { getTableColumns, sql, type SQL, type Table } from 'drizzle-orm';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type * as pgSchema from './schema/pg';
import { checkDatabaseUrl, databasePath, databaseUrl, engine, redactUrl, type Engine } from './engine';
import { openPostgres, type PostgresHandle } from './engine-postgres';
import { openSqlite, type SqliteHandle } from './engine-sqlite';

export { databasePath, databaseUrl, describeDatabase, engine } from './engine';

/** The query builder both engines answer to (typed as PostgreSQL's: awaited, no synchronous calls). */
export type DB = NodePgDatabase<typeof pgSchema>;

type Handle = SqliteHandle | PostgresHandle;

/** The open transaction: its query builder, and its connection (SQLite's, or PostgreSQL's pool client). */
type Context = { db: DB; sqlite?: import('better-sqlite3').Database; client?: import('pg').PoolClient };

const als = new AsyncLocalStorage<Context>();
const globalForDb = globalThis as unknown as { __ptDb?: Handle };

function open(target?: string): Handle {
  const url = target && /^postgres(ql)?:/.test(target) ? target : target ? undefined : databaseUrl();
  if (url) return openPostgres(checkDatabaseUrl(url));
  return openSqlite(target ?? databasePath());
}

function handle(): Handle {
  if (!globalForDb.__ptDb) globalForDb.__ptDb = open();
  return globalForDb.__ptDb;
}

/** Opens the database if needed and brings its schema up to date (PostgreSQL: under an advisory lock). */
export async function ready(): Promise<void> {
  await handle().ready();
}

/** The handle for the current context: the open transaction's, or a reader. */
export function db(): DB {
  return als.getStore()?.db ?? handle().reader;
}

export function currentEngine(): Engine {
  return globalForDb.__ptDb?.engine ?? engine();
}

export function isInTransaction(): boolean {
  return als.getStore() !== undefined;
}

/**
 * Runs `fn` as one transaction; a `write` inside another joins it (and its isolation). On PostgreSQL `fn`
 * may run more than once (a serialization failure retries it), so it must do nothing but database work.
 */
export async function write<T>(fn: () => Promise<T>, opts: WriteOptions = {}): Promise<T> {
  if (als.getStore()) return fn();
  return handle().write((ctx) => als.run(ctx, fn), opts.isolation ?? 'repeatable read');
}

/**
 * PostgreSQL's isolation for one write (SQLite runs every write alone anyway). REPEATABLE READ, the
 * default, makes two writers of one row conflict (retried, then the version check answers) without
 * making saves of different tables of one unit-year conflict, as SERIALIZABLE's predicate locks did
 * (scripts/bench/pg-save-probe.ts: 4.4 attempts a save at concurrency 8). SERIALIZABLE is for writes that
 * decide on what they counted — the sign-in limits, “at least one administrator” — where two servers
 * could otherwise both pass the same count (write skew).
 */
export type Isolation = 'repeatable read' | 'serializable';
export type WriteOptions = { isolation?: Isolation };

/**
 * Replaces the process's database (tests; the CLI given another file). A `postgres://` target opens
 * PostgreSQL, anything else a SQLite file (`:memory:` too).
 */
export async function useDatabase(target: string): Promise<void> {
  await closeDatabase();
  globalForDb.__ptDb = open(target);
  await globalForDb.__ptDb.ready();
}

export async function closeDatabase(): Promise<void> {
  const h = globalForDb.__ptDb;
  globalForDb.__ptDb = undefined;
  await h?.close();
}

/** Any constant: the key of the lock under which a starting server seeds base and demo data. */
const STARTUP_LOCK = 72_410_015;

/**
 * Runs a server's start-up seeding alone: on PostgreSQL under an advisory lock, so that app servers
 * starting together on an empty database do not both find it empty and both insert the demo.
 */
export async function startupExclusive<T>(fn: () => Promise<T>): Promise<T> {
  return handle().exclusive(STARTUP_LOCK, fn);
}

/** Rows of a raw statement, on either engine. Column aliases must be quoted ("camelCase") for PostgreSQL. */
export async function rawAll<T>(query: SQL): Promise<T[]> {
  const h = handle();
  return h.rawAll<T>(als.getStore(), query);
}

/** A value of a hot statement (rawAllPrepared): in the text, a placeholder filled at each call. */
export type Bind = (key: string) => SQL;

/**
 * rawAll for a hot statement. On PostgreSQL `build` runs once per `name` (each value a `bind` placeholder,
 * so the text is the same every call), and the statement is prepared once per connection under that
 * name: a call costs neither building the SQL nor PostgreSQL's parse and plan, only the values. A
 * statement whose text varies needs one name per variant. SQLite has no server to spare the parse: there
 * it is rawAll, built with the values.
 */
export async function rawAllPrepared<T>(name: string, build: (bind: Bind) => SQL, values: Readonly<Record<string, unknown>>): Promise<T[]> {
  const h = handle();
  if (h.engine === 'postgres') return h.rawAllPrepared<T>(als.getStore(), name, build, values);
  return h.rawAll<T>(
    als.getStore(),
    build((key) => {
      if (!(key in values)) throw new Error(`statement ${name}: no value for ${key}`);
      return sql`${values[key]}`;
    }),
  );
}

/** Runs a raw statement that returns nothing. */
export async function rawRun(query: SQL): Promise<void> {
  await handle().rawRun(als.getStore(), query);
}

/**
 * The SQLite connection of the current context, for the few hot paths that use prepared statements
 * directly; null on PostgreSQL.
 */
export function sqliteConnection(): import('better-sqlite3').Database | null {
  const h = handle();
  if (h.engine !== 'sqlite') return null;
  return als.getStore()?.sqlite ?? h.readerConnection;
}

/** SQLite's writer connection, for settings that belong to it (a benchmark's synchronous mode); null on PostgreSQL. */
export function sqliteWriterConnection(): import('better-sqlite3').Database | null {
  const h = handle();
  return h.engine === 'sqlite' ? h.writerConnection : null;
}

/**
 * A statement prepared once per SQLite connection and reused (building and preparing SQL on every call
 * was most of the cost of the hottest queries). On PostgreSQL it is built on the current handle each
 * time: a statement prepared on the pool would not run inside a transaction's client.
 */
export function prepared<T>(key: string, build: (d: DB) => T): T {
  const h = handle();
  const ctx = als.getStore();
  if (h.engine !== 'sqlite') return build(ctx?.db ?? h.reader);
  const conn = ctx?.sqlite ?? h.readerConnection;
  let cache = h.statements.get(conn);
  if (!cache) {
    cache = new Map();
    h.statements.set(conn, cache);
  }
  let stmt = cache.get(key) as T | undefined;
  if (stmt === undefined) {
    stmt = build(ctx?.db ?? h.reader);
    cache.set(key, stmt);
  }
  return stmt;
}

/** The SQL of a case-insensitive substring match on either engine (`%`, `_` and `\` in `term` are literal). */
export function containsText(column: SQL | import('drizzle-orm').Column, term: string): SQL {
  const pattern = `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return currentEngine() === 'postgres' ? sql`${column} ilike ${pattern} escape '\\'` : sql`${column} like ${pattern} escape '\\'`;
}

/**
 * Whether an error means the database cannot be reached right now (server down, restarting, too many
 * connections): the request may be tried again, and the user is told so instead of “出错”.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && UNAVAILABLE_CODES.has(code)) return true;
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && /Connection terminated|connect ECONNREFUSED|timeout exceeded when trying to connect|Client has encountered a connection error/.test(message)) return true;
  }
  return false;
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN',
  '57P01', '57P02', '57P03', '53300', '08000', '08003', '08006', '08001', '08004',
  'SQLITE_BUSY',
]);

export const DATABASE_UNAVAILABLE_MESSAGE = '数据库暂时无法访问，请稍后重试（已填写的内容不会丢失，稍后再保存即可）';

/**
 * A bulk load on PostgreSQL (synthetic data, copying a database over): one read-write transaction on
 * one pooled client, statements sent as they are. Not for the app's own writes, which go through write().
 */
export async function bulkPostgres<T>(fn: (client: import('pg').PoolClient) => Promise<T>): Promise<T> {
  const h = handle();
  if (h.engine !== 'postgres') throw new Error('bulkPostgres needs PostgreSQL');
  const client = await h.pool.connect();
  try {
    await client.query('begin isolation level read committed read write');
    const value = await fn(client);
    await client.query('commit');
    return value;
  } catch (error) {
    await client.query('rollback').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * A row that PostgreSQL gave as JSON (`row_to_json`, `json_agg` of whole rows: column names as keys) as
 * drizzle's row: integers, doubles, text and booleans come back as they are stored.
 */
export function fromJsonRow<T>(table: Table, json: Record<string, unknown>): T {
  const row: Record<string, unknown> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) row[key] = json[column.name];
  return row as T;
}

/** The first row of a query, or undefined. */
export async function first<T>(query: PromiseLike<T[]>): Promise<T | undefined> {
  return (await query)[0];
}

export function now(): number {
  return Date.now();
}

export { redactUrl };
