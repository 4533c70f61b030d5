import { beforeAll, describe, expect, it } from 'vitest';
import { listAdjustments } from '@/db/queries/adjustments';
import type { Actor } from '@/lib/auth/permissions';
import { reportFor } from '@/lib/monitoring/access';
import { openRounds } from '@/lib/monitoring/commands/open-rounds';
import { loadReportView } from '@/lib/monitoring/read';
import { reportSheet } from '@/lib/monitoring/export-model';
import { renderSheets } from '@/lib/monitoring/export';
import ExcelJS from 'exceljs';
import { createTable } from '@/lib/projects/commands/create-table';
import { transitionTable } from '@/lib/projects/commands/transition-table';
import { loadTable } from '@/lib/projects/read';
import { makeActor, makeUnitYear, seededDatabase } from '@/lib/testing/db';
import { refusal } from '@/lib/testing/refusal';
import { sampleTable } from '@/lib/testing/tables';
import { decideAdjustment } from './commands/decide-adjustment';
import { proposeAdjustment } from './commands/propose-adjustment';

let owner: Actor;
let reviewer: Actor;
let admin: Actor;
let unitYearId: number;
let projectId: number;
let draftId: number;
let rowKey: string;
let reportId: number;

const code = async (p: Promise<unknown>) => (await refusal(() => p)).code;

beforeAll(async () => {
  await seededDatabase();
  const a = await makeUnitYear('300003', 2024, '10.00');
  unitYearId = a.unitYear.id;
  owner = await makeActor('a-owner', [{ unitId: a.unit.id, role: 'owner' }]);
  reviewer = await makeActor('a-reviewer', [{ unitId: a.unit.id, role: 'reviewer' }]);
  admin = await makeActor('a-admin', [], true);
  const me = { actor: owner, ip: null };
  const t = await createTable(me, unitYearId, sampleTable());
  const s = await transitionTable(me, 'submit', { projectId: t.projectId, version: t.version });
  await transitionTable({ actor: reviewer, ip: null }, 'approve', { projectId: t.projectId, version: s.version });
  projectId = t.projectId;
  draftId = (await createTable(me, unitYearId, sampleTable('13080024P00009810002B'))).projectId;
  rowKey = (await loadTable(projectId))!.table.indicators[0]!.key!;
});

const asOwner = () => ({ actor: owner, ip: null });
const proposal = (over: Partial<Parameters<typeof proposeAdjustment>[1]> = {}) => ({
  projectId,
  reason: '上级追加任务',
  budgetAfter: '12.00',
  goalAfter: '1. 仲裁结案率达到 95%以上。',
  rows: [{ rowKey, after: '≥95%', reason: '结案能力提升' }],
  ...over,
});

describe('adjusting an approved table', () => {
  it('is refused on a table not approved, and without a reason on a changed row', async () => {
    expect(await code(proposeAdjustment(asOwner(), proposal({ projectId: draftId })))).toBe('state');
    expect(await code(proposeAdjustment(asOwner(), proposal({ rows: [{ rowKey, after: '≥95%', reason: '' }] })))).toBe('invalid');
  });

  it('is proposed, refused to its proposer and approved by a reviewer; monitoring then uses the adjusted targets', async () => {
    const { adjustmentId, seq } = await proposeAdjustment(asOwner(), proposal({ rows: [{ rowKey, after: '≥95%', reason: '结案能力提升' }, { rowKey: 'unchanged', after: 'x', reason: '' }] }));
    expect(seq).toBe(1);
    expect(await code(proposeAdjustment(asOwner(), proposal()))).toBe('state'); // one pending at a time
    expect(await code(decideAdjustment(asOwner(), 'approve', { adjustmentId, version: 1 }))).toBe('denied');
    expect(await code(decideAdjustment({ actor: reviewer, ip: null }, 'return', { adjustmentId, version: 1 }))).toBe('invalid');
    const approved = await decideAdjustment({ actor: reviewer, ip: null }, 'approve', { adjustmentId, version: 1 });
    expect(approved.status).toBe('approved');
    const [a] = await listAdjustments(projectId);
    expect(JSON.parse(a!.rows)).toEqual([{ rowKey, name: '案件结案率', before: '≥92%', after: '≥95%', reason: '结案能力提升' }]);
    expect(a).toMatchObject({ budgetBeforeYuan: 100_000, budgetAfterYuan: 120_000, goalBefore: '1. 仲裁结案率达到 92%以上。' });

    // The approved table (and so the disclosure) keeps the original.
    expect((await loadTable(projectId))!.table.indicators[0]!.value).toBe('≥92%');
    const [opened] = await openRounds({ actor: admin, ip: null }, { unitYearIds: [unitYearId], month: 7, deadline: '2024-08-15' });
    reportId = opened!.reportIds[0]!;
    const view = await loadReportView(await reportFor(owner, reportId, 'project.view'));
    expect(view.rows[0]!.value).toBe('≥95%');
    expect(view.table.goal).toBe('1. 仲裁结案率达到 95%以上。');
    expect(view.data.budget).toBe('12.00');
    expect(view.originalTable.budget.total).toBe('10.00');
    // The monitoring export prints 调整后 in 年度指标值 and 调整前 in its own column.
    const sheet = reportSheet(view, '测试单位');
    expect(sheet.rows[0]).toMatchObject({ value: '≥95%', originalValue: '≥92%' });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderSheets({ sheets: [sheet], head: { unit: { code: '', name: '测试单位' }, year: 2024, month: 7 } }, 'xlsx')).body as unknown as ArrayBuffer);
    const rows: string[][] = [];
    wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1).map(String)));
    expect(rows.find((r) => r[0] === '一级指标')).toEqual(expect.arrayContaining(['年度指标值（调整后）', '调整前指标值']));
    expect(rows.find((r) => r[2] === '案件结案率')).toEqual(expect.arrayContaining(['≥95%', '≥92%']));
  });

  it('measures a second adjustment against the first and counts them', async () => {
    const { seq } = await proposeAdjustment(asOwner(), proposal({ rows: [{ rowKey, after: '≥96%', reason: '再次提高' }] }));
    expect(seq).toBe(2);
    const second = (await listAdjustments(projectId))[1]!;
    expect(JSON.parse(second.rows)[0]).toMatchObject({ before: '≥95%', after: '≥96%' });
    expect(second.budgetBeforeYuan).toBe(120_000);
  });

  it('keeps what an earlier adjustment changed when a later one changes other rows', async () => {
    const reviewing = { actor: reviewer, ip: null };
    const second = (await listAdjustments(projectId))[1]!;
    await decideAdjustment(reviewing, 'approve', { adjustmentId: second.id, version: second.version });
    const otherKey = (await loadTable(projectId))!.table.indicators[1]!.key!;
    const { adjustmentId } = await proposeAdjustment(asOwner(), proposal({ budgetAfter: '13.00', rows: [{ rowKey: otherKey, after: '≤280 件', reason: '受理量回落' }] }));
    const third = (await listAdjustments(projectId))[2]!;
    expect(JSON.parse(third.rows)).toEqual([{ rowKey: otherKey, name: '案件受理量', before: '≤300 件', after: '≤280 件', reason: '受理量回落' }]);
    await decideAdjustment(reviewing, 'approve', { adjustmentId, version: third.version });

    // The report opened before is measured against all three adjustments, not only the third.
    const view = await loadReportView(await reportFor(owner, reportId, 'project.view'));
    expect(view.rows.slice(0, 2).map((r) => r.value)).toEqual(['≥96%', '≤280 件']);
    expect(view.data.budget).toBe('13.00');
    expect(view.originalTable.indicators.slice(0, 2).map((r) => r.value)).toEqual(['≥92%', '≤300 件']);
  });
});
