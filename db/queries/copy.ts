/**
 * `pt db:copy`: everything of an embedded SQLite database into the empty PostgreSQL database of this
 * process, in one transaction — units, years, frameworks, tables, users and roles, the review
 * conversation and the audit log, with their ids, so that every reference and every export stays the
 * same. Sessions and sign-in attempts are not copied (everyone signs in again).
 */
import fs from 'node:fs';
import Database from 'better-sqlite3';
import type pg from 'pg';
import { bulkPostgres, currentEngine } from '../client';

/** In the order their foreign keys need. */
export const COPIED_TABLES = [
  'frameworks', 'framework_categories', 'units', 'unit_years', 'users', 'memberships', 'unit_year_deadlines',
  'projects', 'checkpoints', 'indicators', 'review_events', 'review_comments', 'audit_log',
  'monitoring_rounds', 'monitoring_reports', 'monitoring_entries', 'monitoring_events', 'table_adjustments',
  'library_entries', 'library_grams', 'library_entry_units', 'library_facets', 'library_sources',
  // Each table's last import (issue 19 item 6): without it every copied draft would read as never imported.
  'project_imports',
  // Which returned-table comments the owner has marked 已处理 (issue 19 item 2).
  'comment_marks',
  'selfeval_rounds', 'selfevals', 'selfeval_events',
  'unit_year_review_settings',
] as const;

/**
 * Tables deliberately left behind: a copy is a move to a new server, so everyone signs in again
 * (sessions), the sign-in delays start afresh (login_attempts), and devices become known again at
 * their next successful sign-in (known_devices). Every other table must be in COPIED_TABLES; a test
 * holds the two lists to the schema so that a new table cannot be forgotten.
 */
export const NOT_COPIED_TABLES = ['sessions', 'login_attempts', 'known_devices'] as const;

export type CopyReport = { tables: { table: string; rows: number }[] };

export class CopyRefused extends Error {}

/** PostgreSQL allows 65,535 parameters a statement. */
const MAX_PARAMS = 60_000;

/**
 * The table holding data when the target is not new, or null. A database that `pt db:migrate` (or a
 * server's first start) has only prepared — frameworks and the disabled system account — counts as new:
 * those rows are replaced by the source's own, ids included.
 */
async function dataIn(client: pg.PoolClient): Promise<string | null> {
  for (const table of COPIED_TABLES) {
    if (table === 'frameworks' || table === 'framework_categories') continue;
    const condition = table === 'users' ? "where username <> 'system'" : '';
    const r = await client.query(`select exists (select 1 from ${table} ${condition}) as has`);
    if (r.rows[0].has) return table;
  }
  return null;
}

async function booleanColumns(client: pg.PoolClient): Promise<Set<string>> {
  const r = await client.query<{ t: string; c: string }>(
    "select table_name as t, column_name as c from information_schema.columns where table_schema = current_schema() and data_type = 'boolean'",
  );
  return new Set(r.rows.map((x) => `${x.t}.${x.c}`));
}

export async function copyFromSqlite(file: string): Promise<CopyReport> {
  if (currentEngine() !== 'postgres') throw new CopyRefused('db:copy 把内置 SQLite 数据库复制到 PostgreSQL：请先设置 DATABASE_URL 指向一个空的 PostgreSQL 数据库');
  if (!fs.existsSync(file)) throw new CopyRefused(`文件不存在：${file}`);
  let source: Database.Database;
  try {
    source = new Database(file, { readonly: true, fileMustExist: true });
    source.prepare('select count(*) from projects').get();
  } catch (error) {
    throw new CopyRefused(`无法作为本系统的 SQLite 数据库打开：${file}（${error instanceof Error ? error.message : String(error)}）`);
  }
  try {
    return await bulkPostgres(async (client) => {
      const busy = await dataIn(client);
      if (busy) throw new CopyRefused(`目标 PostgreSQL 数据库不是空的（表 ${busy} 已有数据）。db:copy 只复制到新建的空数据库，以免两份数据混在一起`);
      await client.query('delete from sessions');
      await client.query('delete from login_attempts');
      await client.query('delete from users');
      await client.query('delete from framework_categories');
      await client.query('delete from frameworks');
      const booleans = await booleanColumns(client);
      const report: CopyReport = { tables: [] };
      for (const table of COPIED_TABLES) {
        const columns = (source.prepare(`pragma table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
        const perStatement = Math.max(1, Math.floor(MAX_PARAMS / columns.length));
        const convert = columns.map((c) => (booleans.has(`${table}.${c}`) ? (v: unknown) => (v === null ? null : v === 1 || v === true) : (v: unknown) => v));
        let batch: unknown[][] = [];
        let rows = 0;
        const flush = async () => {
          if (batch.length === 0) return;
          const params: unknown[] = [];
          const tuples = batch.map((row) => `(${row.map((v) => `$${params.push(v)}`).join(', ')})`);
          await client.query(`insert into ${table} (${columns.map((c) => `"${c}"`).join(', ')}) values ${tuples.join(', ')}`, params);
          rows += batch.length;
          batch = [];
        };
        // Read in id order (or the key's order), a batch at a time, so a large database is never held whole in memory.
        const order = columns.includes('id') ? 'id' : columns.slice(0, 3).join(', ');
        for (const row of source.prepare(`select ${columns.map((c) => `"${c}"`).join(', ')} from ${table} order by ${order}`).raw().iterate() as Iterable<unknown[]>) {
          batch.push(row.map((v, i) => convert[i]!(v)));
          if (batch.length >= perStatement) await flush();
        }
        await flush();
        if (columns.includes('id')) {
          // New rows continue after the copied ids.
          await client.query(`select setval(pg_get_serial_sequence('${table}', 'id'), coalesce((select max(id) from ${table}), 0) + 1, false)`);
        }
        report.tables.push({ table, rows });
      }
      return report;
    });
  } finally {
    source.close();
  }
}
