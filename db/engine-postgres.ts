/**
 * PostgreSQL behind the async port: a pool whose sessions are read-only by default, so only
 * `write(fn)` can change data; writes run REPEATABLE READ (SERIALIZABLE when asked) and are retried on
 * serialization failure or deadlock. Migrations run once under an advisory lock, however many app servers start together.
 */
import path from 'node:path';
import { fillPlaceholders, is, Param, Placeholder, sql, type SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { PgDialect } from 'drizzle-orm/pg-core';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { Bind, DB } from './client';
import { redactUrl } from './engine';
import * as schema from './schema/pg';

/** A transaction's context: its query builder and the connection both run on. */
type Context = { db: DB; client?: pg.PoolClient };

/** PostgreSQL's isolation levels for a write: the port's two, and read committed for experiments (scripts/bench/pg-save-probe.ts). */
export type PgIsolation = 'read committed' | 'repeatable read' | 'serializable';
const BEGIN: Record<PgIsolation, string> = {
  'read committed': 'begin isolation level read committed read write',
  'repeatable read': 'begin isolation level repeatable read read write',
  serializable: 'begin isolation level serializable read write',
};

export type PostgresHandle = {
  engine: 'postgres';
  url: string;
  pool: pg.Pool;
  reader: DB;
  ready(): Promise<void>;
  write<T>(run: (ctx: Context) => Promise<T>, isolation: PgIsolation): Promise<T>;
  rawAll<T>(ctx: Context | undefined, query: SQL): Promise<T[]>;
  rawRun(ctx: Context | undefined, query: SQL): Promise<void>;
  rawAllPrepared<T>(ctx: Context | undefined, name: string, build: (bind: Bind) => SQL, values: Readonly<Record<string, unknown>>): Promise<T[]>;
  exclusive<T>(key: number, fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

/** Any constant: the key of the advisory lock that lets one server migrate while the others wait. */
const MIGRATION_LOCK = 72_410_013;
const MAX_ATTEMPTS = 8;

export function pgMigrationsFolder(): string {
  return process.env.PG_MIGRATIONS_PATH ?? path.join(process.cwd(), 'db', 'migrations-pg');
}

/** count(*) is int8 and sum() numeric: as numbers (every count and 元 amount here is far below 2^53). */
const types = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as unknown as pg.CustomTypesConfig;

const dialect = new PgDialect();

function clientOf(ctx: Context): pg.PoolClient {
  if (!ctx.client) throw new Error('a PostgreSQL transaction without its connection');
  return ctx.client;
}

type CompiledStatement = { name: string; text: string; params: unknown[] };

/**
 * A hot statement's text and parameters, once: every parameter must be a `bind` placeholder, since a
 * value built into the text would be sent again on every later call.
 */
function compileStatement(name: string, build: (bind: Bind) => SQL): CompiledStatement {
  const { sql: text, params } = dialect.sqlToQuery(build((key) => sql`${sql.placeholder(key)}`));
  const fixed = params.find((p) => !is(p, Placeholder) && !(is(p, Param) && is(p.value, Placeholder)));
  if (fixed !== undefined) throw new Error(`statement ${name}: a value is built into its text (${JSON.stringify(fixed)}); pass it through bind`);
  return { name, text, params };
}

function poolSize(): number {
  const n = Number(process.env.PG_POOL_MAX ?? 10);
  return Number.isInteger(n) && n > 0 ? n : 10;
}

function isRetryable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 4; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (code === '40001' || code === '40P01') return true;
  }
  return false;
}

function connectionMessage(url: string, error: unknown): string {
  const e = error as { code?: string; message?: string };
  const reason =
    e.code === 'ECONNREFUSED' ? '连接被拒绝，服务器未运行或端口不对'
    : e.code === 'ENOTFOUND' || e.code === 'EAI_AGAIN' ? '找不到该主机'
    : e.code === '28P01' || e.code === '28000' ? '用户名或密码不正确，或服务器不允许此用户以此方式登录'
    : e.code === '3D000' ? '数据库不存在，请先创建'
    : (e.message ?? String(error));
  return `无法连接 PostgreSQL 数据库 ${redactUrl(url)}：${reason}`;
}

export function openPostgres(url: string): PostgresHandle {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize(),
    types,
    connectionTimeoutMillis: 5_000,
    // Read-only unless a transaction says otherwise: a write that bypasses write(fn) fails at once.
    options: '-c default_transaction_read_only=on',
  });
  // An idle client whose server went away (a restart) must not take the process down with it.
  pool.on('error', () => {});
  const reader = drizzle(pool, { schema }) as unknown as DB;
  /** rawAllPrepared's statements, built once each. */
  const statements = new Map<string, CompiledStatement>();
  /** A query builder on each pooled connection, made once: a transaction runs on one connection. */
  const builders = new WeakMap<pg.PoolClient, DB>();

  /**
   * One transaction on a connection of its own, begun and ended with constant statements (drizzle's
   * transaction built each of them anew). A failed transaction is rolled back; a connection that was lost
   * or cannot even roll back is dropped, not returned to the pool. The error is the first one, not the rollback's.
   */
  async function transaction<T>(run: (ctx: Context) => Promise<T>, isolation: PgIsolation): Promise<T> {
    const client = await pool.connect();
    let broken: Error | undefined;
    // A connection lost while checked out is reported as an event as well as by the query in flight; the
    // pool listens only while a connection is idle, so without this the event would go unhandled.
    const onError = (error: Error) => {
      broken = error;
    };
    client.on('error', onError);
    try {
      let db = builders.get(client);
      if (!db) {
        db = drizzle(client, { schema }) as unknown as DB;
        builders.set(client, db);
      }
      try {
        await client.query(BEGIN[isolation]);
        const result = await run({ db, client });
        await client.query('commit');
        return result;
      } catch (error) {
        await client.query('rollback').catch((rollbackError: unknown) => {
          broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
        });
        throw error;
      }
    } finally {
      client.off('error', onError);
      client.release(broken);
    }
  }
  let migrated: Promise<void> | null = null;

  async function runMigrations(): Promise<void> {
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
    try {
      await client.connect();
    } catch (error) {
      throw new Error(connectionMessage(url, error));
    }
    client.on('error', () => {});
    try {
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await migrate(drizzle(client), { migrationsFolder: pgMigrationsFolder() });
    } finally {
      await client.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      await client.end().catch(() => undefined);
    }
  }

  return {
    engine: 'postgres',
    url,
    pool,
    reader,
    ready() {
      migrated ??= runMigrations().catch((error) => {
        migrated = null;
        throw error;
      });
      return migrated;
    },
    async write<T>(run: (ctx: Context) => Promise<T>, isolation: PgIsolation): Promise<T> {
      for (let attempt = 1; ; attempt++) {
        try {
          return await transaction(run, isolation);
        } catch (error) {
          if (attempt >= MAX_ATTEMPTS || !isRetryable(error)) throw error;
          await new Promise((r) => setTimeout(r, Math.random() * 5 * attempt));
        }
      }
    },
    async rawAll<T>(ctx: Context | undefined, query: SQL): Promise<T[]> {
      const result = await (ctx?.db ?? reader).execute(query);
      return result.rows as T[];
    },
    async rawRun(ctx: Context | undefined, query: SQL): Promise<void> {
      await (ctx?.db ?? reader).execute(query);
    },
    async rawAllPrepared<T>(ctx: Context | undefined, name: string, build: (bind: Bind) => SQL, values: Readonly<Record<string, unknown>>): Promise<T[]> {
      let statement = statements.get(name);
      if (!statement) {
        statement = compileStatement(name, build);
        statements.set(name, statement);
      }
      const config = { name: statement.name, text: statement.text, values: fillPlaceholders(statement.params, values) };
      const result = await (ctx ? clientOf(ctx) : pool).query(config);
      return result.rows as T[];
    },
    async exclusive<T>(key: number, fn: () => Promise<T>): Promise<T> {
      // A session-level advisory lock on a client of its own: held however many transactions fn runs.
      const client = await pool.connect();
      try {
        await client.query('select pg_advisory_lock($1)', [key]);
        try {
          return await fn();
        } finally {
          await client.query('select pg_advisory_unlock($1)', [key]).catch(() => undefined);
        }
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.end();
    },
  };
}
