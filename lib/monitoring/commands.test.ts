import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { getReport, listEntries, listMonitoringEvents, countReports, listReports, listRounds } from '@/db/queries/monitoring';
import { listAuditFor } from '@/db/queries/audit';
import type { Actor } from '@/lib/auth/permissions';
import { emptyEntry, type ReportData } from '@/lib/domain/monitoring';
import { createTable } from '@/lib/projects/commands/create-table';
import { transitionTable } from '@/lib/projects/commands/transition-table';
import { makeActor, makeUnitYear, seededDatabase } from '@/lib/testing/db';
import { refusal as refusalOf } from '@/lib/testing/refusal';
import { sampleTable } from '@/lib/testing/tables';
import { reportFor } from './access';
import { openRounds } from './commands/open-rounds';
import { saveReport } from './commands/save-report';
import { transitionReport } from './commands/transition-report';
import { loadReportView } from './read';
import { renderSheets, reportSheets, roundSheets } from './export';

let owner: Actor;
let reviewer: Actor;
let admin: Actor;
let outsider: Actor;
let unitYearId: number;
let otherYearId: number;
let approvedId: number;

beforeAll(async () => {
  await seededDatabase();
  const a = await makeUnitYear('100001', 2024, '10.00');
  const b = await makeUnitYear('200002');
  unitYearId = a.unitYear.id;
  otherYearId = b.unitYear.id;
  owner = await makeActor('m-owner', [{ unitId: a.unit.id, role: 'owner' }]);
  reviewer = await makeActor('m-reviewer', [{ unitId: a.unit.id, role: 'reviewer' }]);
  outsider = await makeActor('m-outsider', [{ unitId: b.unit.id, role: 'owner' }]);
  admin = await makeActor('m-admin', [], true);
  const me = { actor: owner, ip: null };
  const t = await createTable(me, unitYearId, sampleTable());
  const s = await transitionTable(me, 'submit', { projectId: t.projectId, version: t.version });
  await transitionTable({ actor: reviewer, ip: null }, 'approve', { projectId: t.projectId, version: s.version });
  approvedId = t.projectId;
  await createTable(me, unitYearId, sampleTable('13080024P00009810002B')); // a draft: no report
});

/** The refusal's code. */
const refusal = async (p: Promise<unknown>) => (await refusalOf(() => p)).code;

const asOwner = () => ({ actor: owner, ip: null });
const asReviewer = () => ({ actor: reviewer, ip: null });

async function theReport() {
  const rounds = await listRounds([unitYearId]);
  const rows = await listReports({ unitYearIds: [unitYearId], roundId: rounds[0]!.id });
  return (await getReport(rows[0]!.id))!;
}

async function viewOf(reportId: number) {
  return loadReportView(await reportFor(owner, reportId, 'project.view'));
}

describe('opening rounds', () => {
  it('is for administrators only', async () => {
    expect(await refusal(openRounds(asOwner(), { unitYearIds: [unitYearId], month: 7, deadline: '2024-08-15' }))).toBe('denied');
  });

  it('opens a round in several unit-years at once, a draft report for every approved table', async () => {
    const opened = await openRounds({ actor: admin, ip: null }, { unitYearIds: [unitYearId, otherYearId], month: 7, deadline: '2024-08-15' });
    expect(opened.map((o) => o.reports)).toEqual([1, 0]);
    const report = await theReport();
    expect(report).toMatchObject({ projectId: approvedId, status: 'draft', version: 1, budgetYuan: 100_000, light: 'none' });
    expect((await listAuditFor('monitoring-round', opened[0]!.roundId)).map((a) => a.action)).toEqual(['create']);
  });

  it('refuses a second round for the same month, all or none', async () => {
    const again = openRounds({ actor: admin, ip: null }, { unitYearIds: [otherYearId, unitYearId], month: 7, deadline: '2024-08-20' });
    expect(await refusal(again)).toBe('invalid');
    expect(await listRounds([otherYearId])).toHaveLength(1);
  });
});

describe('filling, submitting and reviewing a report', () => {
  const fill = (over: Partial<ReportData>, rows: Record<number, Partial<ReportData['entries'][number]>>, view: Awaited<ReturnType<typeof viewOf>>): ReportData => ({
    ...view.data,
    entries: view.data.entries.map((e, i) => ({ ...e, ...rows[i] })),
    ...over,
  });

  it('stores the lights computed on save: per row, funds, table', async () => {
    const report = await theReport();
    const view = await viewOf(report.id);
    expect(view.data.entries).toHaveLength(7); // 9 rows, 2 placeholders
    expect(view.data.budget).toBe('10.00');
    // 结案率 ≥92%: 40% is red; funds 1.00 of 10.00 after 7 months: red.
    const data = fill({ executed: '1.00' }, { 0: { actual: '40%' }, 5: { actual: '60%' } }, view);
    const r = await saveReport(asOwner(), report.id, report.version, data);
    expect(r).toMatchObject({ version: 2, status: 'draft', light: 'red' });
    expect(r.problems.map((p) => p.path)).toEqual(['entries.0.reasons', 'rectification']);
    const stored = (await getReport(report.id))!;
    expect(stored).toMatchObject({ light: 'red', fundsLight: 'red', redCount: 2, executedYuan: 10_000, needsRectification: true });
    const entries = await listEntries(report.id);
    expect(entries.find((e) => e.actual === '40%')).toMatchObject({ light: 'red' });
    expect(entries.find((e) => e.actual === '60%')).toMatchObject({ light: 'green' });
  });

  it('refuses a save on an older version and a save by someone of another unit', async () => {
    const report = await theReport();
    const view = await viewOf(report.id);
    expect(await refusal(saveReport(asOwner(), report.id, report.version - 1, view.data))).toBe('conflict');
    expect(await refusal(saveReport({ actor: outsider, ip: null }, report.id, report.version, view.data))).toBe('denied');
    expect(await refusal(saveReport(asReviewer(), report.id, report.version, view.data))).toBe('denied');
  });

  it('refuses to submit while a red row has no reason or 整改措施 is missing, then submits', async () => {
    let report = await theReport();
    const refused = transitionReport(asOwner(), 'submit', { reportId: report.id, version: report.version });
    expect(await refusal(refused)).toBe('state');
    const view = await viewOf(report.id);
    const data = fill({ rectification: '加快支出进度' }, { 0: { reasons: ['人员保障'], reasonText: '人员不足', likelihood: '有可能' } }, view);
    await saveReport(asOwner(), report.id, report.version, data);
    report = await theReport();
    const submitted = await transitionReport(asOwner(), 'submit', { reportId: report.id, version: report.version });
    expect(submitted.status).toBe('submitted');
    expect((await viewOf(report.id)).data.entries[0]).toMatchObject({ reasons: ['人员保障'], reasonText: '人员不足', likelihood: '有可能' });
  });

  it('keeps separation of duties and needs a reason to return; comments name rows', async () => {
    let report = await theReport();
    expect(await refusal(transitionReport(asOwner(), 'approve', { reportId: report.id, version: report.version }))).toBe('denied');
    expect(await refusal(transitionReport(asReviewer(), 'return', { reportId: report.id, version: report.version }))).toBe('invalid');
    const rowKey = (await viewOf(report.id)).data.entries[0]!.rowKey;
    const bad = transitionReport(asReviewer(), 'return', { reportId: report.id, version: report.version, reason: '请补充', comments: [{ target: 'row:nope', body: 'x' }] });
    expect(await refusal(bad)).toBe('invalid');
    await transitionReport(asReviewer(), 'return', { reportId: report.id, version: report.version, reason: '请补充', comments: [{ target: `row:${rowKey}`, body: '原因写具体' }] });
    report = await theReport();
    expect(report.status).toBe('returned');
    // The owner's save takes it back to draft; then submit and approve.
    const view = await viewOf(report.id);
    const saved = await saveReport(asOwner(), report.id, report.version, fill({}, { 0: { reasonText: '两名仲裁员调离，已补充' } }, view));
    expect(saved.status).toBe('draft');
    const s = await transitionReport(asOwner(), 'submit', { reportId: report.id, version: saved.version });
    const a = await transitionReport(asReviewer(), 'approve', { reportId: report.id, version: s.version });
    expect(a.status).toBe('approved');
    const events = await listMonitoringEvents(report.id);
    expect(events.map((e) => e.action)).toEqual(['submit', 'return', 'revise', 'submit', 'approve']);
    expect(JSON.parse(events[1]!.comments)).toEqual([{ target: `row:${rowKey}`, body: '原因写具体' }]);
    expect(await refusal(saveReport(asOwner(), report.id, a.version, view.data))).toBe('state');
    const audit = (await listAuditFor('monitoring-report', report.id)).map((x) => x.action);
    expect(audit).toEqual(expect.arrayContaining(['update', 'submit', 'return', 'approve']));
  });

  it('counts by light and status for the dashboard', async () => {
    const counts = await countReports({ unitYearIds: [unitYearId, otherYearId] }, '2024-09-01');
    expect(counts).toMatchObject({ total: 1, overdue: 0, byLight: { red: 1 }, byStatus: { approved: 1 } });
    expect((await listReports({ unitYearIds: [unitYearId], light: 'green' })).length).toBe(0);
  });
});

describe('exports', () => {
  it('reads back every value of the round as XLSX, with the lights as words', async () => {
    const report = await theReport();
    const round = (await roundSheets(reviewer, report.roundId))!;
    expect(round.sheets).toHaveLength(1);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await renderSheets(round, 'xlsx')).body as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0]!.eachRow((row) => row.eachCell((c) => cells.push(String(c.value))));
    expect(cells).toEqual(expect.arrayContaining(['10.00', '1.00', '10.00%', '58.33%', '40%', '红', '人员保障：两名仲裁员调离，已补充', '有可能', '加快支出进度', '≥92%']));
  });

  it('prints the PDF with the same values; JSON carries them too; another unit cannot export', async () => {
    const report = await theReport();
    const one = (await reportSheets(owner, report.id))!;
    const pdf = (await renderSheets(one, 'pdf')).body;
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pt-mon-')), 'm.pdf');
    fs.writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    for (const v of ['项目支出绩效目标执行监控表', '40%', '红', '加快支出进度', '10.00%', '人员保障']) expect(text).toContain(v);
    // The interchange JSON: the tables' document head (unit, year), then the monitoring data.
    const json = JSON.parse((await renderSheets(one, 'json')).body.toString('utf8')) as {
      unit: { code: string };
      year: number;
      monitoring: { month: number; reports: { code: string; rows: { actual: string; lightWord: string }[] }[] };
    };
    expect(json).toMatchObject({ unit: { code: one.head.unit.code }, year: 2024, monitoring: { month: one.head.month } });
    expect(one.head.unit.code).not.toBe('');
    expect(json.monitoring.reports[0]!.rows[0]).toMatchObject({ actual: '40%', lightWord: '红' });
    expect(await reportSheets(outsider, report.id)).toBeNull();
    expect(await roundSheets(outsider, report.roundId)).toBeNull();
  });
});
