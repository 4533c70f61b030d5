/**
 * Next year's table starts from this year's: the plan keeps its months (a project's rhythm of spending
 * rarely changes) with the percents left to fill, since they follow the new budget.
 */
import type { ScheduleCheckpoint } from '@/lib/domain/table';
import { DEFAULT_PLAN } from './draft';

/** A plan point whose percent may still be empty. */
export type PlanPoint = { month: number; percent: number | null };

/** This year's months, in order and once each, every percent empty; the default months when there are none. */
export function nextYearPlan(schedule: readonly ScheduleCheckpoint[]): PlanPoint[] {
  const months = [...new Set(schedule.map((c) => c.month).filter((m) => Number.isInteger(m) && m >= 1 && m <= 12))].sort((a, b) => a - b);
  return (months.length > 0 ? months : DEFAULT_PLAN.map((c) => c.month)).map((month) => ({ month, percent: null }));
}

/**
 * What can be stored today: the plan's storage needs a percent at every point (db/schema/projects.ts,
 * `percent` not null), so until it takes an empty one the copy keeps this year's percent at each kept
 * month as the starting point (the default plan's, when this year has none).
 */
export function storableNextYearPlan(schedule: readonly ScheduleCheckpoint[]): ScheduleCheckpoint[] {
  const source = schedule.length > 0 ? schedule : DEFAULT_PLAN;
  return nextYearPlan(schedule).map(({ month }) => ({ month, percent: source.find((c) => c.month === month)!.percent }));
}
