/** A monitoring report as the editor, the exports and the commands see it. */
import { listEntries, listMonitoringEvents, type MonitoringEventView } from '@/db/queries/monitoring';
import type { MonitoringEntryRow, MonitoringReportRow, MonitoringRoundRow, ProjectRow, UnitYearRow } from '@/db/schema';
import { DEVIATION_REASONS, entriesFor, type DeviationReason, type Likelihood, type MonitoredRow, type MonitoringPeriod, type ReportData, type ReportEntry } from '@/lib/domain/monitoring';
import { formatWanyuan } from '@/lib/domain/money';
import type { TargetTable } from '@/lib/domain/table';
import { ruleProfileOf } from '@/lib/projects/findings';
import { loadTable } from '@/lib/projects/read';
import { effectiveTable } from '@/lib/adjustments/read';
import type { ReportScope } from './access';

export type MonitoredIndicator = MonitoredRow & { level1: string; level2: string; name: string };

export type ReportView = {
  report: MonitoringReportRow;
  round: MonitoringRoundRow;
  project: ProjectRow;
  unitYear: UnitYearRow;
  /** The targets in force (adjusted when an adjustment was approved). */
  table: TargetTable;
  /** The table as approved, which the disclosure shows. */
  originalTable: TargetTable;
  rows: MonitoredIndicator[];
  data: ReportData;
  period: MonitoringPeriod;
  events: MonitoringEventView[];
};

const isReason = (r: unknown): r is DeviationReason => (DEVIATION_REASONS as readonly unknown[]).includes(r);

function reasonsOf(json: string): DeviationReason[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter(isReason) : [];
  } catch {
    return [];
  }
}

export function entryOf(row: MonitoringEntryRow): ReportEntry {
  return {
    rowKey: row.rowKey,
    actual: row.actual,
    forecast: row.forecast,
    reasons: reasonsOf(row.reasons),
    reasonText: row.reasonText,
    likelihood: row.likelihood as Likelihood | null,
    note: row.note,
    cumulative: row.cumulative,
  };
}

const amountText = (yuan: number | null) => (yuan === null ? '' : formatWanyuan(yuan));

export function monitoredRows(table: TargetTable): MonitoredIndicator[] {
  return table.indicators.map((r) => ({ key: r.key!, value: r.value, isPlaceholder: r.isPlaceholder, level1: r.level1, level2: r.level2, name: r.name }));
}

export function periodOf(round: MonitoringRoundRow, unitYear: UnitYearRow): MonitoringPeriod {
  return { month: round.month, year: unitYear.year, thresholds: ruleProfileOf(unitYear).lightThresholds };
}

/** What the owner filled, as the editor and the light rules read it. */
export function reportDataOf(r: MonitoringReportRow, entries: readonly MonitoringEntryRow[], rows: readonly MonitoredIndicator[]): ReportData {
  return {
    budget: amountText(r.budgetYuan),
    executed: amountText(r.executedYuan),
    forecast: amountText(r.forecastYuan),
    goalProgress: r.goalProgress,
    analysis: r.analysis,
    needsRectification: r.needsRectification,
    rectification: r.rectification,
    entries: entriesFor(rows, entries.map(entryOf)),
  };
}

export async function loadReportView(scope: ReportScope): Promise<ReportView> {
  const loaded = await loadTable(scope.project.id);
  if (!loaded) throw new Error(`table ${scope.project.id} of report ${scope.report.id} is missing`);
  // Monitoring measures against the targets in force: the latest approved adjustment, if any.
  const { table } = await effectiveTable(scope.project.id, loaded.table);
  const rows = monitoredRows(table);
  const data = reportDataOf(scope.report, await listEntries(scope.report.id), rows);
  return {
    ...scope,
    table,
    originalTable: loaded.table,
    rows,
    data,
    period: periodOf(scope.round, scope.unitYear),
    events: await listMonitoringEvents(scope.report.id),
  };
}
