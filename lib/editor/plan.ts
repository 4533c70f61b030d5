/** Adding a checkpoint to the 资金支出计划: where it goes and what it starts with. */
import type { ScheduleCheckpoint } from '@/lib/domain/table';

export type NewCheckpoint = { index: number; checkpoint: ScheduleCheckpoint };

/**
 * Three months after the last checkpoint; once the plan reaches 12 月, the middle of the widest gap
 * between checkpoints (never a month already listed). Its percent repeats the one before it, so the
 * plan stays cumulative. Null when every month is listed.
 */
export function nextCheckpoint(plan: readonly ScheduleCheckpoint[]): NewCheckpoint | null {
  const months = plan.map((c) => c.month).filter((m) => Number.isInteger(m) && m >= 1 && m <= 12);
  const last = plan.at(-1);
  const lastMonth = last && Number.isInteger(last.month) ? last.month : 0;
  if (lastMonth < 12) {
    const month = Math.min(12, lastMonth + 3);
    return { index: plan.length, checkpoint: { month, percent: month === 12 ? 100 : (Number.isFinite(last?.percent) ? last!.percent : 0) } };
  }
  const used = new Set(months);
  let best: { index: number; month: number; width: number } | null = null;
  for (let i = 0; i < plan.length; i++) {
    const from = i === 0 ? 0 : plan[i - 1]!.month;
    const to = plan[i]!.month;
    const month = Math.floor((from + to) / 2);
    if (to - from > 1 && !used.has(month) && month >= 1 && (!best || to - from > best.width)) best = { index: i, month, width: to - from };
  }
  if (!best) return null;
  const before = plan[best.index - 1];
  return { index: best.index, checkpoint: { month: best.month, percent: before && Number.isFinite(before.percent) ? before.percent : 0 } };
}
