import { beforeAll, describe, expect, it } from 'vitest';
import { sqlite } from '@/db/client';
import { listAuditFor } from '@/db/queries/audit';
import { getProject } from '@/db/queries/projects';
import type { Actor } from '@/lib/auth/permissions';
import { makeActor, makeUnitYear, seededDatabase } from '@/lib/testing/db';
import { sampleTable } from '@/lib/testing/tables';
import { addComment } from './comment';
import { createTable } from './create-table';
import { deleteTable } from './delete-table';
import { transitionTable } from './transition-table';
import { refusal } from '@/lib/testing/refusal';

let owner: Actor;
let reviewer: Actor;
let unitYearId: number;

beforeAll(async () => {
  await seededDatabase();
  const a = makeUnitYear('300003', 2024, '10.00');
  unitYearId = a.unitYear.id;
  owner = makeActor('rh-owner', [{ unitId: a.unit.id, role: 'owner' }]);
  reviewer = makeActor('rh-reviewer', [{ unitId: a.unit.id, role: 'reviewer' }]);
});

describe('the review conversation is kept', () => {
  it('writes the reason and every comment text into the transition audit row', () => {
    const { projectId } = createTable({ actor: owner, ip: null }, unitYearId, sampleTable('13080024P00009810003A'));
    const v = transitionTable({ actor: owner, ip: null }, 'submit', { projectId, version: 1 }).version;
    const comments = [
      { target: 'goal', body: '目标请量化' },
      { target: null, body: '<b>整体</b>再核对一遍' },
    ];
    transitionTable({ actor: reviewer, ip: null }, 'return', { projectId, version: v, reason: '成本指标请核实', comments });
    const row = listAuditFor('project', projectId).find((r) => r.action === 'return')!;
    expect(JSON.parse(row.changes!)).toMatchObject({ from: 'submitted', to: 'returned', reason: '成本指标请核实', comments });
  });

  it('refuses to delete a draft that went through review, and keeps its events and comments', () => {
    const { projectId } = createTable({ actor: owner, ip: null }, unitYearId, sampleTable('13080024P00009810003B'));
    const v = transitionTable({ actor: owner, ip: null }, 'submit', { projectId, version: 1 }).version;
    const back = transitionTable({ actor: owner, ip: null }, 'withdraw', { projectId, version: v });
    expect(back.status).toBe('draft');
    const e = refusal(() => deleteTable({ actor: owner, ip: null }, projectId, back.version));
    expect(e.code).toBe('state');
    expect(e.message).toContain('审核记录');
    expect(getProject(projectId)).toBeDefined();
  });

  it('refuses to delete a draft that carries a comment', () => {
    const { projectId } = createTable({ actor: owner, ip: null }, unitYearId, sampleTable('13080024P00009810003C'));
    addComment({ actor: reviewer, ip: null }, projectId, null, '请先补充依据');
    expect(refusal(() => deleteTable({ actor: owner, ip: null }, projectId, 1)).message).toContain('审核记录');
  });

  it('cannot be changed or deleted below the app either, not even by deleting the table', () => {
    const { projectId } = createTable({ actor: owner, ip: null }, unitYearId, sampleTable('13080024P00009810003D'));
    transitionTable({ actor: owner, ip: null }, 'submit', { projectId, version: 1 });
    addComment({ actor: reviewer, ip: null }, projectId, 'goal', '意见');
    for (const table of ['review_events', 'review_comments']) {
      expect(() => sqlite().prepare(`update ${table} set user_id = user_id`).run(), table).toThrow(/append-only/);
      expect(() => sqlite().prepare(`delete from ${table} where project_id = ?`).run(projectId), table).toThrow(/append-only/);
    }
    expect(() => sqlite().prepare('delete from projects where id = ?').run(projectId)).toThrow(/append-only/);
    expect(getProject(projectId)).toBeDefined();
  });
});
