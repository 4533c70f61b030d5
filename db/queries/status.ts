/**
 * What the running app reports of its database: cheap, read-only, no file-system work (route handlers
 * import this; the maintenance module with its file operations stays out of their bundles).
 */
import path from 'node:path';
import { databasePath, sqlite } from '../client';

/** The file of the open connection (the one a backup must never overwrite). */
export function liveDatabaseFile(): string {
  return path.resolve(sqlite().name);
}

/** What an administrator's status page shows of the database: where it is and how big. */
export function databaseFacts(): { path: string; bytes: number; journalMode: string } {
  const db = sqlite();
  const pages = Number(db.pragma('page_count', { simple: true }));
  const pageSize = Number(db.pragma('page_size', { simple: true }));
  return { path: databasePath(), bytes: pages * pageSize, journalMode: String(db.pragma('journal_mode', { simple: true })) };
}

/**
 * Whether the database answers, for the public GET /health: it reads only the schema's few pages, so
 * it costs the same on any size of database (an integrity check would read every page).
 */
export function isDatabaseResponding(): boolean {
  try {
    return (sqlite().prepare('select count(*) as n from sqlite_master').get() as { n: number }).n > 0;
  } catch {
    return false;
  }
}
