/** The 自评表 exports: one self-evaluation or a whole unit-year's round, as XLSX, PDF or JSON. */
import { z } from 'zod';
import { findSelfEvalRound } from '@/db/queries/selfeval';
import { getUnit } from '@/db/queries/units';
import type { Actor } from '@/lib/auth/permissions';
import type { SelfEvalSheet } from '@/lib/domain/selfeval-sheet';
import { selfEvalToInterchange, selfEvalUnitYearToInterchange } from '@/lib/export/selfeval-json';
import { selfEvalPdf, selfEvalUnitYearPdf } from '@/lib/export/selfeval-pdf';
import { selfEvalUnitYearXlsx, selfEvalXlsx } from '@/lib/export/selfeval-xlsx';
import { unitYearIfAllowed } from '@/lib/projects/access';
import { selfEvalScopeIfAllowed } from './access';
import { forEachSheetViewOfRound, loadSelfEvalView } from './read';
import { sheetOf } from './sheet';

export const selfEvalFormat = z.enum(['xlsx', 'pdf', 'json']).default('xlsx');
export type SelfEvalFormat = z.infer<typeof selfEvalFormat>;

export const SELFEVAL_TYPES: Record<SelfEvalFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  json: 'application/json; charset=utf-8',
};

export type SelfEvalExport = {
  /** One table's 自评表 (`one`) or the unit-year's, which also gets a summary sheet/page. */
  kind: 'one' | 'unit-year';
  unit: { code: string; name: string };
  year: number;
  sheets: SelfEvalSheet[];
  /** The file name without its extension. */
  name: string;
};

type Names = { department: string; implementingUnit: string };

async function unitNames(unitId: number): Promise<{ unit: { code: string; name: string }; names: Names }> {
  const unit = await getUnit(unitId);
  const parent = unit?.parentId ? await getUnit(unit.parentId) : undefined;
  const name = unit?.name ?? '';
  return { unit: { code: unit?.code ?? '', name }, names: { department: parent?.name ?? name, implementingUnit: name } };
}

/** One 自评表, or null when it does not exist or the actor may not export it (project.export in its unit). */
export async function oneSelfEvalExport(actor: Actor, selfEvalId: number): Promise<SelfEvalExport | null> {
  const scope = await selfEvalScopeIfAllowed(actor, selfEvalId, 'project.export');
  if (!scope) return null;
  const { unit, names } = await unitNames(scope.unitId);
  const sheet = sheetOf(await loadSelfEvalView(scope), names);
  return { kind: 'one', unit, year: scope.unitYear.year, sheets: [sheet], name: `自评表-${scope.unitYear.year}-${scope.project.code}` };
}

/**
 * Every 自评表 of a unit-year's round in the tables' print order. As the monitoring round export does,
 * it holds every status: whoever may export in the unit may also see its drafts (the unit-year page
 * lists them), and the public page, which may not, reads approved ones only (publicSelfEvals).
 */
export async function unitYearSelfEvalExport(actor: Actor, unitYearId: number): Promise<SelfEvalExport | null> {
  const unitYear = await unitYearIfAllowed(actor, unitYearId, 'project.export');
  if (!unitYear) return null;
  const round = await findSelfEvalRound(unitYear.id);
  if (!round) return null;
  const { unit, names } = await unitNames(unitYear.unitId);
  // Every 自评表 of the round is in this unit-year, where the actor may export (checked above).
  const sheets: SelfEvalSheet[] = [];
  await forEachSheetViewOfRound(round, unitYear, (view) => sheets.push(sheetOf(view, names)));
  return { kind: 'unit-year', unit, year: unitYear.year, sheets, name: `自评表-${unit.code}-${unitYear.year}` };
}

/** Pure rendering (no database): the route calls it after every read is done. */
export async function renderSelfEvalExport(e: SelfEvalExport, format: SelfEvalFormat): Promise<{ body: Buffer; type: string }> {
  const one = e.kind === 'one' ? e.sheets[0] : undefined;
  let body: Buffer;
  if (format === 'xlsx') body = one ? await selfEvalXlsx(one) : await selfEvalUnitYearXlsx(e.unit, e.year, e.sheets);
  else if (format === 'pdf') body = one ? await selfEvalPdf(one) : await selfEvalUnitYearPdf(e.unit, e.year, e.sheets);
  else body = Buffer.from(JSON.stringify(one ? selfEvalToInterchange(one, e.unit) : selfEvalUnitYearToInterchange(e.unit, e.year, e.sheets), null, 2));
  return { body, type: SELFEVAL_TYPES[format] };
}
