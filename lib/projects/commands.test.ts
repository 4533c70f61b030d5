import { beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { rawAll, write } from '@/db/client';
import { getProject } from '@/db/queries/projects';
import { listAuditFor } from '@/db/queries/audit';
import type { Actor } from '@/lib/auth/permissions';
import { makeActor, makeUnitYear, seededDatabase } from '@/lib/testing/db';
import { sampleTable } from '@/lib/testing/tables';
import { addComment } from './commands/comment';
import { createTable } from './commands/create-table';
import { deleteTable } from './commands/delete-table';
import { duplicateTable, startNextYear } from './commands/copy-table';
import { saveTable } from './commands/save-table';
import { transitionTable } from './commands/transition-table';
import { loadTable } from './read';
import { refusal } from '@/lib/testing/refusal';
import { tableSchema } from '@/lib/domain/schemas';

let owner: Actor;
let otherOwner: Actor;
let reviewer: Actor;
let admin: Actor;
let unitYearId: number;
let unitAId: number;

/**
 * Why a raw write was refused: the trigger's message, which the driver may wrap in a query error of its
 * own. The statements end in `returning`: SQLite's driver refuses to read rows from one that has none.
 */
async function refusedWrite(query: SQL): Promise<string> {
  try {
    await write(() => rawAll(query));
  } catch (error) {
    const messages: string[] = [];
    for (let e: unknown = error; e instanceof Error; e = e.cause) messages.push(e.message);
    return messages.join('\n');
  }
  throw new Error('expected the write to be refused');
}

beforeAll(async () => {
  await seededDatabase();
  const a = await makeUnitYear('100001', 2024, '10.00');
  const b = await makeUnitYear('200002');
  unitYearId = a.unitYear.id;
  unitAId = a.unit.id;
  owner = await makeActor('owner-a', [{ unitId: a.unit.id, role: 'owner' }]);
  otherOwner = await makeActor('owner-b', [{ unitId: b.unit.id, role: 'owner' }]);
  reviewer = await makeActor('reviewer-a', [{ unitId: a.unit.id, role: 'reviewer' }]);
  admin = await makeActor('admin-x', [], true);
});

describe('create and save', () => {
  it('stores a table exactly and reads it back', async () => {
    const { projectId, version } = await createTable({ actor: owner, ip: null }, unitYearId, sampleTable());
    expect(version).toBe(1);
    const loaded = (await loadTable(projectId))!;
    expect(loaded.table.budget).toEqual({ total: '10.00', fiscal: '10.00', other: null });
    expect(loaded.table.indicators).toHaveLength(9);
    expect(loaded.table.indicators[3]!.target).toEqual({ kind: 'quantity', op: '<=', number: 10, unit: '万元' });
    expect(loaded.table.indicators[4]).toMatchObject({ isPlaceholder: true, value: '无经济效益指标' });
    expect(loaded.table.indicators.every((r) => typeof r.key === 'string')).toBe(true);
  });

  it('refuses a save based on an older version and says who changed the table', async () => {
    const { projectId } = await createTable({ actor: owner, ip: null }, unitYearId, sampleTable('13080024P00009810002B'));
    const first = await saveTable({ actor: owner, ip: null }, projectId, 1, { ...sampleTable('13080024P00009810002B'), name: '第一次保存' });
    expect(first.version).toBe(2);
    const e = await refusal(() => saveTable({ actor: owner, ip: null }, projectId, 1, { ...sampleTable('13080024P00009810002B'), name: '过期的保存' }));
    expect(e.code).toBe('conflict');
    expect(e.message).toContain('owner-a');
    expect(e.message).toContain('版本 2');
    expect((await loadTable(projectId))!.table.name).toBe('第一次保存');
  });

  it('keeps row keys across saves and audits each changed field', async () => {
    const { projectId } = await createTable({ actor: owner, ip: null }, unitYearId, sampleTable('13080024P00009810002C'));
    const before = (await loadTable(projectId))!.table;
    const edited = structuredClone(before);
    edited.indicators[1]!.value = '≤320 件';
    edited.indicators[1]!.target = { kind: 'quantity', op: '<=', number: 320, unit: '件' };
    await saveTable({ actor: owner, ip: null }, projectId, 1, { ...edited, budget: { ...edited.budget } });
    const after = (await loadTable(projectId))!.table;
    expect(after.indicators.map((r) => r.key)).toEqual(before.indicators.map((r) => r.key));
    const audit = await listAuditFor('project', projectId);
    const update = audit.find((a) => a.action === 'update')!;
    expect(JSON.parse(update.changes!)).toEqual([
      expect.objectContaining({ kind: 'row-changed', fields: [{ field: 'value', label: '指标值', before: '≤300 件', after: '≤320 件' }] }),
    ]);
  });

  it('refuses a project code already used in the unit-year, beside the field', async () => {
    const e = await refusal(() => createTable({ actor: owner, ip: null }, unitYearId, sampleTable()));
    expect(e.code).toBe('invalid');
    expect(Object.keys(e.fieldErrors)).toEqual(['table.code']);
  });

  it('refuses owners of other units and reviewers', async () => {
    expect((await refusal(() => createTable({ actor: otherOwner, ip: null }, unitYearId, sampleTable('X1')))).code).toBe('denied');
    expect((await refusal(() => createTable({ actor: reviewer, ip: null }, unitYearId, sampleTable('X2')))).code).toBe('denied');
    expect((await refusal(() => createTable({ actor: admin, ip: null }, unitYearId, sampleTable('X3')))).code).toBe('denied');
  });
});

describe('a draft can always be saved', () => {
  it('keeps 35.555 万元 and a plan point of 120% as typed, one error each, and refuses only submission', async () => {
    const who = { actor: owner, ip: null };
    const { projectId, version } = await createTable(who, unitYearId, sampleTable('13080024P00009810007A'));
    const input = sampleTable('13080024P00009810007A');
    input.budget = { total: '35.555', fiscal: '35,5', other: 'abc' };
    input.schedule = [{ month: 3, percent: 25 }, { month: 6, percent: null }, { month: 12, percent: 120 }];
    const saved = await saveTable(who, projectId, version, tableSchema.parse(input));
    const loaded = (await loadTable(projectId))!;
    expect(loaded.table.budget).toEqual({ total: '35.555', fiscal: '35,5', other: 'abc' });
    expect(loaded.table.schedule).toEqual(input.schedule);
    const at = (prefix: string) => saved.findings.filter((f) => f.path.startsWith(prefix)).map((f) => `${f.rule} ${f.path}`);
    expect(at('budget')).toEqual(['money.invalid-amount budget.total', 'money.invalid-amount budget.fiscal', 'money.invalid-amount budget.other']);
    expect(at('schedule')).toEqual(['plan.percent-empty schedule.1.percent', 'plan.percent-range schedule.2.percent']);
    expect(loaded.project.errorCount).toBe(5);
    expect((await refusal(() => transitionTable(who, 'submit', { projectId, version: saved.version }))).message).toContain('错误');
    // Corrected, the typed text goes and the amounts are stored in 元 again.
    input.budget = { total: '35.56', fiscal: '35.56', other: null };
    input.schedule = [{ month: 3, percent: 25 }, { month: 12, percent: 100 }];
    await saveTable(who, projectId, saved.version, tableSchema.parse(input));
    const fixed = (await loadTable(projectId))!;
    expect(fixed.table.budget).toEqual({ total: '35.56', fiscal: '35.56', other: null });
    expect([fixed.project.totalYuan, fixed.project.totalTyped, fixed.project.otherTyped]).toEqual([355_600, null, null]);
  });
});

describe('workflow', () => {
  it('runs draft → submitted → returned → draft → submitted → approved, and freezes approved tables', async () => {
    const who = { actor: owner, ip: null };
    const { projectId } = await createTable(who, unitYearId, sampleTable('13080024P00009810002D'));
    let v = (await transitionTable(who, 'submit', { projectId, version: 1 })).version;
    expect((await refusal(() => saveTable(who, projectId, v, sampleTable('13080024P00009810002D')))).code).toBe('state');
    expect((await refusal(() => transitionTable({ actor: reviewer, ip: null }, 'return', { projectId, version: v }))).fieldErrors).toHaveProperty('reason');
    v = (await transitionTable({ actor: reviewer, ip: null }, 'return', { projectId, version: v, reason: '成本指标请核实', comments: [{ target: 'goal', body: '目标请量化' }] })).version;
    // Returned → draft comes first: submitting the returned table as it is is refused.
    expect((await refusal(() => transitionTable(who, 'submit', { projectId, version: v }))).code).toBe('state');
    const saved = await saveTable(who, projectId, v, sampleTable('13080024P00009810002D'));
    expect(saved.status).toBe('draft');
    // Audited in that order: back to draft, then the change (one version each).
    expect((await listAuditFor('project', projectId)).map((a) => a.action).slice(-3)).toEqual(['return', 'revise', 'update']);
    expect(saved.version).toBe(v + 2);
    v = (await transitionTable(who, 'submit', { projectId, version: saved.version })).version;
    expect((await refusal(() => transitionTable(who, 'approve', { projectId, version: v }))).code).toBe('denied');
    v = (await transitionTable({ actor: reviewer, ip: null }, 'approve', { projectId, version: v })).version;
    expect((await getProject(projectId))!.status).toBe('approved');
    // The reviewer who approved is now its last changer: a save based on the version before says so.
    expect((await getProject(projectId))!.updatedBy).toBe(reviewer.id);
    expect((await refusal(() => saveTable(who, projectId, v, sampleTable('13080024P00009810002D')))).code).toBe('state');
    expect((await refusal(() => transitionTable(who, 'reopen', { projectId, version: v, reason: 'x' }))).code).toBe('denied');
    const reopened = await transitionTable({ actor: admin, ip: null }, 'reopen', { projectId, version: v, reason: '预算调整' });
    expect(reopened.status).toBe('draft');
  });

  it('takes comments only on a field or row the table has, and writes nothing otherwise', async () => {
    const who = { actor: owner, ip: null };
    const { projectId } = await createTable(who, unitYearId, sampleTable('13080024P00009810002J'));
    const key = (await loadTable(projectId))!.table.indicators[0]!.key!;
    expect((await addComment(who, projectId, `row:${key}`, '请核实')).id).toBeGreaterThan(0);
    expect((await addComment(who, projectId, 'goal', '目标请量化')).id).toBeGreaterThan(0);
    const bogus = await refusal(() => addComment(who, projectId, 'row:does-not-exist', '找不到的行'));
    expect(bogus.code).toBe('invalid');
    expect(bogus.fieldErrors).toHaveProperty('target');
    const v = (await transitionTable(who, 'submit', { projectId, version: 1 })).version;
    const refused = await refusal(() =>
      transitionTable({ actor: reviewer, ip: null }, 'return', { projectId, version: v, reason: '请修改', comments: [{ target: 'goal', body: '好' }, { target: 'row:x', body: '坏' }] }),
    );
    expect(refused.fieldErrors).toHaveProperty(['comments.1.target']);
    expect((await getProject(projectId))!.status).toBe('submitted');
  });

  it('refuses submission while rule errors remain', async () => {
    const bad = sampleTable('13080024P00009810002E');
    bad.indicators[3] = { ...bad.indicators[3]!, value: '≤12 万元', target: { kind: 'quantity', op: '<=', number: 12, unit: '万元' } };
    const { projectId } = await createTable({ actor: owner, ip: null }, unitYearId, bad);
    expect((await getProject(projectId))!.errorCount).toBeGreaterThan(0);
    const e = await refusal(() => transitionTable({ actor: owner, ip: null }, 'submit', { projectId, version: 1 }));
    expect(e.message).toContain('错误');
  });

  it('lets nobody approve a table they edited', async () => {
    const both = await makeActor('owner-reviewer', [
      { unitId: unitAId, role: 'owner' },
      { unitId: unitAId, role: 'reviewer' },
    ]);
    const { projectId } = await createTable({ actor: both, ip: null }, unitYearId, sampleTable('13080024P00009810002F'));
    const v = (await transitionTable({ actor: owner, ip: null }, 'submit', { projectId, version: 1 })).version;
    expect((await refusal(() => transitionTable({ actor: both, ip: null }, 'approve', { projectId, version: v }))).message).toContain('自己');
  });
});

describe('copies and deletion', () => {
  it('duplicates with a free code and starts next year with amounts and plan reset', async () => {
    const who = { actor: owner, ip: null };
    const { projectId } = await createTable(who, unitYearId, sampleTable('13080024P00009810002G'));
    const copy = (await loadTable((await duplicateTable(who, projectId)).projectId))!;
    expect(copy.table.code).toBe('13080024P00009810002G-2');
    // Setting up the next budget year is an administrator's job: an owner is refused until it exists.
    expect((await refusal(() => startNextYear(who, projectId))).message).toContain('2025 年度尚未建立');
    expect((await refusal(() => startNextYear({ actor: admin, ip: null }, projectId))).code).toBe('denied');
    const adminOwner = { actor: await makeActor('admin-owner-a', [{ unitId: unitAId, role: 'owner' }], true), ip: null };
    const next = (await loadTable((await startNextYear(adminOwner, projectId)).projectId))!;
    expect((await listAuditFor('unit-year', next.project.unitYearId)).map((a) => a.action)).toEqual(['create']);
    expect(next.table.code).toBe('13080024P00009810002G');
    expect(next.table.budget.total).toBe('0.00');
    // The cost target equalled this year's budget: it is cleared with the amounts.
    expect(next.table.indicators[3]).toMatchObject({ level2: '成本指标', value: '' });
    expect(next.table.schedule).toEqual([
      { month: 3, percent: null },
      { month: 6, percent: null },
      { month: 10, percent: null },
      { month: 12, percent: null },
    ]);
    expect(next.table.indicators.map((r) => r.basis)).toEqual(sampleTable().indicators.map((r) => r.basis));
  });

  it('deletes drafts only, and keeps the content in the audit log', async () => {
    const who = { actor: owner, ip: null };
    const { projectId } = await createTable(who, unitYearId, sampleTable('13080024P00009810002H'));
    await deleteTable(who, projectId, 1);
    expect(await getProject(projectId)).toBeUndefined();
    const entry = (await listAuditFor('project', projectId)).find((a) => a.action === 'delete')!;
    expect(JSON.parse(entry.changes!).table.code).toBe('13080024P00009810002H');
  });
});

describe('audit log', () => {
  it('cannot be changed or deleted', async () => {
    expect(await refusedWrite(sql`update audit_log set action = ${'x'} returning id`)).toMatch(/append-only/);
    expect(await refusedWrite(sql`delete from audit_log returning id`)).toMatch(/append-only/);
  });
});
