/** Everything the project list page shows, scoped to the unit-years the actor may see. */
import { z } from 'zod';
import { listNumberingRows, listProjects, PROJECT_SORTS, type ProjectListRow } from '@/db/queries/projects';
import { publishedNumbers } from './numbering';
import { countUnitYearOptions, getUnitYearSummary, listUnitYearOptions, type UnitYearOption, type UnitYearSummary } from '@/db/queries/units';

export type { ProjectListRow, UnitYearOption, UnitYearSummary };
import { PROJECT_STATUSES } from '@/db/schema/enums';
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
  /** The published number of each approved table listed (lib/projects/numbering.ts). */
  publishedNumbers: Record<number, number>;
  /** Set when the search was refused (too long): no rows are listed, this says why. */
  searchProblem?: string;
};

export async function visibleUnitYears(actor: Actor): Promise<UnitYearOption[]> {
  return listUnitYearOptions(unitsWith(actor, 'project.view'));
}

export async function canSeeUnitYear(actor: Actor, unitYearId: number): Promise<UnitYearSummary | null> {
  const s = await getUnitYearSummary(unitYearId);
  if (!s) return null;
  const units = unitsWith(actor, 'project.view');
  return units === null || units.includes(s.unitId) ? s : null;
}

export async function projectListPage(actor: Actor, raw: Record<string, string | string[] | undefined>): Promise<ProjectListPage> {
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const params = listParamsSchema.parse(flat);
  const visible = unitsWith(actor, 'project.view');
  const unitYearCount = await countUnitYearOptions(visible);
  const unitYears = unitYearCount <= PICKER_LIMIT ? await listUnitYearOptions(visible) : null;
  const first = async () => (unitYears ?? (await listUnitYearOptions(visible, { limit: 1 })))[0];
  const firstVisible = params.uy ? undefined : await first();
  const selected = params.uy ? await canSeeUnitYear(actor, params.uy) : firstVisible ? ((await getUnitYearSummary(firstVisible.id)) ?? null) : null;
  const empty = { unitYears, unitYearCount, rows: [], total: 0, page: 1, pageCount: 1, params, publishedNumbers: {} };
  if (!selected) return { ...empty, selected: null };
  const refused = searchProblem(params.q);
  if (refused) return { ...empty, selected, searchProblem: refused };
  const page = params.page ?? 1;
  const { rows, total } = await listProjects({
    unitYearIds: [selected.id],
    search: params.q,
    status: params.status,
    hasWarnings: params.warn === '1',
    sort: params.sort,
    desc: params.dir === 'desc',
    page,
    pageSize: PAGE_SIZE,
  });
  const published = rows.some((r) => r.status === 'approved') ? publishedNumbers(await listNumberingRows(selected.id)) : new Map<number, number>();
  return {
    ...empty,
    selected,
    rows,
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)),
    publishedNumbers: Object.fromEntries(rows.flatMap((r) => (published.has(r.id) ? [[r.id, published.get(r.id)!]] : []))),
  };
}

export type UnitYearPickerPage = { rows: UnitYearOption[]; total: number; page: number; pageCount: number };

/** One page of the unit-years the actor may see, searched by code, name or year (the picker for many units). */
export async function unitYearPickerPage(actor: Actor, search: string | undefined, requestedPage: number, pageSize: number): Promise<UnitYearPickerPage> {
  const visible = unitsWith(actor, 'project.view');
  const total = await countUnitYearOptions(visible, search);
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(requestedPage, pageCount);
  const rows = await listUnitYearOptions(visible, { search, limit: pageSize, offset: (page - 1) * pageSize });
  return { rows, total, page, pageCount };
}
