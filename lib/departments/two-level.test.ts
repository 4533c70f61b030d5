import { beforeAll, describe, expect, it } from 'vitest';
import { write } from '@/db/client';
import { insertUnitUnder, setUnitParent } from '@/db/queries/departments';
import { getProject } from '@/db/queries/projects';
import { listReviewEvents } from '@/db/queries/review';
import { getUnitYear } from '@/db/queries/units';
import type { Actor } from '@/lib/auth/permissions';
import { createTable } from '@/lib/projects/commands/create-table';
import { saveTable } from '@/lib/projects/commands/save-table';
import { transitionTable } from '@/lib/projects/commands/transition-table';
import { loadTable } from '@/lib/projects/read';
import { returnNotes } from '@/lib/projects/return-notes';
import { reviewQueue } from '@/lib/projects/review-queue';
import { myTasks } from '@/lib/tasks/read';
import { makeActor, makeUnitYear, seededDatabase } from '@/lib/testing/db';
import { refusal } from '@/lib/testing/refusal';
import { sampleTable } from '@/lib/testing/tables';
import { setUnitYearReviewLevels } from './commands/set-review-levels';
import { setUnitYearDeadline } from './commands/set-deadline';

let owner: Actor;
let unitReviewer: Actor;
let dept: Actor;
let dept2: Actor;
let finance: Actor;
let both: Actor;
let ownerDept: Actor;
let admin: Actor;
let unitYearId: number;
let oneLevelYearId: number;

const as = (actor: Actor) => ({ actor, ip: null });

/** 财政局 99 → 主管部门 9901 → 本级 990101 (two-level 2024, one-level 2025). */
beforeAll(async () => {
  await seededDatabase();
  const a = await makeUnitYear('990101', 2024, '10.00');
  oneLevelYearId = (await makeUnitYear('990102', 2024, '10.00')).unitYear.id;
  const { top, mid } = await write(async () => {
    const top = await insertUnitUnder('99', '测试财政局', null);
    const mid = await insertUnitUnder('9901', '测试主管部门', top.id);
    await setUnitParent(a.unit.id, mid.id);
    return { top, mid };
  });
  unitYearId = a.unitYear.id;
  owner = await makeActor('tl-owner', [
    { unitId: a.unit.id, role: 'owner' },
  ]);
  unitReviewer = await makeActor('tl-unit', [{ unitId: a.unit.id, role: 'reviewer' }]);
  dept = await makeActor('tl-dept', [{ unitId: mid.id, role: 'reviewer' }]);
  dept2 = await makeActor('tl-dept2', [{ unitId: mid.id, role: 'reviewer' }]);
  finance = await makeActor('tl-finance', [{ unitId: top.id, role: 'reviewer' }]);
  both = await makeActor('tl-both', [
    { unitId: mid.id, role: 'reviewer' },
    { unitId: top.id, role: 'reviewer' },
  ]);
  ownerDept = await makeActor('tl-owner-dept', [
    { unitId: a.unit.id, role: 'owner' },
    { unitId: mid.id, role: 'reviewer' },
  ]);
  admin = await makeActor('tl-admin', [], true);
  await setUnitYearReviewLevels(as(admin), unitYearId, 2);
});

async function submitted(code: string): Promise<{ projectId: number; version: number }> {
  const made = await createTable(as(owner), unitYearId, sampleTable(code));
  const { version } = await transitionTable(as(owner), 'submit', made);
  return { projectId: made.projectId, version };
}

describe('two-level review (issue 18 item 1)', () => {
  it('places reviewers at their level: the unit itself, the department, the finance bureau at the top', async () => {
    const unitId = (await getUnitYear(unitYearId))!.unitId;
    expect(unitReviewer.reviewLevels?.get(unitId)).toEqual(['unit']);
    expect(dept.reviewLevels?.get(unitId)).toEqual(['department']);
    expect(finance.reviewLevels?.get(unitId)).toEqual(['finance']);
    expect([...(both.reviewLevels?.get(unitId) ?? [])].sort()).toEqual(['department', 'finance']);
  });

  it('goes submitted → 部门已审核 → 已审核, each level by its own reviewers, and says so in the history', async () => {
    const t = await submitted('13080024P00009899001A');
    expect((await refusal(() => transitionTable(as(unitReviewer), 'approve', t))).message).toContain('部门审核');
    expect((await refusal(() => transitionTable(as(finance), 'approve', t))).message).toContain('部门审核');
    const d = await transitionTable(as(dept), 'approve', t);
    expect(d.status).toBe('dept_approved');
    // The department cannot approve the second level; the owner cannot withdraw it any more.
    expect((await refusal(() => transitionTable(as(dept2), 'approve', { projectId: t.projectId, version: d.version }))).message).toContain('财政审核');
    expect((await refusal(() => transitionTable(as(owner), 'withdraw', { projectId: t.projectId, version: d.version }))).code).toBe('state');
    const f = await transitionTable(as(finance), 'approve', { projectId: t.projectId, version: d.version });
    expect(f.status).toBe('approved');
    expect((await listReviewEvents(t.projectId)).map((e) => e.action)).toEqual(['submit', 'deptApprove', 'financeApprove']);
    expect((await getProject(t.projectId))!.publishedNumber).not.toBeNull();
  });

  it('returns at the finance level with reasons and row comments, and the owner sees which level returned it', async () => {
    const t = await submitted('13080024P00009899002A');
    const d = await transitionTable(as(dept), 'approve', t);
    const key = (await loadTable(t.projectId))!.table.indicators[0]!.key!;
    const r = await transitionTable(as(finance), 'return', {
      projectId: t.projectId,
      version: d.version,
      reason: '绩效指标不够细化',
      comments: [{ target: `row:${key}`, body: '请补充结案率口径' }],
    });
    expect(r.status).toBe('returned');
    const notes = await returnNotes(t.projectId, (await loadTable(t.projectId))!.table);
    expect(notes.returnLevel).toBe('财政审核');
    expect(notes.reason).toBe('绩效指标不够细化');
    expect(notes.notes.map((n) => n.body)).toEqual(['请补充结案率口径']);
    // Fixed and resubmitted, it starts again at the department.
    const saved = await saveTable(as(owner), t.projectId, r.version, sampleTable('13080024P00009899002A'));
    const again = await transitionTable(as(owner), 'submit', { projectId: t.projectId, version: saved.version });
    expect(again.status).toBe('submitted');
    const dr = await transitionTable(as(dept), 'return', { projectId: t.projectId, version: again.version, reason: '部门意见' });
    expect((await returnNotes(t.projectId, (await loadTable(t.projectId))!.table)).returnLevel).toBe('部门审核');
    expect(dr.status).toBe('returned');
  });

  it('refuses one person approving at both levels', async () => {
    const t = await submitted('13080024P00009899003A');
    const d = await transitionTable(as(both), 'approve', t);
    const e = await refusal(() => transitionTable(as(both), 'approve', { projectId: t.projectId, version: d.version }));
    expect(e.message).toContain('另一位审核人');
    expect((await transitionTable(as(finance), 'approve', { projectId: t.projectId, version: d.version })).status).toBe('approved');
  });

  it('refuses a reviewer approving their own table at either level', async () => {
    const made = await createTable(as(ownerDept), unitYearId, sampleTable('13080024P00009899004A'));
    const s = await transitionTable(as(ownerDept), 'submit', made);
    const e = await refusal(() => transitionTable(as(ownerDept), 'approve', { projectId: made.projectId, version: s.version }));
    expect(e.message).toContain('自己编制或提交的表');
  });

  it('shows each reviewer only what waits at their level, in the queue and in the tasks', async () => {
    const t = await submitted('13080024P00009899005A');
    const ids = async (a: Actor) => (await reviewQueue(a, {})).rows.map((r) => r.id);
    expect(await ids(dept)).toContain(t.projectId);
    expect(await ids(finance)).not.toContain(t.projectId);
    expect(await ids(unitReviewer)).not.toContain(t.projectId);
    expect((await myTasks(dept)).toReview.rows.map((r) => r.id)).toContain(t.projectId);
    const d = await transitionTable(as(dept), 'approve', t);
    expect(d.status).toBe('dept_approved');
    expect(await ids(dept)).not.toContain(t.projectId);
    expect(await ids(finance)).toContain(t.projectId);
    expect((await myTasks(finance)).toFinanceReview.rows.map((r) => r.id)).toContain(t.projectId);
    expect((await myTasks(finance)).toReview.rows.map((r) => r.id)).not.toContain(t.projectId);
  });

  it('keeps one level the default: a reviewer of the unit approves straight to 已审核', async () => {
    const unitId = (await getUnitYear(oneLevelYearId))!.unitId;
    const other = await makeActor('tl-owner2', [{ unitId, role: 'owner' }]);
    const rev = await makeActor('tl-rev2', [{ unitId, role: 'reviewer' }]);
    const made = await createTable(as(other), oneLevelYearId, sampleTable('13080024P00009899006A'));
    const s = await transitionTable(as(other), 'submit', made);
    expect((await transitionTable(as(rev), 'approve', { projectId: made.projectId, version: s.version })).status).toBe('approved');
  });

  it('lists tables not yet submitted against the deadline: 即将逾期 within 3 days, 已逾期 after', async () => {
    const made = await createTable(as(owner), unitYearId, sampleTable('13080024P00009899007A'));
    await setUnitYearDeadline(as(admin), unitYearId, '2024-03-31');
    const at = (day: string) => Date.parse(`${day}T04:00:00Z`);
    expect((await myTasks(owner, at('2024-03-28'))).dueSoon!.rows.map((r) => r.id)).toContain(made.projectId);
    expect((await myTasks(owner, at('2024-03-27'))).dueSoon!.total).toBe(0);
    const late = await myTasks(owner, at('2024-04-01'));
    expect(late.overdue!.rows.find((r) => r.id === made.projectId)?.dueOn).toBe('2024-03-31');
    expect((await myTasks(dept, at('2024-04-01'))).overdue).toBeNull();
  });
});
