/** A department's roll-up: every unit-year of its subtree in one year, for whoever may view the department. */
import { z } from 'zod';
import { listParentUnits, listRollupCells, listSubtreeYears } from '@/db/queries/departments';
import { listTwoLevelUnitYearIds } from '@/db/queries/review-levels';
import { getUnit } from '@/db/queries/units';
import type { UnitRow } from '@/db/schema';
import { can, type Actor } from '@/lib/auth/permissions';
import { filterAndSort, rollupRows, todayInChina, totals, type RollupRow } from '@/lib/domain/rollup';

export const rollupParamsSchema = z.object({
  year: z.coerce.number().int().min(2000).max(2100).optional().catch(undefined),
  filter: z.enum(['all', 'overdue', 'open', 'mismatch']).catch('all'),
  sort: z.enum(['code', 'progress', 'due']).catch('code'),
});
export type RollupParams = z.infer<typeof rollupParamsSchema>;

export type Rollup = {
  unit: UnitRow;
  years: number[];
  year: number | null;
  params: RollupParams;
  rows: RollupRow[];
  /** The unit-years among `rows` reviewed at two levels (部门审核 → 财政审核). */
  twoLevel: Set<number>;
  totals: ReturnType<typeof totals>;
  today: string;
};

/** Null when the department does not exist or the actor may not view it (a role on it covers its units). */
export async function departmentRollup(actor: Actor, unitId: number, raw: Record<string, string | string[] | undefined>, at = Date.now()): Promise<Rollup | null> {
  const unit = await getUnit(unitId);
  if (!unit || !can(actor, 'project.view', unit.id)) return null;
  const flat = Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]));
  const params = rollupParamsSchema.parse(flat);
  const years = await listSubtreeYears(unit.id);
  const year = params.year !== undefined && years.includes(params.year) ? params.year : (years[0] ?? null);
  const today = todayInChina(at);
  const all = year === null ? [] : rollupRows(await listRollupCells(unit.id, year), today);
  const twoLevel = await listTwoLevelUnitYearIds();
  return { unit, years, year, params, rows: filterAndSort(all, params.filter, params.sort), twoLevel, totals: totals(all), today };
}

/** The departments (units with units below them) the actor may view. */
export async function visibleDepartments(actor: Actor): Promise<UnitRow[]> {
  return (await listParentUnits()).filter((u) => can(actor, 'project.view', u.id));
}
