/**
 * The monitoring workflow history and the adjustments are append-only at the database (custom migrations
 * 0011_append_only_monitoring on SQLite, 0010_append_only_monitoring on PostgreSQL): whatever path tries
 * to rewrite them, the engine refuses. The one UPDATE of an adjustment is its decision, made once.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rawAll, rawRun, write } from '@/db/client';
import { decideAdjustment, insertAdjustment } from '@/db/queries/adjustments';
import { insertMonitoringEvent, insertReport, insertRound } from '@/db/queries/monitoring';
import type { Actor } from '@/lib/auth/permissions';
import { createTable } from '@/lib/projects/commands/create-table';
import { makeActor, makeUnitYear, seededDatabase } from '@/lib/testing/db';
import { sampleTable } from '@/lib/testing/tables';

let actor: Actor;
let eventId: number;
let projectId: number;

const adjustment = (reason: string) =>
  write(() => insertAdjustment({ projectId, status: 'submitted', reason, budgetBeforeYuan: 100_000, budgetAfterYuan: 120_000, goalBefore: '前', goalAfter: '后', rows: '[]', proposedBy: actor.id }));

/** The whole chain of messages of a refused write (drizzle wraps the engine's error as the cause). */
async function refused(fn: () => Promise<unknown>): Promise<string> {
  try {
    await write(fn);
  } catch (error) {
    const messages: string[] = [];
    for (let e: unknown = error; e instanceof Error; e = e.cause) messages.push(e.message);
    return messages.join('\n');
  }
  throw new Error('expected the write to be refused');
}

beforeAll(async () => {
  await seededDatabase();
  const a = await makeUnitYear('700007');
  actor = await makeActor('ao-owner', [{ unitId: a.unit.id, role: 'owner' }]);
  projectId = (await createTable({ actor, ip: null }, a.unitYear.id, sampleTable())).projectId;
  eventId = await write(async () => {
    const round = await insertRound({ unitYearId: a.unitYear.id, month: 7, deadline: '2024-08-15', openedBy: actor.id });
    const report = await insertReport({ roundId: round.id, projectId, budgetYuan: 100_000 });
    const e = await insertMonitoringEvent({ reportId: report.id, action: 'submit', fromStatus: 'draft', toStatus: 'submitted', userId: actor.id, reason: null, comments: '[]', version: 2 });
    return e.id;
  });
});

describe('append-only at the database', () => {
  it('refuses to change or delete a monitoring event, and a report with events cannot be deleted', async () => {
    expect(await refused(() => rawRun(sql`update monitoring_events set reason = ${'改写'} where id = ${eventId}`))).toMatch(/append-only/);
    expect(await refused(() => rawRun(sql`delete from monitoring_events where id = ${eventId}`))).toMatch(/append-only/);
    expect(await refused(() => rawRun(sql`delete from monitoring_reports`))).toMatch(/append-only/);
    expect(await rawAll<{ reason: string | null }>(sql`select reason from monitoring_events where id = ${eventId}`)).toEqual([{ reason: null }]);
  });

  it('refuses to change a proposed adjustment or delete one; its decision is made once', async () => {
    const a = await adjustment('上级追加任务');
    expect(await refused(() => rawRun(sql`update table_adjustments set reason = ${'改写'} where id = ${a.id}`))).toMatch(/append-only/);
    expect(await refused(() => rawRun(sql`update table_adjustments set budget_after_yuan = 1 where id = ${a.id}`))).toMatch(/append-only/);
    expect(await refused(() => rawRun(sql`update table_adjustments set status = 'draft' where id = ${a.id}`))).toMatch(/append-only/);
    expect(await refused(() => rawRun(sql`delete from table_adjustments where id = ${a.id}`))).toMatch(/append-only/);
    // The decision is the one update, and it is final.
    const decided = await write(() => decideAdjustment(a.id, { status: 'submitted', version: 1 }, 'returned', actor.id, '请补充依据'));
    expect(decided).toMatchObject({ status: 'returned', version: 2, decisionReason: '请补充依据' });
    expect(await refused(() => decideAdjustment(a.id, { status: 'returned', version: 2 }, 'approved', actor.id, null))).toMatch(/append-only/);
    expect(await refused(() => rawRun(sql`update table_adjustments set decision_reason = ${'改写'} where id = ${a.id}`))).toMatch(/append-only/);
    const b = await adjustment('第二次');
    expect(await write(() => decideAdjustment(b.id, { status: 'submitted', version: 1 }, 'approved', actor.id, null))).toMatchObject({ status: 'approved' });
  });
});
