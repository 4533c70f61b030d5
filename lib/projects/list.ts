/** Everything the project list page shows, scoped to the unit-years the actor may see. */
import { z } from 'zod';
import { listProjects, PROJECT_SORTS, type ProjectListRow } from '@/db/queries/projects';
import { countUnitYearOptions, getUnitYearSummary, listUnitYearOptions, type UnitYearOption, type UnitYearSummary } from '@/db/queries/units';
import { PROJECT_STATUSES } from '@/db/schema';
import { unitsWith, type Actor } from '@/lib/auth/permissions';
import { idParam, pageParam, searchParam, searchProblem } from '@/lib/http/params';

export const PAGE_SIZE = 50;

export const listParamsSchema = z.object({
  uy: idParam,
  q: searchParam,
  status: z.enum(PROJECT_STATUSES).optional().catch(undefined),
  warn: z.literal('1').optional().catch(undefined),
  sort: z.enum(PROJECT_SORTS).optional().catch(undefined),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  page: pageParam,
});
export type ListParams = z.infer<typeof listParamsSchema>;

/**
 * Up to this many unit-years are offered in a select on the list and export pages; a user who sees
 * more (a finance bureau, an administrator of a province) picks from a searchable page instead, so
 * a list page never carries every unit of the database.
 */
export const PICKER_LIMIT = 60;

export type ProjectListPage = {
  /** The choices for the select, or null when there are more than PICKER_LIMIT (see unitYearCount). */
  unitYears: UnitYearOption[] | null;
  unitYearCount: number;
  selected: UnitYearSummary | null;
  rows: ProjectListRow[];
  total: number;
  page: number;
  pageCount: number;
  params: ListParams;
  /** Set when the search was refused (too long): no rows are listed, this says why. */
  searchProblem?: string;
};

export function visibleUnitYears(actor: Actor): UnitYearOption[] {
  return listUnitYearOptions(unitsWith(actor, 'project.view'));
}

export function canSeeUnitYear(actor: Actor, unitYearId: number): UnitYearSummary | null {
  const s = getUnitYearSummary(unitYearId);
  if (!s) return null;
  const units = unitsWith(actor, 'project.view');
  return units === null || units.includes(s.unitId) ? s : null;
}

export function projectListPage(actor: Actor, raw: Record<string, string | string[] | undefined>): ProjectListPage {
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const params = listParamsSchema.parse(flat);
  const visible = unitsWith(actor, 'project.view');
  const unitYearCount = countUnitYearOptions(visible);
  const unitYears = unitYearCount <= PICKER_LIMIT ? listUnitYearOptions(visible) : null;
  const first = () => (unitYears ?? listUnitYearOptions(visible, { limit: 1 }))[0];
  const selected = params.uy ? canSeeUnitYear(actor, params.uy) : first() ? (getUnitYearSummary(first()!.id) ?? null) : null;
  const empty = { unitYears, unitYearCount, rows: [], total: 0, page: 1, pageCount: 1, params };
  if (!selected) return { ...empty, selected: null };
  const refused = searchProblem(params.q);
  if (refused) return { ...empty, selected, searchProblem: refused };
  const page = params.page ?? 1;
  const { rows, total } = listProjects({
    unitYearIds: [selected.id],
    search: params.q,
    status: params.status,
    hasWarnings: params.warn === '1',
    sort: params.sort,
    desc: params.dir === 'desc',
    page,
    pageSize: PAGE_SIZE,
  });
  return { ...empty, selected, rows, total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)) };
}
