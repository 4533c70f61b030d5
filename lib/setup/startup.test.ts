/**
 * Two app servers started together on one empty database both come up: one seeds the base and demo
 * data, the other finds it there (on PostgreSQL the seeding runs under an advisory lock).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isPostgresRun } from '@/lib/testing/db';
import { freshPostgresDatabase } from '@/lib/testing/postgres';

function startOnce(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join('node_modules', 'tsx', 'dist', 'cli.mjs'), 'lib/testing/start-once.ts'], {
      env: { ...process.env, DATABASE_URL: undefined, DATABASE_PATH: undefined, ...env },
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('exit', (code) => resolve({ code, output }));
  });
}

// Several app servers share a database only on PostgreSQL; an embedded SQLite file has one server.
describe.runIf(isPostgresRun())('start-up', () => {
  it('two servers starting together on an empty database both come up, and the demo is loaded once', async () => {
    const env = { DATABASE_URL: await freshPostgresDatabase(process.env.DATABASE_URL!) };
    const [a, b] = await Promise.all([startOnce(env), startOnce(env)]);
    expect(a.code, a.output).toBe(0);
    expect(b.code, b.output).toBe(0);
    const loaded = [a, b].filter((r) => r.output.includes('已载入演示数据')).length;
    expect(loaded).toBe(1);
  }, 120_000);
});
