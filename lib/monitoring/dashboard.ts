/** The monitoring dashboard: what the actor may see, counted, listed and plotted. */
import { z } from 'zod';
import { countReports, listReports, listRoundChoices, REPORT_SORTS, type ReportCounts, type ReportListRow, type RoundChoice, type RoundView } from '@/db/queries/monitoring';
import { listUnitYearOptions, type UnitYearOption } from '@/db/queries/units';
import { LIGHTS, PROJECT_STATUSES } from '@/db/schema/enums';
import { unitsWith, type Actor } from '@/lib/auth/permissions';

export type { ReportCounts, ReportListRow, RoundChoice, RoundView, UnitYearOption };

export const dashboardParamsSchema = z.object({
  round: z.coerce.number().int().positive().optional().catch(undefined),
  light: z.enum(LIGHTS).optional().catch(undefined),
  status: z.enum(PROJECT_STATUSES).optional().catch(undefined),
  sort: z.enum(REPORT_SORTS).optional().catch(undefined),
  dir: z.enum(['asc', 'desc']).optional().catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});

/** Rows a page of the list shows: rendering 500 rows cost more than all the queries at 100,000 reports. */
export const DASHBOARD_PAGE_SIZE = 100;

/** Rounds the picker lists (newest first); a thousand options weighed more than the list itself. */
export const ROUND_CHOICES = 100;
export type DashboardParams = z.infer<typeof dashboardParamsSchema>;

export type Dashboard = {
  rounds: RoundChoice[];
  round: RoundChoice | null;
  counts: ReportCounts;
  rows: ReportListRow[];
  /** 1-based page of the list, and whether a next one exists. */
  page: number;
  hasMore: boolean;
  params: DashboardParams;
  today: string;
};

/** Unit-years the actor may see: null for every one. */
export async function visibleUnitYearIds(actor: Actor): Promise<number[] | null> {
  const units = unitsWith(actor, 'project.view');
  return units === null ? null : (await listUnitYearOptions(units)).map((u) => u.id);
}

export function todayText(at = new Date()): string {
  return at.toISOString().slice(0, 10);
}

export async function dashboard(actor: Actor, raw: Record<string, string | string[] | undefined>): Promise<Dashboard> {
  const params = dashboardParamsSchema.parse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const unitYearIds = await visibleUnitYearIds(actor);
  // The newest rounds in the picker; any other is reached from the list (its 单位 · 年度 cell) or a link.
  const rounds = await listRoundChoices(unitYearIds, undefined, ROUND_CHOICES);
  // A round the picker does not list (chosen from the list or a link) is looked up on its own.
  const round = params.round ? (rounds.find((r) => r.id === params.round) ?? (await listRoundChoices(unitYearIds, params.round))[0] ?? null) : null;
  const scope = round ? { unitYearIds: [round.unitYearId], roundId: round.id } : { unitYearIds };
  const today = todayText();
  const page = params.page ?? 1;
  const [counts, rows] = await Promise.all([
    countReports(scope, today),
    listReports({
      ...scope,
      ...(params.light ? { light: params.light } : {}),
      ...(params.status ? { status: params.status } : {}),
      sort: params.sort ?? 'light',
      desc: params.dir === 'desc',
      limit: DASHBOARD_PAGE_SIZE + 1,
      offset: (page - 1) * DASHBOARD_PAGE_SIZE,
    }),
  ]);
  const hasMore = rows.length > DASHBOARD_PAGE_SIZE;
  return {
    rounds: round && !rounds.some((r) => r.id === round.id) ? [round, ...rounds] : rounds,
    round,
    counts,
    rows: rows.slice(0, DASHBOARD_PAGE_SIZE),
    page,
    hasMore,
    params,
    today,
  };
}

/** Unit-years an administrator can open a round in. */
export async function openableUnitYears(): Promise<UnitYearOption[]> {
  return listUnitYearOptions(null, { limit: 500 });
}
