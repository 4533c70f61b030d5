/**
 * Reads a database from outside the app (after a crash, a restart or a backup), on either engine: a
 * SQLite file opened read-only, or a PostgreSQL URL. Statements use `?` placeholders on both.
 */
import Database from 'better-sqlite3';
import pg from 'pg';

export type DbReader = {
  all<T>(text: string, ...params: unknown[]): Promise<T[]>;
  /** SQLite's integrity and foreign-key checks; PostgreSQL checks its own pages and keys, so: true. */
  isIntact(): Promise<boolean>;
  close(): Promise<void>;
};

export const isPostgresTarget = (target: string): boolean => /^postgres(ql)?:\/\//.test(target);

export async function openReader(target: string, opts: { readonly?: boolean } = {}): Promise<DbReader> {
  if (isPostgresTarget(target)) {
    const client = new pg.Client({ connectionString: target });
    client.on('error', () => {});
    await client.connect();
    return {
      async all<T>(text: string, ...params: unknown[]) {
        let n = 0;
        const r = await client.query(text.replace(/\?/g, () => `$${++n}`), params);
        return r.rows as T[];
      },
      async isIntact() {
        return true;
      },
      async close() {
        await client.end();
      },
    };
  }
  const db = new Database(target, { readonly: opts.readonly ?? true, fileMustExist: true });
  return {
    async all<T>(text: string, ...params: unknown[]) {
      return db.prepare(text).all(...params) as T[];
    },
    async isIntact() {
      return db.pragma('integrity_check', { simple: true }) === 'ok' && (db.pragma('foreign_key_check') as unknown[]).length === 0;
    },
    async close() {
      db.close();
    },
  };
}
