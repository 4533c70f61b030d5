/** The monitoring exports: one report or a whole round of a unit-year, as XLSX, PDF or JSON. */
import { z } from 'zod';
import { getRound, listRoundReportIds } from '@/db/queries/monitoring';
import { getUnit } from '@/db/queries/units';
import { monitoringPdf } from '@/lib/export/monitoring-pdf';
import { monitoringXlsx } from '@/lib/export/monitoring-xlsx';
import type { Actor } from '@/lib/auth/permissions';
import { reportScopeIfAllowed } from './access';
import { reportSheet, type ReportSheet } from './export-model';
import { loadReportView } from './read';
import { unitYearIfAllowed } from '@/lib/projects/access';

export const monitoringFormat = z.enum(['xlsx', 'pdf', 'json']).default('xlsx');
export type MonitoringFormat = z.infer<typeof monitoringFormat>;

const TYPES: Record<MonitoringFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  json: 'application/json; charset=utf-8',
};

/** The interchange head the JSON shares with the tables' (docs/interchange.md): whose, which year, which period. */
export type MonitoringHead = { unit: { code: string; name: string }; year: number; month: number };
export type MonitoringExport = { sheets: ReportSheet[]; name: string; head: MonitoringHead };

/** One report's sheet, or null when it does not exist or the actor may not export it. */
export async function reportSheets(actor: Actor, reportId: number): Promise<MonitoringExport | null> {
  const scope = await reportScopeIfAllowed(actor, reportId, 'project.export');
  if (!scope) return null;
  const unit = await getUnit(scope.unitId);
  const sheet = reportSheet(await loadReportView(scope), unit?.name ?? '');
  const head = { unit: { code: unit?.code ?? '', name: unit?.name ?? '' }, year: scope.unitYear.year, month: scope.round.month };
  return { sheets: [sheet], name: `监控表-${scope.unitYear.year}-1-${scope.round.month}月-${scope.project.code}`, head };
}

/** Every report of a round, in the tables' print order. */
export async function roundSheets(actor: Actor, roundId: number): Promise<MonitoringExport | null> {
  const round = await getRound(roundId);
  if (!round) return null;
  const unitYear = await unitYearIfAllowed(actor, round.unitYearId, 'project.export');
  if (!unitYear) return null;
  const unit = await getUnit(unitYear.unitId);
  const sheets: ReportSheet[] = [];
  for (const id of await listRoundReportIds(roundId)) {
    const scope = await reportScopeIfAllowed(actor, id, 'project.export');
    if (scope) sheets.push(reportSheet(await loadReportView(scope), unit?.name ?? ''));
  }
  const head = { unit: { code: unit?.code ?? '', name: unit?.name ?? '' }, year: unitYear.year, month: round.month };
  return { sheets, name: `监控表-${unit?.code ?? ''}-${unitYear.year}-1-${round.month}月`, head };
}

/** The monitoring data in the interchange JSON: the document head of the tables' JSON, then `monitoring`. */
export function monitoringInterchange(found: Pick<MonitoringExport, 'sheets' | 'head'>) {
  const { unit, year, month } = found.head;
  return { unit, year, monitoring: { period: `1–${month}月`, month, reports: found.sheets } };
}

export async function renderSheets(found: Pick<MonitoringExport, 'sheets' | 'head'>, format: MonitoringFormat): Promise<{ body: Buffer; type: string }> {
  const { sheets } = found;
  const body =
    format === 'xlsx' ? await monitoringXlsx(sheets) : format === 'pdf' ? await monitoringPdf(sheets) : Buffer.from(JSON.stringify(monitoringInterchange(found), null, 2));
  return { body, type: TYPES[format] };
}
