/** The disbursement plan: cumulative, ordered, ending at 100%. */
import type { Check } from './types';

export const checkPlan: Check = (table, _ctx, report) => {
  const plan = table.schedule;
  if (plan.length === 0) {
    report('plan.empty', 'schedule', '没有填写资金支出计划：请填写各时间点的累计支出百分比，如 3 月底 25%、6 月底 50%、10 月底 75%、12 月底 100%');
    return;
  }
  plan.forEach((c, i) => {
    const prev = plan[i - 1];
    if (!Number.isInteger(c.month) || c.month < 1 || c.month > 12) {
      report('plan.month-order', `schedule.${i}.month`, `第 ${i + 1} 个时间点的月份“${c.month}”无效，应为 1–12`);
    } else if (prev && c.month <= prev.month) {
      report('plan.month-order', `schedule.${i}.month`, `第 ${i + 1} 个时间点（${c.month} 月底）应晚于前一个（${prev.month} 月底）`);
    }
    if (!Number.isFinite(c.percent) || c.percent < 0 || c.percent > 100) {
      report('plan.percent-range', `schedule.${i}.percent`, `${c.month} 月底的累计支出 ${c.percent}% 应在 0–100% 之间`);
    } else if (prev && c.percent < prev.percent) {
      report('plan.percent-decreasing', `schedule.${i}.percent`, `${c.month} 月底累计支出 ${c.percent}% 小于 ${prev.month} 月底的 ${prev.percent}%：支出计划是累计数，不能减少`);
    }
    if (c.month === 12 && c.percent !== 100) {
      report('plan.year-end-not-100', `schedule.${i}.percent`, `12 月底的累计支出应为 100%，现为 ${c.percent}%`);
    }
  });
  if (!plan.some((c) => c.month === 12)) {
    report('plan.year-end-missing', 'schedule', '资金支出计划没有列出 12 月底：建议补上“12 月底 100%”');
  }
};
