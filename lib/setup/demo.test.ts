import { sql, type SQL } from 'drizzle-orm';
import { describe, expect, it, vi } from 'vitest';
import { rawAll, useDatabase } from '@/db/client';
import { freshDatabase } from '@/lib/testing/db';
import { findUserByUsername } from '@/db/queries/users';
import { DEMO_ACCOUNTS, describeDemoAccounts, loadDemo } from './demo';

/** Lets a test make the import fail part-way through the demo load, as a crash would. */
const crash = vi.hoisted(() => ({ isOn: false }));
vi.mock('@/lib/projects/import', async (original) => {
  const m = await original<typeof import('@/lib/projects/import')>();
  return {
    ...m,
    applyImport: (...args: Parameters<typeof m.applyImport>) => {
      if (crash.isOn) throw new Error('模拟崩溃');
      return m.applyImport(...args);
    },
  };
});

/** Rows of a query with its `n` read as a number (PostgreSQL returns count(*) as a string). */
async function rows(query: SQL): Promise<Record<string, unknown>[]> {
  return (await rawAll<Record<string, unknown>>(query)).map((r) => ('n' in r ? { ...r, n: Number(r.n) } : r));
}

async function count(table: string): Promise<number> {
  return (await rows(sql`select count(*) as n from ${sql.identifier(table)}`))[0]!.n as number;
}

async function counts() {
  return { units: await count('units'), unitYears: await count('unit_years'), projects: await count('projects'), indicators: await count('indicators'), users: await count('users') };
}

describe('demo data', () => {
  it('loads the reference unit-year through the importer once, and a restart adds nothing', async () => {
    const file = await freshDatabase();
    const first = await loadDemo();
    expect(first.isLoaded).toBe(true);
    expect(first.tables).toBe(23);
    const after = await counts();
    expect(after).toMatchObject({ units: 1, unitYears: 1, projects: 23, indicators: 212 });
    const [sum] = await rawAll<{ s: number | string; e: number | string }>(sql`select sum(total_yuan) as s, (select project_expenditure_yuan from unit_years) as e from projects`);
    expect(Number(sum!.s)).toBe(Number(sum!.e));
    const states = await rows(sql`select status, count(*) as n from projects group by status order by status`);
    expect(states).toEqual([
      { status: 'approved', n: 18 },
      { status: 'draft', n: 3 },
      { status: 'submitted', n: 2 },
    ]);
    // Who made what is on record: the unit, its year and the accounts by the start-up, the tables by the owner's import.
    const audited = await rows(sql`select username, action, entity, count(*) as n from audit_log group by username, action, entity order by username, action, entity`);
    expect(audited).toEqual(
      expect.arrayContaining([
        { username: '系统（演示数据）', action: 'create', entity: 'unit', n: 1 },
        { username: '系统（演示数据）', action: 'create', entity: 'unit-year', n: 1 },
        { username: '系统（演示数据）', action: 'create', entity: 'user', n: 3 },
        { username: '系统（演示数据）', action: 'grant', entity: 'user', n: 2 },
        { username: 'owner', action: 'import', entity: 'project', n: 23 },
      ]),
    );

    const auditRows = await count('audit_log');
    await useDatabase(file); // a restart: the same database opened again
    const second = await loadDemo();
    expect(second.isLoaded).toBe(false);
    expect(await counts()).toEqual(after);
    expect(await count('audit_log')).toBe(auditRows);
  });

  it('a crash during the import leaves no demo unit behind, and the next start loads it all', async () => {
    await freshDatabase();
    crash.isOn = true;
    await expect(loadDemo()).rejects.toThrow('模拟崩溃');
    expect(await counts()).toMatchObject({ units: 0, unitYears: 0, projects: 0 });
    expect(await rows(sql`select count(*) as n from users where username = 'owner'`)).toEqual([{ n: 0 }]);
    crash.isOn = false;
    const again = await loadDemo();
    expect(again).toMatchObject({ isLoaded: true, tables: 23 });
    expect(await counts()).toMatchObject({ units: 1, unitYears: 1, projects: 23, indicators: 212 });
  });
});

describe('demo passwords', () => {
  it('must be changed at first sign-in, unless DEMO_DATA=trial, and the start-up text says which', async () => {
    // npm test runs with DEMO_DATA=trial (scripts/test.mjs): both settings are set here explicitly.
    const saved = process.env.DEMO_DATA;
    try {
      process.env.DEMO_DATA = '1';
      await freshDatabase();
      await loadDemo();
      for (const a of DEMO_ACCOUNTS) expect((await findUserByUsername(a.username))?.mustChangePassword, a.username).toBe(true);
      expect(describeDemoAccounts()).toContain('首次登录时须修改密码');
      process.env.DEMO_DATA = 'trial';
      await freshDatabase();
      await loadDemo();
      for (const a of DEMO_ACCOUNTS) expect((await findUserByUsername(a.username))?.mustChangePassword, a.username).toBe(false);
      expect(describeDemoAccounts()).toContain('DEMO_DATA=trial：本地试用');
    } finally {
      if (saved === undefined) delete process.env.DEMO_DATA;
      else process.env.DEMO_DATA = saved;
    }
  });
});
