/** The reviewer's queue: tables of the units they review, by default those awaiting review. */
import { z } from 'zod';
import { listProjects, type ProjectListRow } from '@/db/queries/projects';
import { listUnitYearOptions, type UnitYearOption } from '@/db/queries/units';
import { PROJECT_STATUSES } from '@/db/schema/enums';
import { unitsWith, type Actor } from '@/lib/auth/permissions';
import { idParam, pageParam } from '@/lib/http/params';

export const queueParamsSchema = z.object({
  unit: idParam,
  status: z.enum([...PROJECT_STATUSES, 'all']).optional().catch(undefined),
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
  const unitYearIds = options.filter((o) => params.unit === undefined || o.unitId === params.unit).map((o) => o.id);
  const status = params.status === 'all' ? undefined : (params.status ?? 'submitted');
  const page = params.page ?? 1;
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
