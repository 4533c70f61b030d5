/**
 * The line under the amounts: whether 预算数 equals 财政资金 + 其他资金. Nothing is said while the amounts
 * are empty or all zero (a draft's unfilled amounts are stored as 0.00): a green "等于…（0.00 万元）"
 * would praise a table whose budget has not been written yet.
 */
import { formatWanyuan, parseWanyuan } from '@/lib/domain/money';

export type BudgetCheck =
  | { kind: 'none' }
  | { kind: 'ok'; sum: string }
  /** `total` is null when 预算数 is empty or unreadable. */
  | { kind: 'mismatch'; sum: string; total: string | null };

export function budgetCheck(total: string | null | undefined, fiscal: string | null | undefined, other: string | null | undefined): BudgetCheck {
  const f = parseWanyuan(fiscal ?? '');
  const o = other ? parseWanyuan(other) : ({ ok: true, yuan: 0 } as const);
  if (!f.ok || !o.ok) return { kind: 'none' };
  const t = parseWanyuan(total ?? '');
  const sum = f.yuan + o.yuan;
  if (sum === 0 && (!t.ok || t.yuan === 0)) return { kind: 'none' };
  if (t.ok && t.yuan === sum) return { kind: 'ok', sum: formatWanyuan(sum) };
  return { kind: 'mismatch', sum: formatWanyuan(sum), total: t.ok ? formatWanyuan(t.yuan) : null };
}

/** A stored draft's unfilled budget (0.00 and 0.00, no 其他资金) is given back to the editor as empty fields. */
export function isUnfilledBudget(budget: { total: string; fiscal: string; other: string | null }): boolean {
  const zero = (s: string) => {
    const r = parseWanyuan(s);
    return r.ok && r.yuan === 0;
  };
  return zero(budget.total) && zero(budget.fiscal) && (budget.other === null || budget.other.trim() === '' || zero(budget.other));
}

/** The rest of the unit-year as the editor sees it: the other tables' budgets and the year's 项目支出. */
export type UnitYearBudget = { othersYuan: number; expenditureYuan: number | null };

/**
 * Whether this table's 预算数 takes the unit-year's Σ budgets over its 项目支出 (issue 19 item 13): said as
 * the owner types, before the unit-year rule reports it at export. Null when within it or not known.
 */
export function unitYearExcess(total: string | null | undefined, year: UnitYearBudget | undefined): { sum: string; expenditure: string; excess: string } | null {
  if (!year || year.expenditureYuan === null) return null;
  const t = parseWanyuan(total ?? '');
  if (!t.ok) return null;
  const sum = year.othersYuan + t.yuan;
  if (sum <= year.expenditureYuan) return null;
  return { sum: formatWanyuan(sum), expenditure: formatWanyuan(year.expenditureYuan), excess: formatWanyuan(sum - year.expenditureYuan) };
}
