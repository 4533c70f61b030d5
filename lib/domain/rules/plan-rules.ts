/** The disbursement plan: cumulative, ordered, ending at 100%. */
import type { Check } from './types';

export const checkPlan: Check = (table, _ctx, report) => {
  const plan = table.schedule;
  if (plan.length === 0) {
    report('plan.empty', 'schedule', '没有填写资金支出计划：请填写各时间点的累计支出百分比，如 3 月底 25%、6 月底 50%、10 月底 75%、12 月底 100%');
    return;
  }
  // One finding per problem: a point that is empty or out of range is reported once, and the points
  // around it are compared only with points that are themselves in range.
  let lastValid: { month: number; percent: number } | null = null;
  plan.forEach((c, i) => {
    const prev = plan[i - 1];
    if (!Number.isInteger(c.month) || c.month < 1 || c.month > 12) {
      report('plan.month-order', `schedule.${i}.month`, `第 ${i + 1} 个时间点的月份“${c.month}”无效，应为 1–12`);
    } else if (prev && c.month <= prev.month) {
      report('plan.month-order', `schedule.${i}.month`, `第 ${i + 1} 个时间点（${c.month} 月底）应晚于前一个（${prev.month} 月底）`);
    }
    const percent = c.percent;
    if (percent === null || Number.isNaN(percent)) {
      report('plan.percent-empty', `schedule.${i}.percent`, `请填写 ${c.month} 月底的累计支出百分比`);
      return;
    }
    if (!Number.isFinite(percent) || percent < 0 || percent > 100) {
      report('plan.percent-range', `schedule.${i}.percent`, `${c.month} 月底的累计支出 ${percent}% 应在 0–100% 之间`);
      return;
    }
    if (lastValid && percent < lastValid.percent) {
      report('plan.percent-decreasing', `schedule.${i}.percent`, `${c.month} 月底累计支出 ${percent}% 小于 ${lastValid.month} 月底的 ${lastValid.percent}%：支出计划是累计数，不能减少`);
    } else if (c.month === 12 && percent !== 100) {
      report('plan.year-end-not-100', `schedule.${i}.percent`, `12 月底的累计支出应为 100%，现为 ${percent}%`);
    }
    lastValid = { month: c.month, percent };
  });
  if (!plan.some((c) => c.month === 12)) {
    report('plan.year-end-missing', 'schedule', '资金支出计划没有列出 12 月底：建议补上“12 月底 100%”');
  }
};
