/** Amounts: valid, adding up, and cost targets against the budget. */
import { formatWanyuan, parseWanyuan } from '../money';
import type { TargetTable } from '../table';
import { formatNumber } from '../target-value-render';
import { budgetFen, costInFen, roleOf, rowPath } from './helpers';
import { BREAKS } from './thresholds';
import type { Check } from './types';

export const checkMoney: Check = (table: TargetTable, ctx, report) => {
  const fields = [
    ['budget.total', '预算数', table.budget.total],
    ['budget.fiscal', '财政资金', table.budget.fiscal],
    ['budget.other', '其他资金', table.budget.other],
  ] as const;
  const yuan = new Map<string, number>();
  for (const [path, label, value] of fields) {
    if (value === null || (path === 'budget.other' && value.trim() === '')) {
      yuan.set(path, 0);
      continue;
    }
    const r = parseWanyuan(value);
    if (r.ok) yuan.set(path, r.yuan);
    else report('money.invalid-amount', path, `${label}：${r.message}`);
  }
  const total = yuan.get('budget.total');
  const fiscal = yuan.get('budget.fiscal');
  const other = yuan.get('budget.other');
  if (total !== undefined && fiscal !== undefined && other !== undefined && total !== fiscal + other) {
    report(
      'money.total-mismatch',
      'budget.total',
      `预算数 ${formatWanyuan(total)} 万元不等于财政资金 ${formatWanyuan(fiscal)} 万元与其他资金 ${formatWanyuan(other)} 万元之和（${formatWanyuan(fiscal + other)} 万元）：请核对这三项金额`,
    );
  }
  const budget = budgetFen(table.budget.total);
  if (budget === null) return;
  // A draft saves an amount left empty as 0.00; a budget project with no money is not ready to submit.
  if (budget === 0) report('money.budget-empty', 'budget.total', '预算数为 0.00 万元：请填写项目的预算数（万元，两位小数）');
  table.indicators.forEach((row, i) => {
    if (row.isPlaceholder || roleOf(ctx.framework, row) !== 'cost') return;
    const cost = costInFen(row);
    if (cost === null) return;
    const unit = row.target.kind === 'quantity' ? row.target.unit : '';
    // Say what the target comes to in 万元 when it was written in another money unit.
    const shown = unit === '万元' ? '' : `（折合 ${formatNumber(cost / 1_000_000)} 万元）`;
    if (cost > budget) {
      report(
        'money.cost-exceeds-budget',
        rowPath(i, 'value'),
        `成本指标“${row.name}”的目标值 ${row.value}${shown}超过项目预算 ${table.budget.total} 万元：成本目标应不超过预算数，请改为 ≤${table.budget.total} 万元或核对预算数`,
      );
    } else if (budget > 0) {
      const ratio = cost / budget;
      ctx.measure?.('money.cost-far-below-budget', ratio);
      if (BREAKS['money.cost-far-below-budget'](ratio, ctx.profile)) {
        report(
          'money.cost-far-below-budget',
          rowPath(i, 'value'),
          `成本指标“${row.name}”的目标值 ${row.value}${shown}只有项目预算 ${table.budget.total} 万元的 ${formatNumber(Math.round(ratio * 1000) / 10)}%，低于 ${Math.round(ctx.profile.costFarBelowRatio * 100)}%：请核对预算数或成本目标`,
        );
      }
    }
  });
};

