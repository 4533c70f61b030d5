/**
 * One numbering rule wherever a table is shown: the overview, preview and editor headings use
 * `printedNumber`, which must agree with the number every export gives the table — also when positions
 * have gaps (a deleted draft) and for approved tables, numbered among the approved ones.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { write } from '@/db/client';
import { deleteProject, listProjectsOfUnitYear } from '@/db/queries/projects';
import { loadDemo } from '@/lib/setup/demo';
import { freshDatabase } from '@/lib/testing/db';
import { printedNumber, sectionById } from './section';

async function exportedNumbers(unitYearId: number): Promise<Map<number, number>> {
  const published = (await sectionById(unitYearId, { includeDrafts: false }))!.entries;
  const all = (await sectionById(unitYearId, { includeDrafts: true }))!.entries;
  const numbers = new Map(all.filter((e) => e.isDraft).map((e) => [e.projectId, e.number]));
  for (const e of published) numbers.set(e.projectId, e.number);
  return numbers;
}

beforeAll(async () => {
  await freshDatabase();
  await loadDemo();
}, 60_000);

describe('a table’s printed number', () => {
  it('is its place among the approved tables when approved, in the whole section otherwise', async () => {
    const rows = await listProjectsOfUnitYear(1);
    const firstApproved = rows.find((p) => p.status === 'approved')!;
    expect(firstApproved.position).toBe(6);
    expect(await printedNumber(firstApproved)).toBe(1);
    const exported = await exportedNumbers(1);
    for (const p of rows) expect(await printedNumber(p), p.code).toBe(exported.get(p.id));
  });

  it('agrees with the exports after a draft is deleted and positions have a gap', async () => {
    const rows = await listProjectsOfUnitYear(1);
    await write(() => deleteProject(rows.find((p) => p.status === 'draft' && p.position === 2)!.id));
    const after = await listProjectsOfUnitYear(1);
    const third = after.find((p) => p.position === 3)!;
    expect(await printedNumber(third)).toBe(2);
    const exported = await exportedNumbers(1);
    for (const p of after) expect(await printedNumber(p), p.code).toBe(exported.get(p.id));
  });
});
