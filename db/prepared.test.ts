/**
 * rawAllPrepared (hot statements: the save and the session): inside a write it runs on the
 * transaction's own connection; on PostgreSQL each statement is built once per name, with placeholders,
 * and a value built into its text is refused.
 */
import { sql, type SQL } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase, isPostgresRun } from '@/lib/testing/db';
import { rawAllPrepared, write, type Bind } from './client';
import { insertUnit } from './queries/units';

beforeAll(async () => {
  await freshDatabase();
});

const namesOf = (code: string) => rawAllPrepared<{ name: string }>('test_unit_name', (bind) => sql`select name from units where code = ${bind('code')}`, { code });

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

  it('sends each call its own values; on PostgreSQL the statement is built once, on SQLite at every call', async () => {
    let builds = 0;
    const build = (bind: Bind): SQL => {
      builds++;
      return sql`select cast(${bind('n')} as integer) * 2 as twice, cast(${bind('s')} as text) as s`;
    };
    const odd = `引号' 反斜杠\\ {,} NULL $1`;
    for (let i = 0; i < 6; i++) {
      expect(await rawAllPrepared<{ twice: number; s: string }>('test_twice', build, { n: i, s: `${odd}${i}` })).toEqual([{ twice: 2 * i, s: `${odd}${i}` }]);
    }
    expect(builds).toBe(isPostgresRun() ? 1 : 6);
  });

  it('refuses a call that lacks a value', async () => {
    await expect(rawAllPrepared('test_missing', (bind) => sql`select ${bind('a')} as a, ${bind('b')} as b`, { a: 1 })).rejects.toThrow(/"?b"?/);
  });

  it.runIf(isPostgresRun())('refuses a statement with a value built into its text (it would be sent again on every later call)', async () => {
    await expect(rawAllPrepared('test_fixed', (bind) => sql`select ${bind('a')}::int + ${42}::int as n`, { a: 1 })).rejects.toThrow(/built into its text/);
  });
});
