import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rawRun, write } from '@/db/client';
import { countReports, insertReport, insertRound, listReports, listRoundChoices } from '@/db/queries/monitoring';
import type { Actor } from '@/lib/auth/permissions';
import { createTable } from '@/lib/projects/commands/create-table';
import { makeActor, makeUnitYear, seededDatabase } from '@/lib/testing/db';
import { sampleTable } from '@/lib/testing/tables';
import { dashboard } from './dashboard';

type Seeded = { unitYearId: number; roundId: number; reportIds: number[] };
let a: Seeded;
let b: Seeded;
let admin: Actor;
let reviewerA: Actor;

/** A unit-year with a round due `deadline` and one report per (light, status) given, in table order. */
async function seed(code: string, deadline: string, reports: [string, string][]): Promise<Seeded> {
  const u = await makeUnitYear(code);
  const owner = await makeActor(`d-${code}`, [{ unitId: u.unit.id, role: 'owner' }]);
  const projectIds: number[] = [];
  for (let i = 0; i < reports.length; i++) projectIds.push((await createTable({ actor: owner, ip: null }, u.unitYear.id, sampleTable(`13080024P${code.slice(0, 5)}${String(i).padStart(6, '0')}B`))).projectId);
  return write(async () => {
    const round = await insertRound({ unitYearId: u.unitYear.id, month: 7, deadline, openedBy: null });
    const reportIds: number[] = [];
    for (const [i, [light, status]] of reports.entries()) {
      const r = await insertReport({ roundId: round.id, projectId: projectIds[i]!, budgetYuan: 100_000 });
      await rawRun(sql`update monitoring_reports set light = ${light}, status = ${status}, funds_progress = ${10 * (i + 1)} where id = ${r.id}`);
      reportIds.push(r.id);
    }
    if (code === '810008') reviewerA = await makeActor('d-reviewer', [{ unitId: u.unit.id, role: 'reviewer' }]);
    return { unitYearId: u.unitYear.id, roundId: round.id, reportIds };
  });
}

beforeAll(async () => {
  await seededDatabase();
  admin = await makeActor('d-admin', [], true);
  a = await seed('810008', '2024-08-15', [['green', 'draft'], ['red', 'submitted'], ['none', 'returned'], ['yellow', 'approved'], ['red', 'draft']]);
  b = await seed('820008', '2024-09-30', [['blue', 'draft'], ['red', 'returned'], ['green', 'approved']]);
});

describe('the dashboard at any scale', () => {
  it('counts by light and status per round, every visible unit-year, and overdue by each round’s deadline', async () => {
    const all = await countReports({ unitYearIds: null }, '2024-09-01');
    expect(all).toEqual({
      byLight: { red: 3, yellow: 1, green: 2, blue: 1, none: 1 },
      byStatus: { draft: 3, submitted: 1, returned: 2, dept_approved: 0, approved: 2 },
      overdue: 3, // a's draft, returned, draft; b is not due yet
      total: 8,
    });
    expect(await countReports({ unitYearIds: [b.unitYearId] }, '2024-10-01')).toMatchObject({ total: 3, overdue: 2, byLight: { blue: 1, red: 1, green: 1 } });
    expect(await countReports({ unitYearIds: [a.unitYearId, b.unitYearId], roundId: a.roundId }, '2024-09-01')).toMatchObject({ total: 5, overdue: 3 });
    expect(await countReports({ unitYearIds: [] }, '2024-09-01')).toMatchObject({ total: 0 });
  });

  it('lists across unit-years red first, ties by report id, filtered and limited; in one round ties follow the table order', async () => {
    const ids = (rows: { id: number }[]) => rows.map((r) => r.id);
    const [a0, a1, a2, a3, a4] = a.reportIds;
    const [b0, b1, b2] = b.reportIds;
    expect(ids(await listReports({ unitYearIds: null }))).toEqual([a1, a4, b1, a3, a0, b2, b0, a2]);
    expect(ids(await listReports({ unitYearIds: null, desc: true }))).toEqual([a2, b0, a0, b2, a3, a1, a4, b1]);
    expect(ids(await listReports({ unitYearIds: null, light: 'red', limit: 2 }))).toEqual([a1, a4]);
    expect(ids(await listReports({ unitYearIds: [b.unitYearId], status: 'returned' }))).toEqual([b1]);
    expect(ids(await listReports({ unitYearIds: null, sort: 'progress', desc: true, limit: 4 }))).toEqual([a4, a3, a2, b2]); // 30 twice: by id
    expect(ids(await listReports({ unitYearIds: [a.unitYearId], roundId: a.roundId }))).toEqual([a1, a4, a3, a0, a2]);
    // Pages: the same order, offset.
    expect(ids(await listReports({ unitYearIds: null, limit: 2, offset: 2 }))).toEqual([b1, a3]);
    expect(ids(await listReports({ unitYearIds: [a.unitYearId], roundId: a.roundId, limit: 2, offset: 1 }))).toEqual([a4, a3]);
    const row = (await listReports({ unitYearIds: [b.unitYearId], sort: 'code' }))[0]!;
    expect(row).toMatchObject({ id: b0, unitCode: '820008', month: 7, deadline: '2024-09-30', status: 'draft', light: 'blue' });
  });

  it('shows a reviewer only their unit, and finds a chosen round even when the picker does not list it', async () => {
    const d = await dashboard(reviewerA, {});
    expect(d.counts.total).toBe(5);
    expect(d.rows.every((r) => r.unitCode === '810008')).toBe(true);
    expect(await listRoundChoices(null, b.roundId)).toMatchObject([{ id: b.roundId, unitCode: '820008', year: 2024 }]);
    expect(await listRoundChoices([a.unitYearId], b.roundId)).toEqual([]);
    const chosen = await dashboard(admin, { round: String(b.roundId), light: 'red' });
    expect(chosen.round?.id).toBe(b.roundId);
    expect(chosen.rows.map((r) => r.id)).toEqual([b.reportIds[1]]);
    expect((await dashboard(reviewerA, { round: String(b.roundId) })).round).toBeNull();
    const first = await dashboard(admin, {});
    expect(first).toMatchObject({ page: 1, hasMore: false });
    expect(first.rows).toHaveLength(8);
    expect(await dashboard(admin, { page: '2' })).toMatchObject({ page: 2, hasMore: false, rows: [] });
  });
});
