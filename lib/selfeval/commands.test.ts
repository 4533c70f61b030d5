import { beforeAll, describe, expect, it } from 'vitest';
import { getUnitYear } from '@/db/queries/units';
import { updateUnitYearSettings } from '@/lib/admin/commands';
import { DEFAULT_RULE_PROFILE } from '@/lib/domain/rules';
import { listAuditFor } from '@/db/queries/audit';
import { listRounds, listReports } from '@/db/queries/monitoring';
import { findSelfEvalRound, getSelfEval, listSelfEvalEvents, listSelfEvalsOfRound, selfEvalRoundTotals } from '@/db/queries/selfeval';
import type { Actor } from '@/lib/auth/permissions';
import { emptyEntry } from '@/lib/domain/monitoring';
import type { SelfEvalData } from '@/lib/domain/selfeval';
import { reportFor } from '@/lib/monitoring/access';
import { openRounds } from '@/lib/monitoring/commands/open-rounds';
import { saveReport } from '@/lib/monitoring/commands/save-report';
import { loadReportView } from '@/lib/monitoring/read';
import { createTable } from '@/lib/projects/commands/create-table';
import { transitionTable } from '@/lib/projects/commands/transition-table';
import { makeActor, makeUnitYear, seededDatabase } from '@/lib/testing/db';
import { refusal as refusalOf } from '@/lib/testing/refusal';
import { sampleTable } from '@/lib/testing/tables';
import { selfEvalFor } from './access';
import { openSelfEvalRounds } from './commands/open-rounds';
import { saveSelfEval } from './commands/save-selfeval';
import { setSelfEvalPublic } from './commands/set-public';
import { transitionSelfEval } from './commands/transition-selfeval';
import { publicSelfEvals, rollup, rollupOfTotals, unitYearScores } from './page';
import { loadSelfEvalView } from './read';
import { selfEvalSheet } from './sheet';

let owner: Actor;
let reviewer: Actor;
let admin: Actor;
let outsider: Actor;
let unitYearId: number;
let otherYearId: number;
let approvedId: number;
let selfEvalId: number;

const me = () => ({ actor: owner, ip: null });
const asReviewer = () => ({ actor: reviewer, ip: null });
const asAdmin = () => ({ actor: admin, ip: null });
const refusal = async (p: Promise<unknown>) => (await refusalOf(() => p)).code;

beforeAll(async () => {
  await seededDatabase();
  const a = await makeUnitYear('100001', 2024, '10.00');
  const b = await makeUnitYear('200002');
  unitYearId = a.unitYear.id;
  otherYearId = b.unitYear.id;
  owner = await makeActor('s-owner', [{ unitId: a.unit.id, role: 'owner' }]);
  reviewer = await makeActor('s-reviewer', [{ unitId: a.unit.id, role: 'reviewer' }]);
  outsider = await makeActor('s-outsider', [{ unitId: b.unit.id, role: 'owner' }]);
  admin = await makeActor('s-admin', [], true);
  const t = await createTable(me(), unitYearId, sampleTable());
  const s = await transitionTable(me(), 'submit', { projectId: t.projectId, version: t.version });
  await transitionTable(asReviewer(), 'approve', { projectId: t.projectId, version: s.version });
  approvedId = t.projectId;
  await createTable(me(), unitYearId, sampleTable('13080024P00009810002B')); // a draft: no 自评表
  // A monitoring report whose 全年预计 figures the 自评表 starts from.
  await openRounds(asAdmin(), { unitYearIds: [unitYearId], month: 10, deadline: '2024-11-15' });
  const round = (await listRounds([unitYearId]))[0]!;
  const reportId = (await listReports({ unitYearIds: [unitYearId], roundId: round.id }))[0]!.id;
  const view = await loadReportView(await reportFor(owner, reportId, 'project.view'));
  const entries = view.data.entries.map((e, i) => ({ ...emptyEntry(e.rowKey), actual: i === 0 ? '80%' : '', forecast: i === 0 ? '95%' : '' }));
  await saveReport(me(), reportId, 1, { ...view.data, budget: '10.00', executed: '6.00', forecast: '9.50', goalProgress: '结案率 95%', entries });
});

async function view() {
  return loadSelfEvalView(await selfEvalFor(owner, selfEvalId, 'project.view'));
}

/** Every row at full marks, as typed by an owner: actuals that meet each target. */
function fullMarks(data: SelfEvalData): SelfEvalData {
  const actuals = ['95%', '280 件', '50 天', '9.5 万元', '92%', '70%', '95%'];
  return { ...data, funds: { ...data.funds, executed: '10.00' }, goalActual: '结案率 95%', entries: data.entries.map((e, i) => ({ ...e, actual: actuals[i]! })) };
}

describe('opening self-evaluation', () => {
  it('is for administrators only', async () => {
    expect(await refusal(openSelfEvalRounds(me(), { unitYearIds: [unitYearId] }))).toBe('denied');
  });

  it('gives every approved table a draft 自评表 prefilled from its targets and its monitoring report', async () => {
    const opened = await openSelfEvalRounds(asAdmin(), { unitYearIds: [unitYearId, otherYearId] });
    expect(opened.map((o) => o.selfEvalIds.length)).toEqual([1, 0]);
    selfEvalId = opened[0]!.selfEvalIds[0]!;
    const v = await view();
    expect(v.selfEval).toMatchObject({ projectId: approvedId, status: 'draft', version: 1 });
    expect(v.data.funds).toEqual({ initial: '10.00', annual: '10.00', executed: '9.50', weight: '10.00' });
    expect(v.data.goalActual).toBe('结案率 95%');
    // 2015 framework: 产出 50 over 4 rows, 效益 30 over its 2 real rows (placeholders get none), 满意度 10.
    expect(v.data.entries.map((e) => e.weight)).toEqual(['12.50', '12.50', '12.50', '12.50', '15.00', '15.00', '10.00']);
    expect(v.data.entries[0]!.actual).toBe('95%');
    expect(v.evaluation.weights.isHundred).toBe(true);
    expect(v.evaluation.funds).toEqual({ rate: '95.00', score: '9.50' });
    expect((await listAuditFor('selfeval-round', opened[0]!.roundId)).map((a) => a.action)).toEqual(['create']);
  });

  it('refuses a unit-year opened already, all or none', async () => {
    const again = openSelfEvalRounds(asAdmin(), { unitYearIds: [otherYearId, unitYearId] });
    expect(await refusal(again)).toBe('invalid');
    expect((await listSelfEvalsOfRound((await findSelfEvalRound(unitYearId))!.id)).length).toBe(1);
  });
});

describe('filling, scoring and submitting', () => {
  it('scores on the server and stores the total and grade', async () => {
    const v = await view();
    const r = await saveSelfEval(me(), selfEvalId, 1, fullMarks(v.data));
    expect(r).toMatchObject({ version: 2, total: '100.00', grade: '优', problems: [] });
    expect(await getSelfEval(selfEvalId)).toMatchObject({ scoreCents: 10_000, grade: '优' });
  });

  it('saves a row below full marks without its 偏差原因 but refuses to submit it, naming the cell', async () => {
    const v = await view();
    const data = { ...v.data, entries: v.data.entries.map((e, i) => (i === 0 ? { ...e, actual: '46%' } : e)) };
    const r = await saveSelfEval(me(), selfEvalId, 2, data);
    // 46 ÷ 92 × 12.50 = 6.25
    expect(r).toMatchObject({ version: 3, total: '93.75', grade: '优' });
    expect(r.problems).toEqual([{ path: 'entries.0.deviation', message: '得分低于分值，请填写偏差原因分析及改进措施' }]);
    const refused = await refusalOf(() => transitionSelfEval(me(), 'submit', { selfEvalId, version: 3 }));
    expect(refused.code).toBe('state');
    expect(refused.fieldErrors['entries.0.deviation']).toEqual(['得分低于分值，请填写偏差原因分析及改进措施']);
  });

  it('refuses to submit while the 分值 do not add up to 100', async () => {
    const v = await view();
    const data = { ...v.data, entries: v.data.entries.map((e, i) => (i === 0 ? { ...e, weight: '20.00', deviation: '案件增多' } : e)) };
    const r = await saveSelfEval(me(), selfEvalId, 3, data);
    expect(r.problems.map((p) => p.path)).toEqual(['weights']);
    expect(r.problems[0]!.message).toBe('分值合计为 107.50，应为 100：请调整各项分值');
    expect((await refusalOf(() => transitionSelfEval(me(), 'submit', { selfEvalId, version: 4 }))).fieldErrors['weights']).toBeDefined();
  });

  it('refuses a stale version and an owner of another unit', async () => {
    const v = await view();
    expect(await refusal(saveSelfEval(me(), selfEvalId, 1, v.data))).toBe('conflict');
    expect(await refusal(saveSelfEval({ actor: outsider, ip: null }, selfEvalId, 4, v.data))).toBe('denied');
  });

  it('submits once every row below full marks is explained and the 分值 add up', async () => {
    const v = await view();
    const data = { ...v.data, entries: v.data.entries.map((e, i) => (i === 0 ? { ...e, weight: '12.50' } : e)) };
    expect((await saveSelfEval(me(), selfEvalId, 4, data)).problems).toEqual([]);
    expect(await transitionSelfEval(me(), 'submit', { selfEvalId, version: 5 })).toEqual({ version: 6, status: 'submitted' });
    expect(await refusal(saveSelfEval(me(), selfEvalId, 6, data))).toBe('state');
  });
});

describe('review', () => {
  it('keeps the owner from approving and asks a reason to return', async () => {
    expect(await refusal(transitionSelfEval(me(), 'approve', { selfEvalId, version: 6 }))).toBe('denied');
    expect(await refusal(transitionSelfEval(asReviewer(), 'return', { selfEvalId, version: 6 }))).toBe('invalid');
  });

  it('returns, the owner saves it back to draft and resubmits, the reviewer approves', async () => {
    expect(await transitionSelfEval(asReviewer(), 'return', { selfEvalId, version: 6, reason: '请补充佐证' })).toEqual({ version: 7, status: 'returned' });
    const v = await view();
    const saved = await saveSelfEval(me(), selfEvalId, 7, { ...v.data, goalActual: '结案率 95%，见佐证材料' });
    expect(saved.status).toBe('draft');
    const s = await transitionSelfEval(me(), 'submit', { selfEvalId, version: saved.version });
    expect(await transitionSelfEval(asReviewer(), 'approve', { selfEvalId, version: s.version })).toMatchObject({ status: 'approved' });
    expect((await listSelfEvalEvents(selfEvalId)).map((e) => e.action)).toEqual(['submit', 'return', 'revise', 'submit', 'approve']);
    expect((await listAuditFor('selfeval', selfEvalId)).map((a) => a.action)).toContain('approve');
  });
});

describe('the public switch and the sheet', () => {
  it('shows nothing publicly while the switch is off', async () => {
    expect(await publicSelfEvals(unitYearId)).toBeNull();
  });

  it('is switched by an administrator, only where self-evaluation is open', async () => {
    expect(await refusal(setSelfEvalPublic(me(), { unitYearId, isPublic: true }))).toBe('denied');
    const b = await makeUnitYear('300003');
    expect(await refusal(setSelfEvalPublic(asAdmin(), { unitYearId: b.unitYear.id, isPublic: true }))).toBe('state');
    expect(await setSelfEvalPublic(asAdmin(), { unitYearId, isPublic: true })).toEqual({ isPublic: true });
    expect((await findSelfEvalRound(unitYearId))!.isPublic).toBe(true);
    const rows = await listSelfEvalsOfRound((await findSelfEvalRound(unitYearId))!.id, true);
    expect(rows.map((r) => [r.projectId, r.scoreCents, r.grade])).toEqual([[approvedId, 9375, '优']]);
    const shown = await publicSelfEvals(unitYearId);
    expect(shown?.sheets.map((s) => [s.projectCode, s.selfScore, s.grade])).toEqual([['13080024P00009810002A', '93.75', '优']]);
    expect(shown?.rollup.average).toBe('93.75');
  });

  it('prints the stored 自评表 as a SelfEvalSheet', async () => {
    const sheet = await selfEvalSheet(await view());
    expect(sheet).toMatchObject({ year: 2024, projectCode: '13080024P00009810002A', selfScore: '93.75', grade: '优', goal: { expected: '1. 仲裁结案率达到 92%以上。', actual: '结案率 95%，见佐证材料' } });
    expect(sheet.funds[0]).toEqual({ label: '年度资金总额', initial: '10.00', annual: '10.00', executed: '10.00', weight: '10.00', rate: '100.00', score: '10.00' });
    expect(sheet.indicators[0]).toMatchObject({ level1: '产出指标', name: '案件结案率', target: '≥92%', actual: '46%', weight: '12.50', score: '6.25', deviation: '案件增多' });
    // Placeholders print as in the table, with no 分值 or 得分.
    expect(sheet.indicators[4]).toMatchObject({ name: '无经济效益指标', weight: '', score: '' });
  });

  it('grades by the unit-year’s thresholds, and re-grades the stored 自评表 when they change', async () => {
    const uy = (await getUnitYear(unitYearId))!;
    const profile = { ...DEFAULT_RULE_PROFILE, gradeThresholds: { excellent: 95, good: 85, pass: 60 } };
    await updateUnitYearSettings(asAdmin(), unitYearId, { frameworkId: uy.frameworkId, projectExpenditure: '10.00', ruleProfile: JSON.stringify(profile) });
    expect(await getSelfEval(selfEvalId)).toMatchObject({ scoreCents: 9375, grade: '良' });
    expect((await selfEvalSheet(await view())).grade).toBe('良');
    await updateUnitYearSettings(asAdmin(), unitYearId, { frameworkId: uy.frameworkId, projectExpenditure: '10.00', ruleProfile: null });
    expect(await getSelfEval(selfEvalId)).toMatchObject({ grade: '优' });
  });
});

describe('the unit-year roll-up', () => {
  it('averages the scored 自评表 half-up to the cent and counts each grade', () => {
    const r = rollup([
      { scoreCents: 9000, grade: '优' },
      { scoreCents: 8001, grade: '良' },
      { scoreCents: null, grade: null },
      { scoreCents: 5999, grade: '差' },
    ]);
    // (90.00 + 80.01 + 59.99) ÷ 3 = 76.666… → 76.67
    expect(r).toEqual({ scored: 3, average: '76.67', distribution: { 优: 1, 良: 1, 中: 0, 差: 1 } });
    expect(rollup([{ scoreCents: 1, grade: '差' }, { scoreCents: 2, grade: '差' }]).average).toBe('0.02'); // 0.015 → 0.02
    expect(rollup([]).average).toBeNull();
  });

  it('gives the same figures from the database per-grade totals, and the page of rows', async () => {
    const round = (await findSelfEvalRound(unitYearId))!;
    const rows = await listSelfEvalsOfRound(round.id);
    expect(rollupOfTotals(await selfEvalRoundTotals(round.id))).toEqual(rollup(rows));
    const page = (await unitYearScores(reviewer, unitYearId, 7))!;
    expect([page.total, page.page, page.pages, page.rows.map((r) => r.id)]).toEqual([1, 1, 1, rows.map((r) => r.id)]);
    expect(page.rollup).toEqual(rollup(rows));
    expect(await unitYearScores(outsider, unitYearId)).toBeNull();
  });
});
