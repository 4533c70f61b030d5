/**
 * The two engines give the same documents: the demo loaded on PostgreSQL and on the embedded SQLite
 * default exports to the same bytes (text, XLSX, JSON), and so does a SQLite database moved over with
 * `pt db:copy`. Runs in the PostgreSQL pass of `npm test` (it needs a server); the commands are the real
 * command line, in child processes, as an administrator would type them.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPostgresRun } from '@/lib/testing/db';
import { freshPostgresDatabase } from '@/lib/testing/postgres';

const FORMATS = ['txt', 'xlsx', 'json'] as const;

function pt(env: Record<string, string | undefined>, ...args: string[]): string {
  const r = spawnSync(process.execPath, [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), 'lib/cli/main.ts', ...args], {
    encoding: 'utf8',
    // A fixed document date: the two demo loads happen at different moments.
    env: { ...process.env, DATABASE_URL: undefined, DATABASE_PATH: undefined, SOURCE_DATE_EPOCH: '1735689600', ...env },
  });
  if (r.status !== 0) throw new Error(`pt ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return r.stdout;
}

function exportAll(env: Record<string, string | undefined>, dir: string, prefix: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const f of FORMATS) {
    const file = path.join(dir, `${prefix}.${f}`);
    pt(env, 'export', '--unit', '441001', '--year', '2024', '--all', '-o', file);
    out.set(f, fs.readFileSync(file));
  }
  return out;
}

describe.runIf(isPostgresRun())('the same documents on both engines', () => {
  it('demo on PostgreSQL, demo on SQLite, and SQLite copied to PostgreSQL export byte-identical text, XLSX and JSON', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-engines-'));
    const sqlite = { DATABASE_PATH: path.join(dir, 'app.db') };
    pt(sqlite, 'db:migrate');
    pt(sqlite, 'db:demo');
    const embedded = exportAll(sqlite, dir, 'sqlite');

    const fresh = { DATABASE_URL: await freshPostgresDatabase(process.env.DATABASE_URL!) };
    pt(fresh, 'db:migrate');
    pt(fresh, 'db:demo');
    const server = exportAll(fresh, dir, 'pg');

    const copied = { DATABASE_URL: await freshPostgresDatabase(process.env.DATABASE_URL!) };
    expect(pt(copied, 'db:copy', '--from', sqlite.DATABASE_PATH)).toContain('复制完成');
    const moved = exportAll(copied, dir, 'copy');
    // A second copy into the now filled database is refused.
    expect(() => pt(copied, 'db:copy', '--from', sqlite.DATABASE_PATH)).toThrow(/不是空的/);

    for (const f of FORMATS) {
      expect(embedded.get(f)!.length, f).toBeGreaterThan(1000);
      expect(server.get(f)!.equals(embedded.get(f)!), `${f}: PostgreSQL demo ≠ SQLite demo`).toBe(true);
      expect(moved.get(f)!.equals(embedded.get(f)!), `${f}: copied ≠ SQLite`).toBe(true);
    }
  }, 180_000);
});
