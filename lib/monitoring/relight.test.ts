import { beforeAll, describe, expect, it } from 'vitest';
import { listAuditFor } from '@/db/queries/audit';
import { sql } from 'drizzle-orm';
import { rawRun, write } from '@/db/client';
import { countReports, getReport, listEntries } from '@/db/queries/monitoring';
import { findUnitByCode, findUnitYear } from '@/db/queries/units';
import { synthesize } from '@/lib/setup/synth';
import { updateUnitYearSettings } from '@/lib/admin/commands';
import { decideAdjustment } from '@/lib/adjustments/commands/decide-adjustment';
import { proposeAdjustment } from '@/lib/adjustments/commands/propose-adjustment';
import type { Actor } from '@/lib/auth/permissions';
import { evaluateReport } from '@/lib/domain/monitoring';
import { createTable } from '@/lib/projects/commands/create-table';
import { transitionTable } from '@/lib/projects/commands/transition-table';
import { makeActor, makeUnitYear, seededDatabase } from '@/lib/testing/db';
import { sampleTable } from '@/lib/testing/tables';
import { reportFor } from './access';
import { openRounds } from './commands/open-rounds';
import { saveReport } from './commands/save-report';
import { loadReportView } from './read';

let admin: Actor;
let reviewer: Actor;

type Setup = { unitYearId: number; owner: Actor; reportIds: number[]; projectIds: number[] };

/** A unit-year with `tables` approved tables, a 1–7月 round, and every report saved: 执行 5.00 of 10.00 万元 (green, 85.7), 结案率 70% against ≥92% (yellow, 76.1). */
async function monitoredUnitYear(code: string, tables: number): Promise<Setup> {
  const a = await makeUnitYear(code, 2024, '100.00');
  const owner = await makeActor(`o-${code}`, [{ unitId: a.unit.id, role: 'owner' }]);
  reviewer = await makeActor(`r-${code}`, [{ unitId: a.unit.id, role: 'reviewer' }]);
  const me = { actor: owner, ip: null };
  const projectIds: number[] = [];
  for (let i = 0; i < tables; i++) {
    const t = await createTable(me, a.unitYear.id, sampleTable(`13080024P${code.slice(0, 5)}${String(i).padStart(6, '0')}B`));
    const s = await transitionTable(me, 'submit', { projectId: t.projectId, version: t.version });
    await transitionTable({ actor: reviewer, ip: null }, 'approve', { projectId: t.projectId, version: s.version });
    projectIds.push(t.projectId);
  }
  const [opened] = await openRounds({ actor: admin, ip: null }, { unitYearIds: [a.unitYear.id], month: 7, deadline: '2024-08-15' });
  for (const id of opened!.reportIds) {
    const view = await loadReportView(await reportFor(owner, id, 'project.view'));
    const data = { ...view.data, executed: '5.00', entries: view.data.entries.map((e, i) => (i === 0 ? { ...e, actual: '70%', reasons: ['人员保障' as const] } : e)) };
    const r = await saveReport(me, id, view.report.version, data);
    expect(r.light).toBe('yellow');
  }
  return { unitYearId: a.unitYear.id, owner, reportIds: opened!.reportIds, projectIds };
}

/** What the report page computes now must be what is stored. */
async function expectStoredIsTrue(owner: Actor, reportId: number) {
  const view = await loadReportView(await reportFor(owner, reportId, 'project.view'));
  const e = evaluateReport(view.data, view.rows, view.period);
  const stored = (await getReport(reportId))!;
  expect(stored).toMatchObject({ light: e.light, fundsLight: e.funds.light, fundsProgress: e.funds.progress, redCount: e.redCount, yellowCount: e.yellowCount });
  for (const entry of await listEntries(reportId)) expect({ key: entry.rowKey, light: entry.light, progress: entry.progress }).toEqual({ key: entry.rowKey, ...e.rows[entry.rowKey] });
  return stored;
}

beforeAll(async () => {
  await seededDatabase();
  admin = await makeActor('relight-admin', [], true);
});

describe('stored lights stay true', () => {
  it('follow a change of the unit-year’s thresholds, in the same write, audited per round', async () => {
    const s = await monitoredUnitYear('500005', 3);
    const before = (await getReport(s.reportIds[0]!))!;
    expect(before).toMatchObject({ light: 'yellow', fundsLight: 'green', yellowCount: 1, redCount: 0 });
    // Yellow from 80, green from 90: the row (76.1) turns red, the funds (85.7) yellow.
    const profile = JSON.stringify({ lightThresholds: { yellowFrom: 80, greenFrom: 90, blueFrom: 120 } });
    await updateUnitYearSettings({ actor: admin, ip: null }, s.unitYearId, { frameworkId: (await frameworkOf(s)), projectExpenditure: '100.00', ruleProfile: profile });
    for (const id of s.reportIds) {
      const stored = await expectStoredIsTrue(s.owner, id);
      expect(stored).toMatchObject({ light: 'red', fundsLight: 'yellow', redCount: 1, yellowCount: 1, version: before.version });
    }
    const audit = await listAuditFor('monitoring-round', before.roundId);
    const relit = audit.filter((x) => x.action === 'relight');
    expect(relit).toHaveLength(1);
    expect(JSON.parse(relit[0]!.changes!)).toMatchObject({ reports: 3, changed: 3, lights: [{ before: 'yellow', after: 'red' }, {}, {}] });
    // Settings that leave the thresholds alone do not relight.
    await updateUnitYearSettings({ actor: admin, ip: null }, s.unitYearId, { frameworkId: await frameworkOf(s), projectExpenditure: '90.00', ruleProfile: profile });
    expect((await listAuditFor('monitoring-round', before.roundId)).filter((x) => x.action === 'relight')).toHaveLength(1);
  });

  it('follow an approved adjustment of the targets and 全年预算数; a return changes nothing', async () => {
    const s = await monitoredUnitYear('600006', 2);
    const [reportId] = s.reportIds;
    const rowKey = (await listEntries(reportId!)).find((e) => e.actual === '70%')!.rowKey;
    const me = { actor: s.owner, ip: null };
    const proposal = { projectId: s.projectIds[0]!, reason: '任务调整', budgetAfter: '8.00', goalAfter: '调整后的目标', rows: [{ rowKey, after: '≥70%', reason: '案源减少' }] };
    const returned = await proposeAdjustment(me, proposal);
    await decideAdjustment({ actor: reviewer, ip: null }, 'return', { adjustmentId: returned.adjustmentId, version: 1, reason: '请补充依据' });
    expect(await getReport(reportId!)).toMatchObject({ light: 'yellow', budgetYuan: 100_000 });

    const { adjustmentId } = await proposeAdjustment(me, proposal);
    await decideAdjustment({ actor: reviewer, ip: null }, 'approve', { adjustmentId, version: 1 });
    // 70% against ≥70%: green; 5.00 of 8.00 after 7 months: 107, green.
    const stored = await expectStoredIsTrue(s.owner, reportId!);
    expect(stored).toMatchObject({ light: 'green', fundsLight: 'green', yellowCount: 0, budgetYuan: 80_000 });
    // The other table's report is not touched.
    expect(await getReport(s.reportIds[1]!)).toMatchObject({ light: 'yellow', budgetYuan: 100_000 });
    const relit = (await listAuditFor('monitoring-round', stored.roundId)).filter((x) => x.action === 'relight');
    expect(JSON.parse(relit[0]!.changes!)).toMatchObject({ cause: { adjustmentId }, changed: 1, lights: [{ reportId, before: 'yellow', after: 'green', budgetYuan: 80_000 }] });
  });
});

describe('at scale', () => {
  it('relights hundreds of reports in batches (more than one statement’s worth)', async () => {
    const made = await synthesize({ projects: 1000, perUnit: 1000, year: 2024, seed: 14 }, admin.id);
    const unitYear = (await findUnitYear((await findUnitByCode(made.firstUnitCode))!.id, 2024))!;
    const [opened] = await openRounds({ actor: admin, ip: null }, { unitYearIds: [unitYear.id], month: 6, deadline: '2024-07-15' });
    const approved = opened!.reports;
    expect(approved).toBeGreaterThan(200);
    // Half the budget spent after half a year: 100, green; each report's lights as a save would store them.
    await write(() => rawRun(sql`update monitoring_reports set executed_yuan = budget_yuan / 2, funds_light = 'green', funds_progress = 100, light = 'green' where round_id = ${opened!.roundId}`));
    const profile = JSON.stringify({ lightThresholds: { yellowFrom: 80, greenFrom: 110, blueFrom: 150 } });
    await updateUnitYearSettings({ actor: admin, ip: null }, unitYear.id, { frameworkId: unitYear.frameworkId, projectExpenditure: null, ruleProfile: profile });
    const counts = await countReports({ unitYearIds: [unitYear.id], roundId: opened!.roundId }, '2024-07-01');
    expect(counts.byLight.yellow).toBe(approved);
  });
});

async function frameworkOf(s: Setup): Promise<number> {
  const { getUnitYear } = await import('@/db/queries/units');
  return (await getUnitYear(s.unitYearId))!.frameworkId;
}
