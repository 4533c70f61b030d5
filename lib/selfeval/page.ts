/** What the self-evaluation pages show and which of their buttons the actor gets. */
import { findSelfEvalRound, listSelfEvalRounds, listSelfEvalsOfRound, listSelfEvalsOfRoundPage, selfEvalRoundTotals, type SelfEvalGradeTotal, type SelfEvalListRow, type SelfEvalRoundView } from '@/db/queries/selfeval';
import { getUnit, getUnitYear } from '@/db/queries/units';
import type { SelfEvalRoundRow, UnitYearRow } from '@/db/schema';
import { decide, serverAction } from '@/lib/auth/operations';
import { can, type Actor } from '@/lib/auth/permissions';
import { openableUnitYears, visibleUnitYearIds } from '@/lib/monitoring/dashboard';
import type { Grade } from '@/lib/domain/scoring';
import { centsText, GRADES } from '@/lib/domain/selfeval';
import type { SelfEvalSheet } from '@/lib/domain/selfeval-sheet';
import { isEditable } from '@/lib/domain/workflow';
import { selfEvalScopeIfAllowed, selfEvalTarget } from './access';
import { forEachSheetViewOfRound, loadSelfEvalView, type SelfEvalView } from './read';
import { sheetOf } from './sheet';

export type { SelfEvalListRow, SelfEvalRoundView };

export type SelfEvalPage = SelfEvalView & { unitName: string; canEdit: boolean; canSubmit: boolean; canReview: boolean; canExport: boolean; canImport: boolean };

export async function selfEvalPage(actor: Actor, selfEvalId: number): Promise<SelfEvalPage | null> {
  const scope = await selfEvalScopeIfAllowed(actor, selfEvalId, 'project.view');
  if (!scope) return null;
  const view = await loadSelfEvalView(scope);
  const caller = { actor, mustChangePassword: false };
  const allows = async (name: 'submitSelfEvalAction' | 'approveSelfEvalAction') => {
    const op = serverAction(name);
    return decide(op, caller, await selfEvalTarget(op, selfEvalId, actor)) === 'allow';
  };
  return {
    ...view,
    unitName: (await getUnit(scope.unitId))?.name ?? '',
    canEdit: can(actor, 'project.edit', scope.unitId) && isEditable(scope.selfEval.status),
    canSubmit: await allows('submitSelfEvalAction'),
    canReview: await allows('approveSelfEvalAction'),
    canExport: can(actor, 'project.export', scope.unitId),
    // 从公开文本导入 saves through the save command, so it is offered exactly where saving is.
    canImport: can(actor, 'project.edit', scope.unitId) && isEditable(scope.selfEval.status),
  };
}

export type ScoreRollup = {
  /** Tables with a score, and their average with two decimals (null when none). */
  scored: number;
  average: string | null;
  distribution: Record<Grade, number>;
};

/** Average and distribution over the 自评表 that have a score (drafts with cells still empty have none). */
export function rollup(rows: readonly Pick<SelfEvalListRow, 'scoreCents' | 'grade'>[]): ScoreRollup {
  const distribution = Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
  let sum = 0;
  let scored = 0;
  for (const r of rows) {
    if (r.scoreCents === null) continue;
    scored++;
    sum += r.scoreCents;
    if (r.grade && r.grade in distribution) distribution[r.grade as Grade]++;
  }
  // Half-up to the cent, in integers: the average of cents, rounded.
  const average = scored === 0 ? null : centsText(Math.floor((2 * sum + scored) / (2 * scored)));
  return { scored, average, distribution };
}

/** The same figures as `rollup`, from the database's per-grade totals (the page does not read every row). */
export function rollupOfTotals(totals: readonly SelfEvalGradeTotal[]): ScoreRollup {
  const distribution = Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
  let sum = 0;
  let scored = 0;
  for (const t of totals) {
    scored += t.scored;
    sum += t.sumCents;
    if (t.grade && t.grade in distribution) distribution[t.grade as Grade] += t.scored;
  }
  const average = scored === 0 ? null : centsText(Math.floor((2 * sum + scored) / (2 * scored)));
  return { scored, average, distribution };
}

/** Rows of the unit-year score page at once; a unit-year of 100,000 tables is read a page at a time. */
export const SCORES_PAGE_SIZE = 100;

export type UnitYearScores = {
  unitYear: UnitYearRow;
  unitCode: string;
  unitName: string;
  round: SelfEvalRoundRow;
  /** This page's rows; `total` 自评表 in all, `page` of `pages`. */
  rows: SelfEvalListRow[];
  total: number;
  page: number;
  pages: number;
  rollup: ScoreRollup;
  canSwitch: boolean;
  canExport: boolean;
};

/** The unit-year page: every table's score and grade, the average and the distribution. */
export async function unitYearScores(actor: Actor, unitYearId: number, page = 1): Promise<UnitYearScores | null> {
  const unitYear = await getUnitYear(unitYearId);
  if (!unitYear || !can(actor, 'project.view', unitYear.unitId)) return null;
  const round = await findSelfEvalRound(unitYearId);
  if (!round) return null;
  const unit = await getUnit(unitYear.unitId);
  // Average and distribution are summed by the database; only the page shown is read row by row.
  const totals = await selfEvalRoundTotals(round.id);
  const total = totals.reduce((n, t) => n + t.count, 0);
  const pages = Math.max(1, Math.ceil(total / SCORES_PAGE_SIZE));
  const at = Math.min(Math.max(1, Math.floor(page)), pages);
  const rows = await listSelfEvalsOfRoundPage(round, (at - 1) * SCORES_PAGE_SIZE, SCORES_PAGE_SIZE);
  return { unitYear, unitCode: unit?.code ?? '', unitName: unit?.name ?? '', round, rows, total, page: at, pages, rollup: rollupOfTotals(totals), canSwitch: can(actor, 'admin.manage', null), canExport: can(actor, 'project.export', unitYear.unitId) };
}

export async function selfEvalIndex(actor: Actor): Promise<{ rounds: SelfEvalRoundView[]; isAdmin: boolean }> {
  return { rounds: await listSelfEvalRounds(await visibleUnitYearIds(actor)), isAdmin: can(actor, 'admin.manage', null) };
}

/** Unit-years an administrator may open, with whether each is opened already and whether its year has ended. */
export async function openableSelfEvalYears(today = new Date()): Promise<{ id: number; label: string; isOpen: boolean; isCurrent: boolean }[]> {
  const opened = new Set((await listSelfEvalRounds(null)).map((r) => r.unitYearId));
  return (await openableUnitYears()).map((u) => ({
    id: u.id,
    label: `${u.unitCode} ${u.unitName} ${u.year} 年`,
    isOpen: opened.has(u.id),
    isCurrent: u.year >= today.getUTCFullYear(),
  }));
}

export type PublicSelfEvals = { rollup: ScoreRollup; sheets: SelfEvalSheet[] };

/**
 * The approved 自评表 of a unit-year for the public page, or null while its 公开自评 switch is off.
 * The public page has no actor: only approved ones are read, and only while the switch is on.
 */
export async function publicSelfEvals(unitYearId: number): Promise<PublicSelfEvals | null> {
  const round = await findSelfEvalRound(unitYearId);
  if (!round?.isPublic) return null;
  const rows = await listSelfEvalsOfRound(round.id, true);
  const unitYear = await getUnitYear(unitYearId);
  const unit = unitYear ? await getUnit(unitYear.unitId) : undefined;
  const parent = unit?.parentId ? await getUnit(unit.parentId) : undefined;
  const names = { department: parent?.name ?? unit?.name ?? '', implementingUnit: unit?.name ?? '' };
  const sheets: SelfEvalSheet[] = [];
  if (unitYear) await forEachSheetViewOfRound(round, unitYear, (view) => sheets.push(sheetOf(view, names)), { approvedOnly: true });
  return { rollup: rollup(rows), sheets };
}
