/**
 * Why a save costs what it costs on PostgreSQL, in process (no HTTP, no Next): `saveTable` on its own
 * table from each of `--concurrency` workers for `--seconds`, on a throwaway cluster with durable
 * settings, counting the transaction attempts (a serialization failure re-runs the callback). With
 * `--isolation read-committed|repeatable-read|serializable` the port's transactions run at that level instead
 * of the one the app chooses (only in this process), to measure what the isolation level costs.
 * `--statements` first prints the statements one save sends (each a round trip to the server).
 * Usage: npx tsx scripts/bench/pg-save-probe.ts [--concurrency 8] [--seconds 10] [--isolation serializable] [--statements]
 */
import { closeDatabase, useDatabase } from '@/db/client';
import type { PgIsolation, PostgresHandle } from '@/db/engine-postgres';
import { createTable } from '@/lib/projects/commands/create-table';
import { saveTable } from '@/lib/projects/commands/save-table';
import { tableSchema } from '@/lib/domain/schemas';
import { makeActor, makeUnitYear } from '@/lib/testing/db';
import { ensureBaseData } from '@/lib/setup/bootstrap';
import { scriptTable } from '../reliability/fixtures';
import { benchPostgres } from './pg-server';
import { percentile } from './stats';
import pg from 'pg';

type Port = Pick<PostgresHandle, 'write'>;

const arg = (name: string, fallback: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1]! : fallback;
};

type Who = Parameters<typeof saveTable>[0];

/** One save with every query the pool's clients send logged: the save's round trips, in order. */
async function printStatements(who: Who, t: { code: string; projectId: number; version: number }): Promise<void> {
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const query = proto.query;
  const sent: string[] = [];
  proto.query = function (this: unknown, ...args: unknown[]) {
    const q = args[0];
    const text = typeof q === 'string' ? q : ((q as { text?: string }).text ?? String(q));
    sent.push(text.replace(/\s+/g, ' ').slice(0, 150));
    return query.apply(this, args);
  };
  try {
    const input = tableSchema.parse(scriptTable(t.code, `探针 ${Date.now()}`));
    t.version = (await saveTable(who, t.projectId, t.version, input)).version;
  } finally {
    proto.query = query;
  }
  console.log(`一次保存发出 ${sent.length} 条语句（每条一次往返）：`);
  for (const [i, text] of sent.entries()) console.log(`  ${i + 1}. ${text}`);
}

async function main(): Promise<void> {
  const concurrency = Number(arg('--concurrency', '8'));
  const seconds = Number(arg('--seconds', '10'));
  const isolation = arg('--isolation', 'app').replace('-', ' ') as PgIsolation | 'app';
  const pg = await benchPostgres(process.env.PT_TEST_DATABASE_URL?.trim() || null);
  try {
    await useDatabase(await pg.database('pt_save_probe'));
    await ensureBaseData();
    const { unit, unitYear } = await makeUnitYear('441001');
    const actor = await makeActor('probe', [{ unitId: unit.id, role: 'owner' }]);
    const who = { actor, ip: null };
    const port = (globalThis as unknown as { __ptDb: Port }).__ptDb;
    const original = port.write.bind(port);
    let attempts = 0;
    port.write = <T,>(run: Parameters<Port['write']>[0], chosen: PgIsolation): Promise<T> => {
      const counted = (ctx: Parameters<typeof run>[0]) => {
        attempts++;
        return run(ctx) as Promise<T>;
      };
      return original(counted, isolation === 'app' ? chosen : isolation);
    };
    const tables = [];
    for (let i = 0; i < concurrency; i++) {
      const code = `13080024PPROBE${String(i).padStart(7, '0')}`;
      const created = await createTable(who, unitYear.id, tableSchema.parse(scriptTable(code)));
      tables.push({ code, ...created });
    }
    if (process.argv.includes('--statements')) await printStatements(who, tables[0]!);
    attempts = 0;
    const samples: number[] = [];
    let failures = 0;
    const until = Date.now() + seconds * 1000;
    await Promise.all(
      tables.map(async (t) => {
        while (Date.now() < until) {
          const input = tableSchema.parse(scriptTable(t.code, `探针 ${Date.now()}`));
          const started = performance.now();
          try {
            t.version = (await saveTable(who, t.projectId, t.version, input)).version;
            samples.push(performance.now() - started);
          } catch (error) {
            failures++;
            if (failures <= 3) console.error(error instanceof Error ? `${error.message} ${(error as { code?: string }).code ?? ''}` : error);
          }
        }
      }),
    );
    samples.sort((a, b) => a - b);
    const saves = samples.length;
    console.log(
      `隔离级别 ${isolation}，并发 ${concurrency}：保存 ${saves} 次（${(saves / seconds).toFixed(0)}/s），p50 ${percentile(samples, 50).toFixed(1)} ms，p95 ${percentile(samples, 95).toFixed(1)} ms，` +
        `事务尝试 ${attempts} 次（每次保存 ${(attempts / Math.max(1, saves)).toFixed(2)} 次），失败 ${failures}`,
    );
  } finally {
    await closeDatabase();
    await pg.stop();
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
