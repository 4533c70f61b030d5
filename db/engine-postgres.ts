/**
 * PostgreSQL behind the async port: a pool whose sessions are read-only by default, so only
 * `write(fn)` can change data; writes run REPEATABLE READ (SERIALIZABLE when asked) and are retried on
 * serialization failure or deadlock. Migrations run once under an advisory lock, however many app servers start together.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { SQL } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { PgDialect } from 'drizzle-orm/pg-core';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { DB } from './client';
import { redactUrl } from './engine';
import * as schema from './schema/pg';

type Context = { db: DB };

export type PostgresHandle = {
  engine: 'postgres';
  url: string;
  pool: pg.Pool;
  reader: DB;
  ready(): Promise<void>;
  write<T>(run: (ctx: Context) => Promise<T>, isolation: 'repeatable read' | 'serializable'): Promise<T>;
  rawAll<T>(ctx: Context | undefined, query: SQL): Promise<T[]>;
  rawRun(ctx: Context | undefined, query: SQL): Promise<void>;
  rawAllPrepared<T>(ctx: Context | undefined, name: string, query: SQL): Promise<T[]>;
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

/**
 * The pg client a transaction runs on. drizzle keeps it as the transaction's `session.client` (not a
 * public name: db/prepared.test.ts proves it is still there and still the transaction's, so an upgrade
 * that moves it fails a test, not a save).
 */
function transactionClient(tx: DB): pg.PoolClient {
  const client = (tx as unknown as { session?: { client?: pg.PoolClient } }).session?.client;
  if (!client || typeof client.query !== 'function') throw new Error('drizzle transaction without its pg client');
  return client;
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
    async write<T>(run: (ctx: Context) => Promise<T>, isolation: 'repeatable read' | 'serializable'): Promise<T> {
      for (let attempt = 1; ; attempt++) {
        try {
          return await reader.transaction((tx) => run({ db: tx as unknown as DB }), {
            isolationLevel: isolation,
            accessMode: 'read write',
          });
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
    async rawAllPrepared<T>(ctx: Context | undefined, name: string, query: SQL): Promise<T[]> {
      const { sql: text, params } = dialect.sqlToQuery(query);
      // Named by its text too: a statement whose text varies (which parts a save writes) gets one name per
      // variant, as PostgreSQL requires of a connection's prepared statements.
      const named = `${name}_${createHash('sha1').update(text).digest('hex').slice(0, 12)}`;
      const config = { name: named, text, values: params as unknown[] };
      const result = ctx ? await transactionClient(ctx.db).query(config) : await pool.query(config);
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
