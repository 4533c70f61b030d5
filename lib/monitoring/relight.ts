/**
 * Stored lights kept true. Lights are computed on every save and stored so that the dashboard counts and
 * sorts without reading rows; when what they were computed from changes without a save — the unit-year's
 * thresholds (rule profile) or the targets / 全年预算数 of an approved adjustment — the reports concerned
 * are evaluated again and the changed ones written back in batches, inside the caller's write(), with one
 * audit entry per round. Runs only inside write().
 */
import { approvedAdjustments } from '@/db/queries/adjustments';
import { appendAudit } from '@/db/queries/audit';
import { listEntriesOfReports, listReportsToRelight, setEntryLights, setReportLights, type RelightReport, type ReportLights } from '@/db/queries/monitoring';
import { getUnitYear } from '@/db/queries/units';
import type { MonitoringEntryRow, TableAdjustmentRow, UnitYearRow } from '@/db/schema';
import { adjustedTable } from '@/lib/domain/adjustment';
import { evaluateReport } from '@/lib/domain/monitoring';
import { adjustmentOf } from '@/lib/adjustments/read';
import { ruleProfileOf } from '@/lib/projects/findings';
import { loadTables } from '@/lib/projects/read';
import { monitoredRows, reportDataOf, type MonitoredIndicator } from './read';
import type { Who } from './commands/shared';

export type RelightCause =
  /** The unit-year as it is now (after its rule profile changed). */
  | { kind: 'thresholds'; unitYear: UnitYearRow }
  /** An adjustment just approved: its targets are in force, and its 全年预算数 replaces the old one in reports not yet approved that still had it. */
  | { kind: 'adjustment'; adjustment: TableAdjustmentRow };

export type RelightResult = { reports: number; changed: number; entries: number };

/** How many changed reports an audit entry lists one by one (the count is always complete). */
const AUDIT_LIST = 200;

function budgetAfter(r: RelightReport, cause: RelightCause): number {
  if (cause.kind !== 'adjustment' || r.status === 'approved') return r.budgetYuan;
  const a = cause.adjustment;
  return r.budgetYuan === a.budgetBeforeYuan ? a.budgetAfterYuan : r.budgetYuan;
}

/** The rows each table is monitored against now: its approved adjustments applied. */
async function targetsOf(projectIds: number[]): Promise<Map<number, MonitoredIndicator[]>> {
  const adjustments = await approvedAdjustments(projectIds);
  const out = new Map<number, MonitoredIndicator[]>();
  for (const { project, table } of await loadTables(projectIds)) {
    out.set(project.id, monitoredRows(adjustedTable(table, (adjustments.get(project.id) ?? []).map(adjustmentOf))));
  }
  return out;
}

function groupBy<T>(rows: readonly T[], key: (r: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) out.set(key(r), [...(out.get(key(r)) ?? []), r]);
  return out;
}

export async function relightReports(who: Who, cause: RelightCause): Promise<RelightResult> {
  const reports = await listReportsToRelight(cause.kind === 'thresholds' ? { unitYearId: cause.unitYear.id } : { projectId: cause.adjustment.projectId });
  if (reports.length === 0) return { reports: 0, changed: 0, entries: 0 };
  const unitYear = cause.kind === 'thresholds' ? cause.unitYear : await getUnitYear(reports[0]!.unitYearId);
  if (!unitYear) throw new Error(`unit-year ${reports[0]!.unitYearId} of report ${reports[0]!.id} is missing`);
  const thresholds = ruleProfileOf(unitYear).lightThresholds;
  const targets = await targetsOf([...new Set(reports.map((r) => r.projectId))]);
  const entriesOf = groupBy(await listEntriesOfReports(reports.map((r) => r.id)), (e) => e.reportId);

  const reportUpdates: (ReportLights & { roundId: number; before: string })[] = [];
  const entryUpdates: Pick<MonitoringEntryRow, 'id' | 'light' | 'progress'>[] = [];
  for (const r of reports) {
    const rows = targets.get(r.projectId);
    if (!rows) continue;
    const stored = entriesOf.get(r.id) ?? [];
    const next = { ...r, budgetYuan: budgetAfter(r, cause) };
    const e = evaluateReport(reportDataOf(next, stored, rows), rows, { month: r.month, year: unitYear.year, thresholds });
    const lights: ReportLights = { id: r.id, budgetYuan: next.budgetYuan, fundsLight: e.funds.light, fundsProgress: e.funds.progress, light: e.light, redCount: e.redCount, yellowCount: e.yellowCount };
    if ((Object.keys(lights) as (keyof ReportLights)[]).some((k) => lights[k] !== r[k])) reportUpdates.push({ ...lights, roundId: r.roundId, before: r.light });
    for (const s of stored) {
      const row = e.rows[s.rowKey];
      if (row && (row.light !== s.light || row.progress !== s.progress)) entryUpdates.push({ id: s.id, light: row.light, progress: row.progress });
    }
  }
  await setReportLights(reportUpdates);
  await setEntryLights(entryUpdates);

  for (const [roundId, changed] of groupBy(reportUpdates, (u) => u.roundId)) {
    await appendAudit({
      userId: who.actor.id,
      username: who.actor.username,
      action: 'relight',
      entity: 'monitoring-round',
      entityId: roundId,
      unitId: unitYear.unitId,
      changes: {
        cause: cause.kind === 'thresholds' ? { thresholds } : { adjustmentId: cause.adjustment.id, projectId: cause.adjustment.projectId, seq: cause.adjustment.seq },
        reports: reports.filter((r) => r.roundId === roundId).length,
        changed: changed.length,
        lights: changed.slice(0, AUDIT_LIST).map((u) => ({ reportId: u.id, before: u.before, after: u.light, budgetYuan: u.budgetYuan })),
      },
      ip: who.ip,
    });
  }
  return { reports: reports.length, changed: reportUpdates.length, entries: entryUpdates.length };
}
