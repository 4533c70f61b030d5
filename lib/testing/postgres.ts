/**
 * Throwaway PostgreSQL databases for tests: the first call in a process migrates a template database
 * (under an advisory lock, as test files run in parallel workers), later ones copy it.
 */
import pg from 'pg';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { useDatabase, closeDatabase } from '@/db/client';

/**
 * One template per set of migrations: branches that add different migrations share a developer's server,
 * and a template migrated by one would skip (or clash with) another's migrations.
 */
const TEMPLATE = `pt_test_template_${createHash('sha1')
  .update(fs.readFileSync(path.join(process.cwd(), 'db', 'migrations-pg', 'meta', '_journal.json')))
  .digest('hex')
  .slice(0, 12)}`;
const LOCK = 72_410_014;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The template is made once per server and reused across test runs while the migrations are the same. */
async function ensureTemplate(url: string): Promise<void> {
  await admin(url, async (c) => {
    await c.query('select pg_advisory_lock($1)', [LOCK]);
    try {
      const exists = await c.query('select 1 from pg_database where datname = $1', [TEMPLATE]);
      if (exists.rowCount === 0) await c.query(`create database ${TEMPLATE}`);
      // Migrating an up-to-date template is a no-op; a new migration is applied here once.
      await useDatabase(withDatabase(url, TEMPLATE));
      await closeDatabase();
    } finally {
      await c.query('select pg_advisory_unlock($1)', [LOCK]);
    }
  });
}

let templateReady: Promise<void> | null = null;

export async function freshPostgresDatabase(url: string): Promise<string> {
  templateReady ??= ensureTemplate(url);
  await templateReady;
  const name = `pt_test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await admin(url, async (c) => {
    // CREATE DATABASE … TEMPLATE needs nobody connected to the template; other workers may be copying it.
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`create database ${name} template ${TEMPLATE}`);
        return;
      } catch (error) {
        if (attempt > 50 || (error as { code?: string }).code !== '55006') throw error;
        await new Promise((r) => setTimeout(r, 50 + Math.random() * 100));
      }
    }
  });
  return withDatabase(url, name);
}
