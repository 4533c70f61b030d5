/**
 * Issue 18 item 2's tail: monitoring reports and 自评表 follow the two-level setting of their unit-year
 * as tables do (lib/review/levels.ts): submitted → 部门已审核 → 已审核, either level returns and says so,
 * one person cannot approve both levels, a one-level year is unchanged.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { write } from '@/db/client';
import { insertUnitUnder, setUnitParent } from '@/db/queries/departments';
import { countReports, getReport, listMonitoringEvents, listReports, listRounds } from '@/db/queries/monitoring';
import { listSelfEvalEvents } from '@/db/queries/selfeval';
import type { Actor } from '@/lib/auth/permissions';
import { setUnitYearReviewLevels } from '@/lib/departments/commands/set-review-levels';
import { returnLevelLabel } from '@/lib/domain/review-levels';
import type { SelfEvalData } from '@/lib/domain/selfeval';
import { reportFor } from '@/lib/monitoring/access';
import { openRounds } from '@/lib/monitoring/commands/open-rounds';
import { saveReport } from '@/lib/monitoring/commands/save-report';
import { transitionReport } from '@/lib/monitoring/commands/transition-report';
import { reportPage } from '@/lib/monitoring/page';
import { loadReportView } from '@/lib/monitoring/read';
import { createTable } from '@/lib/projects/commands/create-table';
import { transitionTable } from '@/lib/projects/commands/transition-table';
import { selfEvalFor } from '@/lib/selfeval/access';
import { openSelfEvalRounds } from '@/lib/selfeval/commands/open-rounds';
import { saveSelfEval } from '@/lib/selfeval/commands/save-selfeval';
import { transitionSelfEval } from '@/lib/selfeval/commands/transition-selfeval';
import { selfEvalPage } from '@/lib/selfeval/page';
import { loadSelfEvalView } from '@/lib/selfeval/read';
import { makeActor, makeUnitYear, seededDatabase } from '@/lib/testing/db';
import { refusal } from '@/lib/testing/refusal';
import { sampleTable } from '@/lib/testing/tables';

let owner: Actor;
let unitReviewer: Actor;
let dept: Actor;
let dept2: Actor;
let finance: Actor;
let both: Actor;
let admin: Actor;
let twoYearId: number;
let oneYearId: number;
let oneReviewer: Actor;
let oneOwner: Actor;

const as = (actor: Actor) => ({ actor, ip: null });
const CODES = ['13080024P00009899101A', '13080024P00009899102A', '13080024P00009899103A'];

/** A table approved in its year: by the department then the finance bureau at two levels, by `reviewer` at one. */
async function approvedTable(author: Actor, unitYearId: number, code: string, reviewers: Actor[]): Promise<void> {
  const made = await createTable(as(author), unitYearId, sampleTable(code));
  let { version } = await transitionTable(as(author), 'submit', made);
  for (const r of reviewers) version = (await transitionTable(as(r), 'approve', { projectId: made.projectId, version })).version;
}

/** 财政局 98 → 主管部门 9801 → 本级 980101 (two-level 2024); 980102 stays one-level. */
beforeAll(async () => {
  await seededDatabase();
  const a = await makeUnitYear('980101', 2024, '10.00');
  const b = await makeUnitYear('980102', 2024, '10.00');
  const { top, mid } = await write(async () => {
    const top = await insertUnitUnder('98', '测试财政局', null);
    const mid = await insertUnitUnder('9801', '测试主管部门', top.id);
    await setUnitParent(a.unit.id, mid.id);
    return { top, mid };
  });
  twoYearId = a.unitYear.id;
  oneYearId = b.unitYear.id;
  owner = await makeActor('td-owner', [{ unitId: a.unit.id, role: 'owner' }]);
  unitReviewer = await makeActor('td-unit', [{ unitId: a.unit.id, role: 'reviewer' }]);
  dept = await makeActor('td-dept', [{ unitId: mid.id, role: 'reviewer' }]);
  dept2 = await makeActor('td-dept2', [{ unitId: mid.id, role: 'reviewer' }]);
  finance = await makeActor('td-finance', [{ unitId: top.id, role: 'reviewer' }]);
  both = await makeActor('td-both', [
    { unitId: mid.id, role: 'reviewer' },
    { unitId: top.id, role: 'reviewer' },
  ]);
  oneOwner = await makeActor('td-one-owner', [{ unitId: b.unit.id, role: 'owner' }]);
  oneReviewer = await makeActor('td-one-reviewer', [{ unitId: b.unit.id, role: 'reviewer' }]);
  admin = await makeActor('td-admin', [], true);
  await setUnitYearReviewLevels(as(admin), twoYearId, 2);
  for (const code of CODES) await approvedTable(owner, twoYearId, code, [dept, finance]);
  await approvedTable(oneOwner, oneYearId, CODES[0]!, [oneReviewer]);
});

describe('monitoring reports at two levels', () => {
  let reports: { id: number; version: number }[] = [];
  let oneLevel: { id: number; version: number };

  /** Fills a report so that it can be submitted (every row explained, 整改措施 given) and submits it. */
  async function submitted(author: Actor, reportId: number): Promise<{ id: number; version: number }> {
    const view = await loadReportView(await reportFor(author, reportId, 'project.view'));
    const entries = view.data.entries.map((e) => ({ ...e, actual: '95%', reasons: ['人员保障' as const], reasonText: '人员不足', likelihood: '有可能' as const }));
    const saved = await saveReport(as(author), reportId, view.report.version, { ...view.data, executed: '6.00', forecast: '10.00', rectification: '加快支出进度', entries });
    expect(saved.problems).toEqual([]);
    const s = await transitionReport(as(author), 'submit', { reportId, version: saved.version });
    expect(s.status).toBe('submitted');
    return { id: reportId, version: s.version };
  }

  beforeAll(async () => {
    await openRounds(as(admin), { unitYearIds: [twoYearId, oneYearId], month: 7, deadline: '2024-08-15' });
    const two = await listReports({ unitYearIds: [twoYearId], roundId: (await listRounds([twoYearId]))[0]!.id });
    reports = [];
    for (const r of two) reports.push(await submitted(owner, r.id));
    const one = await listReports({ unitYearIds: [oneYearId], roundId: (await listRounds([oneYearId]))[0]!.id });
    oneLevel = await submitted(oneOwner, one[0]!.id);
  });

  it('goes submitted → 部门已审核 → 已审核, each level by its own reviewers, and counts 部门已审核 on the dashboard', async () => {
    const r = reports[0]!;
    expect((await refusal(() => transitionReport(as(unitReviewer), 'approve', { reportId: r.id, version: r.version }))).message).toContain('部门审核');
    expect((await refusal(() => transitionReport(as(finance), 'approve', { reportId: r.id, version: r.version }))).message).toContain('部门审核');
    expect((await refusal(() => transitionReport(as(owner), 'approve', { reportId: r.id, version: r.version }))).code).toBe('denied');
    expect((await reportPage(dept, r.id))!.canReview).toBe(true);
    expect((await reportPage(finance, r.id))!.canReview).toBe(false);
    const d = await transitionReport(as(dept), 'approve', { reportId: r.id, version: r.version });
    expect(d.status).toBe('dept_approved');
    expect((await countReports({ unitYearIds: [twoYearId] }, '2024-08-01')).byStatus.dept_approved).toBe(1);
    expect((await reportPage(finance, r.id))!.canReview).toBe(true);
    expect((await refusal(() => transitionReport(as(dept2), 'approve', { reportId: r.id, version: d.version }))).message).toContain('财政审核');
    const f = await transitionReport(as(finance), 'approve', { reportId: r.id, version: d.version });
    expect(f.status).toBe('approved');
    expect((await listMonitoringEvents(r.id)).map((e) => e.action)).toEqual(['submit', 'deptApprove', 'financeApprove']);
  });

  it('returns at the finance level with a reason, and the history says which level returned it', async () => {
    const r = reports[1]!;
    const d = await transitionReport(as(dept), 'approve', { reportId: r.id, version: r.version });
    const back = await transitionReport(as(finance), 'return', { reportId: r.id, version: d.version, reason: '执行进度偏慢，请说明' });
    expect(back.status).toBe('returned');
    const events = await listMonitoringEvents(r.id);
    expect(events.map((e) => e.action)).toEqual(['submit', 'deptApprove', 'financeReturn']);
    expect(returnLevelLabel(events[2]!.action)).toBe('财政审核');
    expect((await getReport(r.id))!.status).toBe('returned');
  });

  it('refuses one person approving at both levels', async () => {
    const r = reports[2]!;
    const d = await transitionReport(as(both), 'approve', { reportId: r.id, version: r.version });
    expect(d.status).toBe('dept_approved');
    expect((await refusal(() => transitionReport(as(both), 'approve', { reportId: r.id, version: d.version }))).message).toContain('另一位审核人');
    expect((await transitionReport(as(finance), 'approve', { reportId: r.id, version: d.version })).status).toBe('approved');
  });

  it('keeps one level unchanged: a reviewer of the unit approves straight to 已审核', async () => {
    const a = await transitionReport(as(oneReviewer), 'approve', { reportId: oneLevel.id, version: oneLevel.version });
    expect(a.status).toBe('approved');
    expect((await listMonitoringEvents(oneLevel.id)).map((e) => e.action)).toEqual(['submit', 'approve']);
  });
});

describe('自评表 at two levels', () => {
  let evals: { id: number; version: number }[] = [];
  let oneLevel: { id: number; version: number };

  /** Every row at full marks (as lib/selfeval/commands.test.ts fills it), saved and submitted. */
  function fullMarks(data: SelfEvalData): SelfEvalData {
    const actuals = ['95%', '280 件', '50 天', '9.5 万元', '92%', '70%', '95%'];
    return { ...data, funds: { ...data.funds, executed: '10.00' }, goalActual: '结案率 95%', entries: data.entries.map((e, i) => ({ ...e, actual: actuals[i]! })) };
  }

  async function submitted(author: Actor, selfEvalId: number): Promise<{ id: number; version: number }> {
    const view = await loadSelfEvalView(await selfEvalFor(author, selfEvalId, 'project.view'));
    const saved = await saveSelfEval(as(author), selfEvalId, view.selfEval.version, fullMarks(view.data));
    expect(saved.problems).toEqual([]);
    const s = await transitionSelfEval(as(author), 'submit', { selfEvalId, version: saved.version });
    return { id: selfEvalId, version: s.version };
  }

  beforeAll(async () => {
    const opened = await openSelfEvalRounds(as(admin), { unitYearIds: [twoYearId, oneYearId] });
    evals = [];
    for (const id of opened[0]!.selfEvalIds) evals.push(await submitted(owner, id));
    oneLevel = await submitted(oneOwner, opened[1]!.selfEvalIds[0]!);
  });

  it('goes submitted → 部门已审核 → 已审核, each level by its own reviewers', async () => {
    const e = evals[0]!;
    expect((await refusal(() => transitionSelfEval(as(unitReviewer), 'approve', { selfEvalId: e.id, version: e.version }))).message).toContain('部门审核');
    expect((await refusal(() => transitionSelfEval(as(finance), 'approve', { selfEvalId: e.id, version: e.version }))).message).toContain('部门审核');
    expect((await refusal(() => transitionSelfEval(as(owner), 'approve', { selfEvalId: e.id, version: e.version }))).code).toBe('denied');
    const d = await transitionSelfEval(as(dept), 'approve', { selfEvalId: e.id, version: e.version });
    expect(d.status).toBe('dept_approved');
    expect((await selfEvalPage(dept, e.id))!.canReview).toBe(false);
    expect((await selfEvalPage(finance, e.id))!.canReview).toBe(true);
    expect((await refusal(() => transitionSelfEval(as(dept2), 'approve', { selfEvalId: e.id, version: d.version }))).message).toContain('财政审核');
    const f = await transitionSelfEval(as(finance), 'approve', { selfEvalId: e.id, version: d.version });
    expect(f.status).toBe('approved');
    expect((await listSelfEvalEvents(e.id)).map((x) => x.action)).toEqual(['submit', 'deptApprove', 'financeApprove']);
  });

  it('returns at the finance level with a reason, and the history says which level returned it', async () => {
    const e = evals[1]!;
    const d = await transitionSelfEval(as(dept), 'approve', { selfEvalId: e.id, version: e.version });
    const back = await transitionSelfEval(as(finance), 'return', { selfEvalId: e.id, version: d.version, reason: '请补充佐证' });
    expect(back.status).toBe('returned');
    const events = await listSelfEvalEvents(e.id);
    expect(events.map((x) => x.action)).toEqual(['submit', 'deptApprove', 'financeReturn']);
    expect(returnLevelLabel(events[2]!.action)).toBe('财政审核');
  });

  it('refuses one person approving at both levels', async () => {
    const e = evals[2]!;
    const d = await transitionSelfEval(as(both), 'approve', { selfEvalId: e.id, version: e.version });
    expect((await refusal(() => transitionSelfEval(as(both), 'approve', { selfEvalId: e.id, version: d.version }))).message).toContain('另一位审核人');
    expect((await transitionSelfEval(as(finance), 'approve', { selfEvalId: e.id, version: d.version })).status).toBe('approved');
  });

  it('keeps one level unchanged: a reviewer of the unit approves straight to 已审核', async () => {
    const a = await transitionSelfEval(as(oneReviewer), 'approve', { selfEvalId: oneLevel.id, version: oneLevel.version });
    expect(a.status).toBe('approved');
    expect((await listSelfEvalEvents(oneLevel.id)).map((x) => x.action)).toEqual(['submit', 'approve']);
  });
});
