import { beforeAll, describe, expect, it } from 'vitest';
import { countUnitYearOptions, listUnitYearOptions } from '@/db/queries/units';
import type { Actor } from '@/lib/auth/permissions';
import { makeActor, makeUnitYear, seededDatabase } from '@/lib/testing/db';
import { PICKER_LIMIT, projectListPage } from './list';

let admin: Actor;
let owner: Actor;
const codes: string[] = [];

beforeAll(async () => {
  await seededDatabase();
  for (let i = 0; i < PICKER_LIMIT + 5; i++) codes.push(makeUnitYear(`5${String(i).padStart(5, '0')}`).unit.code);
  const odd = makeUnitYear('9%_X1', 2023);
  owner = makeActor('owner-one', [{ unitId: odd.unit.id, role: 'owner' }]);
  admin = makeActor('admin-all', [], true);
});

describe('the unit-year picker of the list page', () => {
  it('offers a select to a user who sees a few unit-years', () => {
    const page = projectListPage(owner, {});
    expect(page.unitYears?.map((u) => u.unitCode)).toEqual(['9%_X1']);
    expect(page.selected?.unitCode).toBe('9%_X1');
  });

  it('does not load every unit-year for a user who sees many; any visible one can still be listed', () => {
    const page = projectListPage(admin, {});
    expect(page.unitYears).toBeNull();
    expect(page.unitYearCount).toBe(PICKER_LIMIT + 6);
    expect(page.selected).not.toBeNull();
    const last = listUnitYearOptions(null).find((u) => u.unitCode === codes.at(-1))!;
    expect(projectListPage(admin, { uy: String(last.id) }).selected?.unitCode).toBe(codes.at(-1));
    // A unit-year the owner may not see is not listed.
    expect(projectListPage(owner, { uy: String(last.id) }).selected).toBeNull();
  });

  it('searches unit-years by code, name or year, with % and _ taken literally, and pages them', () => {
    expect(countUnitYearOptions(null, '500001')).toBe(1);
    expect(countUnitYearOptions(null, '%_')).toBe(1);
    expect(countUnitYearOptions(null, '测试单位 50006')).toBe(5);
    expect(countUnitYearOptions(null, '2023')).toBe(1);
    expect(countUnitYearOptions([], undefined)).toBe(0);
    const pages = [0, 30, 60].map((offset) => listUnitYearOptions(null, { limit: 30, offset }).map((u) => u.id));
    expect(new Set(pages.flat()).size).toBe(PICKER_LIMIT + 6);
  });
});
