/**
 * rawAllPrepared (named prepared statements on PostgreSQL, for the save and the session): inside a
 * write it runs on the transaction's own connection, and one name serves texts that differ.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '@/lib/testing/db';
import { rawAllPrepared, write } from './client';
import { insertUnit } from './queries/units';

beforeAll(async () => {
  await freshDatabase();
});

const namesOf = (code: string) => rawAllPrepared<{ name: string }>('test_unit_name', sql`select name from units where code = ${code}`);

describe('rawAllPrepared', () => {
  it('runs inside the write that calls it: it sees what the transaction wrote, and nothing once it is rolled back', async () => {
    const seen = await write(async () => {
      await insertUnit('990001', '事务内的单位');
      return namesOf('990001');
    }).catch((error: unknown) => error);
    expect(seen).toEqual([{ name: '事务内的单位' }]);
    const rolledBack = await write(async () => {
      await insertUnit('990002', '将被撤销的单位');
      expect(await namesOf('990002')).toEqual([{ name: '将被撤销的单位' }]);
      throw new Error('roll back');
    }).catch((error: unknown) => (error as Error).message);
    expect(rolledBack).toBe('roll back');
    expect(await namesOf('990002')).toEqual([]);
    expect(await namesOf('990001')).toEqual([{ name: '事务内的单位' }]);
  });

  it('keeps one name for statements whose text differs, each run many times', async () => {
    for (let i = 0; i < 12; i++) {
      expect(await rawAllPrepared<{ n: number }>('test_variants', i % 2 ? sql`select cast(${i} as integer) as n` : sql`select cast(${i} as integer) + 0 as n`)).toEqual([{ n: i }]);
    }
  });
});
