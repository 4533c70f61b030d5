import { beforeAll, describe, expect, it } from 'vitest';
import { countUnitYearOptions, listUnitYearOptions } from '@/db/queries/units';
import type { Actor } from '@/lib/auth/permissions';
import { makeActor, makeUnitYear, seededDatabase } from '@/lib/testing/db';
import { synthesize } from '@/lib/setup/synth';
import { PICKER_LIMIT, projectListPage } from './list';

let admin: Actor;
let owner: Actor;
const codes: string[] = [];

beforeAll(async () => {
  await seededDatabase();
  for (let i = 0; i < PICKER_LIMIT + 5; i++) codes.push((await makeUnitYear(`5${String(i).padStart(5, '0')}`)).unit.code);
  const odd = await makeUnitYear('9%_X1', 2023);
  owner = await makeActor('owner-one', [{ unitId: odd.unit.id, role: 'owner' }]);
  admin = await makeActor('admin-all', [], true);
});

describe('the unit-year picker of the list page', () => {
  it('offers a select to a user who sees a few unit-years', async () => {
    const page = await projectListPage(owner, {});
    expect(page.unitYears?.map((u) => u.unitCode)).toEqual(['9%_X1']);
    expect(page.selected?.unitCode).toBe('9%_X1');
  });

  it('does not load every unit-year for a user who sees many; any visible one can still be listed', async () => {
    const page = await projectListPage(admin, {});
    expect(page.unitYears).toBeNull();
    expect(page.unitYearCount).toBe(PICKER_LIMIT + 6);
    expect(page.selected).not.toBeNull();
    const last = (await listUnitYearOptions(null)).find((u) => u.unitCode === codes.at(-1))!;
    expect((await projectListPage(admin, { uy: String(last.id) })).selected?.unitCode).toBe(codes.at(-1));
    // A unit-year the owner may not see is not listed.
    expect((await projectListPage(owner, { uy: String(last.id) })).selected).toBeNull();
  });

  it('searches unit-years by code, name or year, with % and _ taken literally, and pages them', async () => {
    expect(await countUnitYearOptions(null, '500001')).toBe(1);
    expect(await countUnitYearOptions(null, '%_')).toBe(1);
    expect(await countUnitYearOptions(null, '测试单位 50006')).toBe(5);
    expect(await countUnitYearOptions(null, '2023')).toBe(1);
    expect(await countUnitYearOptions([], undefined)).toBe(0);
    const pages = await Promise.all([0, 30, 60].map(async (offset) => (await listUnitYearOptions(null, { limit: 30, offset })).map((u) => u.id)));
    expect(new Set(pages.flat()).size).toBe(PICKER_LIMIT + 6);
  });
});

describe('the list of one unit-year, page by page', () => {
  it('pages 120 tables as 50 + 50 + 20 without overlap, sorted and searched on the server', async () => {
    const made = await synthesize({ projects: 120, perUnit: 120, year: 2024, seed: 7 }, null);
    const uy = (await listUnitYearOptions(null, { search: made.firstUnitCode })).find((u) => u.unitCode === made.firstUnitCode)!;
    const pages = await Promise.all([1, 2, 3].map((page) => projectListPage(admin, { uy: String(uy.id), page: String(page) })));
    expect(pages.map((p) => p.rows.length)).toEqual([50, 50, 20]);
    expect(pages.map((p) => [p.total, p.pageCount])).toEqual([[120, 3], [120, 3], [120, 3]]);
    const ids = pages.flatMap((p) => p.rows.map((r) => r.id));
    expect(new Set(ids).size).toBe(120);
    expect(pages.flatMap((p) => p.rows.map((r) => r.position))).toEqual(Array.from({ length: 120 }, (_, i) => i + 1));

    const byTotalPages = await Promise.all([1, 2, 3].map((page) => projectListPage(admin, { uy: String(uy.id), page: String(page), sort: 'total', dir: 'desc' })));
    const byTotal = byTotalPages.flatMap((p) => p.rows.map((r) => r.totalYuan));
    expect(byTotal).toEqual([...byTotal].sort((a, b) => b - a));
    expect(byTotal).toHaveLength(120);

    const one = pages[0]!.rows[7]!;
    const found = await projectListPage(admin, { uy: String(uy.id), q: one.code });
    expect(found.rows.map((r) => r.id)).toEqual([one.id]);
    // A page past the end is empty, not an error.
    expect((await projectListPage(admin, { uy: String(uy.id), page: '9' })).rows).toEqual([]);
  });
});
