import { beforeAll, describe, expect, it } from 'vitest';
import { sql, type SQL } from 'drizzle-orm';
import { rawAll, write } from '@/db/client';
import { listAuditFor } from '@/db/queries/audit';
import { getProject } from '@/db/queries/projects';
import type { Actor } from '@/lib/auth/permissions';
import { makeActor, makeUnitYear, seededDatabase } from '@/lib/testing/db';
import { sampleTable } from '@/lib/testing/tables';
import { addComment } from './comment';
import { saveTable } from './save-table';
import { markComment } from './mark-comment';
import { returnNotes } from '../return-notes';
import { loadTable } from '../read';
import { listComments } from '@/db/queries/review';
import { tableSchema } from '@/lib/domain/schemas';
import { commentPlaceText } from '@/lib/domain/locations';
import { createTable } from './create-table';
import { deleteTable } from './delete-table';
import { transitionTable } from './transition-table';
import { refusal } from '@/lib/testing/refusal';

let owner: Actor;
let reviewer: Actor;
let unitYearId: number;

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
  const a = await makeUnitYear('300003', 2024, '10.00');
  unitYearId = a.unitYear.id;
  owner = await makeActor('rh-owner', [{ unitId: a.unit.id, role: 'owner' }]);
  reviewer = await makeActor('rh-reviewer', [{ unitId: a.unit.id, role: 'reviewer' }]);
});

describe('the review conversation is kept', () => {
  it('keeps the label of the row a comment was written on when the row is renamed later (item 3)', async () => {
    const who = { actor: owner, ip: null };
    const { projectId, version } = await createTable(who, unitYearId, sampleTable('13080024P00009810093A'));
    const key = (await loadTable(projectId))!.table.indicators[0]!.key!;
    await addComment({ actor: reviewer, ip: null }, projectId, `row:${key}`, '请核对受理量');
    const input = sampleTable('13080024P00009810093A');
    input.indicators = (await loadTable(projectId))!.table.indicators.map((r, i) => (i === 0 ? { ...r, name: '受理案件数' } : r));
    await saveTable(who, projectId, version, tableSchema.parse(input));
    const [c] = await listComments(projectId);
    expect(c!.targetLabel).toBe(`指标「${sampleTable().indicators[0]!.name}」（${sampleTable().indicators[0]!.level2}）`);
    expect(commentPlaceText(c!, (await loadTable(projectId))!.table)).toContain('该处现为 指标「受理案件数」');
  });

  it('lists a returned table’s reason and comments, and the owner’s 已处理 marks, for the editor and the reviewer (item 2)', async () => {
    const who = { actor: owner, ip: null };
    const { projectId } = await createTable(who, unitYearId, sampleTable('13080024P00009810094A'));
    const table = (await loadTable(projectId))!.table;
    let v = (await transitionTable(who, 'submit', { projectId, version: 1 })).version;
    v = (await transitionTable({ actor: reviewer, ip: null }, 'return', { projectId, version: v, reason: '请核对', comments: [{ target: `row:${table.indicators[1]!.key}`, body: '数量偏低' }] })).version;
    await addComment({ actor: reviewer, ip: null }, projectId, 'goal', '目标请量化');
    let notes = await returnNotes(projectId, table);
    expect(notes).toMatchObject({ reason: '请核对', returnVersion: v });
    expect(notes.notes.map((n) => [n.body, n.path, n.isHandled])).toEqual([['数量偏低', 'indicators.1.row', false], ['目标请量化', 'goal', false]]);
    // Only the table's editors mark; a reviewer is refused.
    expect((await refusal(() => markComment({ actor: reviewer, ip: null }, projectId, notes.notes[0]!.id, true))).code).toBe('denied');
    await markComment(who, projectId, notes.notes[0]!.id, true);
    notes = await returnNotes(projectId, table);
    expect(notes.notes.map((n) => n.isHandled)).toEqual([true, false]);
    await markComment(who, projectId, notes.notes[0]!.id, false);
    expect((await returnNotes(projectId, table)).notes[0]!.isHandled).toBe(false);
    expect((await refusal(() => markComment(who, projectId, 999_999, true))).code).toBe('not-found');
  });

  it('writes the reason and every comment text into the transition audit row', async () => {
    const { projectId } = await createTable({ actor: owner, ip: null }, unitYearId, sampleTable('13080024P00009810003A'));
    const v = (await transitionTable({ actor: owner, ip: null }, 'submit', { projectId, version: 1 })).version;
    const comments = [
      { target: 'goal', body: '目标请量化' },
      { target: null, body: '<b>整体</b>再核对一遍' },
    ];
    await transitionTable({ actor: reviewer, ip: null }, 'return', { projectId, version: v, reason: '成本指标请核实', comments });
    const row = (await listAuditFor('project', projectId)).find((r) => r.action === 'return')!;
    expect(JSON.parse(row.changes!)).toMatchObject({ from: 'submitted', to: 'returned', reason: '成本指标请核实', comments });
  });

  it('refuses to delete a draft that went through review, and keeps its events and comments', async () => {
    const { projectId } = await createTable({ actor: owner, ip: null }, unitYearId, sampleTable('13080024P00009810003B'));
    const v = (await transitionTable({ actor: owner, ip: null }, 'submit', { projectId, version: 1 })).version;
    const back = await transitionTable({ actor: owner, ip: null }, 'withdraw', { projectId, version: v });
    expect(back.status).toBe('draft');
    const e = await refusal(() => deleteTable({ actor: owner, ip: null }, projectId, back.version));
    expect(e.code).toBe('state');
    expect(e.message).toContain('审核记录');
    expect(await getProject(projectId)).toBeDefined();
  });

  it('refuses to delete a draft that carries a comment', async () => {
    const { projectId } = await createTable({ actor: owner, ip: null }, unitYearId, sampleTable('13080024P00009810003C'));
    await addComment({ actor: reviewer, ip: null }, projectId, null, '请先补充依据');
    expect((await refusal(() => deleteTable({ actor: owner, ip: null }, projectId, 1))).message).toContain('审核记录');
  });

  it('cannot be changed or deleted below the app either, not even by deleting the table', async () => {
    const { projectId } = await createTable({ actor: owner, ip: null }, unitYearId, sampleTable('13080024P00009810003D'));
    await transitionTable({ actor: owner, ip: null }, 'submit', { projectId, version: 1 });
    await addComment({ actor: reviewer, ip: null }, projectId, 'goal', '意见');
    for (const table of ['review_events', 'review_comments']) {
      expect(await refusedWrite(sql`update ${sql.identifier(table)} set user_id = user_id returning id`), table).toMatch(/append-only/);
      expect(await refusedWrite(sql`delete from ${sql.identifier(table)} where project_id = ${projectId} returning id`), table).toMatch(/append-only/);
    }
    expect(await refusedWrite(sql`delete from projects where id = ${projectId} returning id`)).toMatch(/append-only/);
    expect(await getProject(projectId)).toBeDefined();
  });
});
