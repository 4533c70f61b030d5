/**
 * Next year's table starts from this year's: the plan keeps its months (a project's rhythm of spending
 * rarely changes) with the percents left to fill, since they follow the new budget.
 */
import type { ScheduleCheckpoint } from '@/lib/domain/table';
import { DEFAULT_PLAN } from './draft';

/** This year's months, in order and once each, every percent empty; the default months when there are none. */
export function nextYearPlan(schedule: readonly ScheduleCheckpoint[]): ScheduleCheckpoint[] {
  const months = [...new Set(schedule.map((c) => c.month).filter((m) => Number.isInteger(m) && m >= 1 && m <= 12))].sort((a, b) => a - b);
  return (months.length > 0 ? months : DEFAULT_PLAN.map((c) => c.month)).map((month) => ({ month, percent: null }));
}
