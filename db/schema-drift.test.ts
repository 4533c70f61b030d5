/**
 * The committed migrations of each engine describe its schema in `db/schema/<engine>/`: drizzle-kit, run against a copy of
 * them, finds nothing to generate. A schema change without its generated migration fails here.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const CONFIGS = [
  { dialect: 'sqlite', schema: './db/schema/sqlite/index.ts', folder: path.join('db', 'migrations') },
  { dialect: 'postgresql', schema: './db/schema/pg/index.ts', folder: path.join('db', 'migrations-pg') },
] as const;

describe('migrations', () => {
  it.each(CONFIGS)('are up to date with the $dialect schema (drizzle-kit generate has nothing to add)', ({ dialect, schema, folder }) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-drift-'));
    const out = path.join(dir, 'migrations');
    fs.cpSync(folder, out, { recursive: true });
    const config = path.join(dir, 'drizzle.config.json');
    // drizzle-kit reads `out` relative to the working directory.
    fs.writeFileSync(config, JSON.stringify({ dialect, schema, out: path.relative(process.cwd(), out) }));
    const before = fs.readdirSync(out).sort();
    const r = spawnSync(process.execPath, [path.join('node_modules', 'drizzle-kit', 'bin.cjs'), 'generate', `--config=${config}`], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('No schema changes');
    expect(fs.readdirSync(out).sort()).toEqual(before);
  }, 60_000);
});
