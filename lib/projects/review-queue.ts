/** The reviewer's queue: tables of the units they review, by default those awaiting review. */
import { z } from 'zod';
import { listProjects, type ProjectListRow } from '@/db/queries/projects';
import { listTwoLevelUnitYearIds, listWaitingProjects } from '@/db/queries/review-levels';
import { listUnitYearOptions, type UnitYearOption } from '@/db/queries/units';
import { PROJECT_STATUSES } from '@/db/schema/enums';
import { unitsWith, type Actor } from '@/lib/auth/permissions';
import { idParam, pageParam } from '@/lib/http/params';
import { waitingGroups } from '@/lib/review/waiting';

export const queueParamsSchema = z.object({
  unit: idParam,
  /** `waiting` (the default): what waits for this reviewer at their level (lib/review/waiting.ts). */
  status: z.enum([...PROJECT_STATUSES, 'all', 'waiting']).optional().catch(undefined),
  warn: z.literal('1').optional().catch(undefined),
  page: pageParam,
});
export type QueueParams = z.infer<typeof queueParamsSchema>;

export type ReviewQueue = {
  units: { id: number; code: string; name: string }[];
  rows: ProjectListRow[];
  total: number;
  page: number;
  pageCount: number;
  params: QueueParams;
};

const PAGE_SIZE = 100;

export async function reviewQueue(actor: Actor, raw: Record<string, string | string[] | undefined>): Promise<ReviewQueue> {
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const params = queueParamsSchema.parse(flat);
  const reviewable = unitsWith(actor, 'project.review');
  const options: UnitYearOption[] = await listUnitYearOptions(reviewable);
  const units = [...new Map(options.map((o) => [o.unitId, { id: o.unitId, code: o.unitCode, name: o.unitName }])).values()];
  const shown = options.filter((o) => params.unit === undefined || o.unitId === params.unit);
  const unitYearIds = shown.map((o) => o.id);
  const page = params.page ?? 1;
  if (params.status === undefined || params.status === 'waiting') {
    const groups = waitingGroups(actor, shown, await listTwoLevelUnitYearIds());
    const { rows, total } = await listWaitingProjects(groups, page, PAGE_SIZE, params.warn === '1');
    return { units, rows, total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)), params };
  }
  const status = params.status === 'all' ? undefined : params.status;
  const { rows, total } = await listProjects({
    unitYearIds,
    status,
    hasWarnings: params.warn === '1',
    sort: 'updated',
    desc: false,
    page,
    pageSize: PAGE_SIZE,
  });
  return { units, rows, total, page, pageCount: Math.max(1, Math.ceil(total / PAGE_SIZE)), params };
}
