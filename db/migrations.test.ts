import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { openSqlite } from './engine-sqlite';

const MIGRATIONS = path.join(process.cwd(), 'db', 'migrations');

/** A copy of the migrations folder holding only the first `count` migrations. */
function partialMigrations(count: number): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-migrations-'));
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.slice(0, count);
  fs.mkdirSync(path.join(dir, 'meta'));
  fs.writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify(journal));
  for (const e of journal.entries) fs.copyFileSync(path.join(MIGRATIONS, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  return dir;
}

afterEach(() => {
  delete process.env.MIGRATIONS_PATH;
});

/** The SQLite file format's own upgrade path (PostgreSQL's migrations are checked in postgres.test.ts). */
describe('SQLite migrations', () => {
  it('upgrade an existing database on open and keep its data', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pt-upgrade-')), 'old.db');
    process.env.MIGRATIONS_PATH = partialMigrations(1);
    const old = openSqlite(file);
    old.writerConnection.prepare("insert into units (code, name, created_at) values ('441001', '旧库单位', 1)").run();
    // Before the second migration the audit log can still be rewritten.
    old.writerConnection.prepare("insert into audit_log (at, action, entity) values (1, 'x', 'y')").run();
    expect(() => old.writerConnection.prepare('delete from audit_log').run()).not.toThrow();
    await old.close();

    delete process.env.MIGRATIONS_PATH;
    const upgraded = openSqlite(file);
    expect(upgraded.writerConnection.prepare('select name from units').get()).toEqual({ name: '旧库单位' });
    upgraded.writerConnection.prepare("insert into audit_log (at, action, entity) values (2, 'x', 'y')").run();
    expect(() => upgraded.writerConnection.prepare('delete from audit_log').run()).toThrow(/append-only/);
    const applied = upgraded.writerConnection.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number };
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
    expect(applied.n).toBe(journal.entries.length);
    await upgraded.close();
  });

  it('open with WAL, foreign keys and a busy timeout; the reader connection cannot write', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pt-pragmas-')), 'p.db');
    const h = openSqlite(file);
    expect(h.writerConnection.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(h.writerConnection.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(h.writerConnection.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(5000);
    expect(h.readerConnection.pragma('query_only', { simple: true })).toBe(1);
    expect(() => h.readerConnection.prepare("insert into units (code, name, created_at) values ('x', 'x', 1)").run()).toThrow(/readonly/);
    await h.close();
    const raw = new Database(file);
    expect(raw.prepare("select count(*) as n from sqlite_master where name = 'projects_unit_year_status_position'").get()).toEqual({ n: 1 });
    raw.close();
  });
});
