import { describe, expect, it } from 'vitest';
import { sqlite, useDatabase } from '@/db/client';
import { freshDatabase } from '@/lib/testing/db';
import { loadDemo } from './demo';

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

    useDatabase(file); // a restart: the same file opened again
    const second = await loadDemo();
    expect(second.isLoaded).toBe(false);
    expect(counts()).toEqual(after);
  });
});
