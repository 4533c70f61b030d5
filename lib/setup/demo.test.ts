import { describe, expect, it, vi } from 'vitest';
import { sqlite, useDatabase } from '@/db/client';
import { freshDatabase } from '@/lib/testing/db';
import { loadDemo } from './demo';

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

function counts() {
  const q = (t: string) => (sqlite().prepare(`select count(*) as n from ${t}`).get() as { n: number }).n;
  return { units: q('units'), unitYears: q('unit_years'), projects: q('projects'), indicators: q('indicators'), users: q('users') };
}

describe('demo data', () => {
  it('loads the reference unit-year through the importer once, and a restart adds nothing', async () => {
    const file = freshDatabase();
    const first = await loadDemo();
    expect(first.isLoaded).toBe(true);
    expect(first.tables).toBe(23);
    const after = counts();
    expect(after).toMatchObject({ units: 1, unitYears: 1, projects: 23, indicators: 212 });
    const sum = sqlite().prepare('select sum(total_yuan) as s, (select project_expenditure_yuan from unit_years) as e from projects').get() as { s: number; e: number };
    expect(sum.s).toBe(sum.e);
    const states = sqlite().prepare('select status, count(*) as n from projects group by status order by status').all();
    expect(states).toEqual([
      { status: 'approved', n: 18 },
      { status: 'draft', n: 3 },
      { status: 'submitted', n: 2 },
    ]);
    // Who made what is on record: the unit, its year and the accounts by the start-up, the tables by the owner's import.
    const audited = sqlite().prepare('select username, action, entity, count(*) as n from audit_log group by username, action, entity order by username, action, entity').all();
    expect(audited).toEqual(
      expect.arrayContaining([
        { username: '系统（演示数据）', action: 'create', entity: 'unit', n: 1 },
        { username: '系统（演示数据）', action: 'create', entity: 'unit-year', n: 1 },
        { username: '系统（演示数据）', action: 'create', entity: 'user', n: 3 },
        { username: '系统（演示数据）', action: 'grant', entity: 'user', n: 2 },
        { username: 'owner', action: 'import', entity: 'project', n: 23 },
      ]),
    );

    const auditRows = (sqlite().prepare('select count(*) as n from audit_log').get() as { n: number }).n;
    useDatabase(file); // a restart: the same file opened again
    const second = await loadDemo();
    expect(second.isLoaded).toBe(false);
    expect(counts()).toEqual(after);
    expect((sqlite().prepare('select count(*) as n from audit_log').get() as { n: number }).n).toBe(auditRows);
  });

  it('a crash during the import leaves no demo unit behind, and the next start loads it all', async () => {
    freshDatabase();
    crash.isOn = true;
    await expect(loadDemo()).rejects.toThrow('模拟崩溃');
    expect(counts()).toMatchObject({ units: 0, unitYears: 0, projects: 0 });
    expect(sqlite().prepare("select count(*) as n from users where username = 'owner'").get()).toEqual({ n: 0 });
    crash.isOn = false;
    const again = await loadDemo();
    expect(again).toMatchObject({ isLoaded: true, tables: 23 });
    expect(counts()).toMatchObject({ units: 1, unitYears: 1, projects: 23, indicators: 212 });
  });
});
