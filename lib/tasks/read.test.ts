import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/permissions';
import { createTable } from '@/lib/projects/commands/create-table';
import { saveTable } from '@/lib/projects/commands/save-table';
import { transitionTable } from '@/lib/projects/commands/transition-table';
import { makeActor, makeUnitYear, seededDatabase } from '@/lib/testing/db';
import { sampleTable } from '@/lib/testing/tables';
import { landsOnTasks, myTasks, taskCount } from './read';

let owner: Actor;
let reviewer: Actor;
let outsider: Actor;
let unitYearId: number;

beforeAll(async () => {
  await seededDatabase();
  const a = await makeUnitYear('700007', 2024, '20.00');
  const b = await makeUnitYear('800008', 2024, '10.00');
  unitYearId = a.unitYear.id;
  owner = await makeActor('task-owner', [{ unitId: a.unit.id, role: 'owner' }]);
  reviewer = await makeActor('task-reviewer', [{ unitId: a.unit.id, role: 'reviewer' }]);
  outsider = await makeActor('task-outsider', [{ unitId: b.unit.id, role: 'reviewer' }]);
});

describe('my tasks', () => {
  it('lists drafts and returned tables to the owner, submitted ones to the reviewer, each in their own units', async () => {
    const who = { actor: owner, ip: null };
    const draft = await createTable(who, unitYearId, sampleTable('13080024P00009810095A'));
    const sent = await createTable(who, unitYearId, sampleTable('13080024P00009810095B'));
    let v = (await transitionTable(who, 'submit', { projectId: sent.projectId, version: sent.version })).version;
    let tasks = await myTasks(owner);
    expect(tasks.toFill.rows.map((r) => r.id)).toEqual([draft.projectId]);
    expect((await myTasks(reviewer)).toReview.rows.map((r) => r.id)).toEqual([sent.projectId]);
    expect(taskCount(await myTasks(outsider))).toBe(0);

    v = (await transitionTable({ actor: reviewer, ip: null }, 'return', { projectId: sent.projectId, version: v, reason: '请修改' })).version;
    tasks = await myTasks(owner);
    expect(tasks.returned.rows.map((r) => r.id)).toEqual([sent.projectId]);
    expect(tasks.toFill.total).toBe(2);
    expect((await myTasks(reviewer)).toReview.total).toBe(0);
    // Fixed and saved, it is a draft to submit again; it leaves 被退回.
    await saveTable(who, sent.projectId, v, sampleTable('13080024P00009810095B'));
    expect((await myTasks(owner)).returned.total).toBe(0);
    expect(landsOnTasks(reviewer)).toBe(true);
    expect(landsOnTasks(owner)).toBe(false);
  });
});
