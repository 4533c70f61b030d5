/**
 * Which engine this process runs on. `DATABASE_URL` (postgres://…) wins; without it the embedded
 * SQLite file of `DATABASE_PATH` (default data/app.db) is used, exactly as before PostgreSQL existed.
 */
import path from 'node:path';

export type Engine = 'sqlite' | 'postgres';

export function databaseUrl(): string | undefined {
  const url = process.env.DATABASE_URL?.trim();
  return url ? url : undefined;
}

export function engine(): Engine {
  return databaseUrl() ? 'postgres' : 'sqlite';
}

export function databasePath(): string {
  return process.env.DATABASE_PATH ?? path.join(process.cwd(), 'data', 'app.db');
}

/** Checks the form of a PostgreSQL URL before any connection is tried, with a reason a person can act on. */
export function checkDatabaseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`DATABASE_URL 格式不正确（${redactUrl(url)}）。应为 postgres://用户名:密码@主机:端口/数据库名`);
  }
  if (parsed.protocol !== 'postgres:' && parsed.protocol !== 'postgresql:') {
    throw new Error(`DATABASE_URL 必须以 postgres:// 开头（现为 ${parsed.protocol}//）。使用内置 SQLite 时请不要设置 DATABASE_URL，改用 DATABASE_PATH`);
  }
  if (!parsed.hostname && !parsed.searchParams.get('host')) throw new Error('DATABASE_URL 缺少主机名，例如 postgres://pt:密码@127.0.0.1:5432/pt');
  if (parsed.pathname.replace(/^\//, '') === '') throw new Error('DATABASE_URL 缺少数据库名，例如 postgres://pt:密码@127.0.0.1:5432/pt');
  return url;
}

/** The URL with its password replaced, for messages and logs. */
export function redactUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]*:)[^@]*@/, '$1***@');
}

/** Where the data lives, for start-up lines and the status page (never the password). */
export function describeDatabase(): string {
  const url = databaseUrl();
  return url ? `PostgreSQL ${redactUrl(url)}` : databasePath();
}
