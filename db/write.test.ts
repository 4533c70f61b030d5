/**
 * The write port: a failed write leaves nothing behind and answers with its own error; on PostgreSQL a
 * serialization failure is retried, and a connection that dies inside a write is answered as the
 * database being unavailable (not as the failed rollback after it) and does not poison the pool.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, isPostgresRun } from '@/lib/testing/db';
import { isDatabaseUnavailable, rawAll, write } from './client';
import { findUnitByCode, insertUnit } from './queries/units';

beforeAll(async () => {
  await freshDatabase();
});

describe('write', () => {
  it('takes back everything of a write that throws, and answers with that error', async () => {
    const error = await write(async () => {
      await insertUnit('990101', '将被撤销');
      throw new Error('写到一半失败');
    }).catch((e: unknown) => e);
    expect((error as Error).message).toBe('写到一半失败');
    expect(await findUnitByCode('990101')).toBeUndefined();
    await write(() => insertUnit('990102', '之后的写入'));
    expect((await findUnitByCode('990102'))?.name).toBe('之后的写入');
  });

  it.runIf(isPostgresRun())('retries a serialization failure, with nothing of the failed attempt kept', async () => {
    let attempts = 0;
    const result = await write(async () => {
      attempts++;
      await insertUnit(`99020${attempts}`, `第 ${attempts} 次`);
      if (attempts === 1) await rawAll(sql`do $$ begin raise exception 'conflict' using errcode = 'serialization_failure'; end $$`);
      return attempts;
    });
    expect(result).toBe(2);
    expect(await findUnitByCode('990201')).toBeUndefined();
    expect((await findUnitByCode('990202'))?.name).toBe('第 2 次');
  });

  it.runIf(isPostgresRun())('a connection that dies inside a write: answered as unavailable, and later writes work', async () => {
    const error = await write(async () => {
      await insertUnit('990301', '连接断开前');
      await rawAll(sql`select pg_terminate_backend(pg_backend_pid())`);
    }).catch((e: unknown) => e);
    expect(isDatabaseUnavailable(error)).toBe(true);
    // PostgreSQL's own error (drizzle keeps it as the cause), not the failed rollback that followed it.
    expect((error as { cause?: { code?: string } }).cause?.code).toBe('57P01');
    expect(await findUnitByCode('990301')).toBeUndefined();
    // More writes than the pool has connections: none of them may be handed the dead one.
    for (let i = 0; i < 12; i++) await write(() => insertUnit(`9904${String(i).padStart(2, '0')}`, `之后 ${i}`));
    expect((await findUnitByCode('990411'))?.name).toBe('之后 11');
  });
});
