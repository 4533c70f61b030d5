import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { closeDatabase, openDatabase } from './client';

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
  closeDatabase();
});

describe('migrations', () => {
  it('upgrade an existing database on open and keep its data', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pt-upgrade-')), 'old.db');
    process.env.MIGRATIONS_PATH = partialMigrations(1);
    const old = openDatabase(file);
    old.sqlite.prepare("insert into units (code, name, created_at) values ('441001', '旧库单位', 1)").run();
    // Before the second migration the audit log can still be rewritten.
    old.sqlite.prepare("insert into audit_log (at, action, entity) values (1, 'x', 'y')").run();
    expect(() => old.sqlite.prepare('delete from audit_log').run()).not.toThrow();
    old.sqlite.close();

    delete process.env.MIGRATIONS_PATH;
    const upgraded = openDatabase(file);
    expect(upgraded.sqlite.prepare('select name from units').get()).toEqual({ name: '旧库单位' });
    upgraded.sqlite.prepare("insert into audit_log (at, action, entity) values (2, 'x', 'y')").run();
    expect(() => upgraded.sqlite.prepare('delete from audit_log').run()).toThrow(/append-only/);
    const applied = upgraded.sqlite.prepare('select count(*) as n from __drizzle_migrations').get() as { n: number };
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
    expect(applied.n).toBe(journal.entries.length);
    upgraded.sqlite.close();
  });

  it('open with WAL, foreign keys and a busy timeout', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pt-pragmas-')), 'p.db');
    const h = openDatabase(file);
    expect(h.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(h.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(h.sqlite.pragma('busy_timeout', { simple: true })).toBeGreaterThanOrEqual(5000);
    h.sqlite.close();
    const raw = new Database(file);
    expect(raw.prepare("select count(*) as n from sqlite_master where name = 'projects_unit_year_status_position'").get()).toEqual({ n: 1 });
    raw.close();
  });
});
