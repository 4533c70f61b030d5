/**
 * What the running app reports of its database: cheap, read-only, no file-system work (route handlers
 * import this; the maintenance module with its file operations stays out of their bundles).
 */
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { databasePath, describeDatabase, rawAll, sqliteConnection } from '../client';

/** The file of the open SQLite connection (the one a backup must never overwrite); null on PostgreSQL. */
export function liveDatabaseFile(): string | null {
  const conn = sqliteConnection();
  return conn ? path.resolve(conn.name) : null;
}

export type DatabaseFacts = { engine: 'sqlite' | 'postgres'; path: string; bytes: number; journalMode: string };

/** What an administrator's status page shows of the database: where it is and how big. */
export async function databaseFacts(): Promise<DatabaseFacts> {
  const conn = sqliteConnection();
  if (conn) {
    const pages = Number(conn.pragma('page_count', { simple: true }));
    const pageSize = Number(conn.pragma('page_size', { simple: true }));
    return { engine: 'sqlite', path: databasePath(), bytes: pages * pageSize, journalMode: String(conn.pragma('journal_mode', { simple: true })) };
  }
  const [row] = await rawAll<{ bytes: number; version: string }>(
    sql`select pg_database_size(current_database()) as bytes, current_setting('server_version') as version`,
  );
  return { engine: 'postgres', path: describeDatabase(), bytes: Number(row?.bytes ?? 0), journalMode: `PostgreSQL ${row?.version ?? ''}` };
}

/**
 * Whether the database answers, for the public GET /health: it reads only the catalogue's few pages, so
 * it costs the same on any size of database (an integrity check would read every page).
 */
export async function isDatabaseResponding(): Promise<boolean> {
  try {
    const conn = sqliteConnection();
    if (conn) return (conn.prepare('select count(*) as n from sqlite_master').get() as { n: number }).n > 0;
    const rows = await rawAll<{ ok: number }>(sql`select 1 as ok`);
    return rows[0]?.ok === 1;
  } catch {
    return false;
  }
}
