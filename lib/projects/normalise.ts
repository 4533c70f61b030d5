/** Brings validated input into the stored form: two-place amounts, printed values that match their types. */
import { formatWanyuan, wanyuanToYuan } from '@/lib/domain/money';
import { placeholderText } from '@/lib/domain/framework';
import type { TableData } from '@/lib/domain/schemas';
import type { IndicatorRow, TargetTable } from '@/lib/domain/table';
import type { TargetValue } from '@/lib/domain/target-value';
import { parseTarget } from '@/lib/domain/target-value-parse';
import { renderTarget } from '@/lib/domain/target-value-render';

function sameTarget(a: TargetValue, b: TargetValue): boolean {
  if (a.kind !== b.kind) return false;
  if (a.kind === 'quantity' && b.kind === 'quantity') return a.op === b.op && a.number === b.number && a.unit === b.unit;
  if (a.kind === 'deadline' && b.kind === 'deadline') {
    return a.year === b.year && a.month === b.month && a.day === b.day && (a.suffix ?? '') === (b.suffix ?? '');
  }
  return true;
}

/** Keeps the printed value when it already reads as the typed value (imported print forms survive). */
export function printedValue(value: string, target: TargetValue): string {
  if (target.kind === 'text') return value;
  if (value && sameTarget(parseTarget(value), target)) return value;
  return renderTarget(target) ?? value;
}

function normaliseRow(r: TableData['indicators'][number]): IndicatorRow {
  if (r.isPlaceholder) {
    const p = placeholderText(r.level2);
    return {
      ...r,
      name: r.name || p,
      description: r.description || p,
      value: r.value || p,
      basis: r.basis || p,
      target: { kind: 'text' },
    };
  }
  const target: TargetValue = r.target.kind === 'deadline' && !r.target.suffix ? { ...r.target, suffix: undefined } : r.target;
  if (target.kind === 'deadline' && target.suffix === undefined) delete target.suffix;
  return { ...r, target, value: printedValue(r.value, target) };
}

export function normaliseTable(input: TableData): TargetTable {
  const amount = (v: string) => formatWanyuan(wanyuanToYuan(v));
  return {
    code: input.code.toUpperCase(),
    name: input.name,
    budget: {
      total: amount(input.budget.total),
      fiscal: amount(input.budget.fiscal),
      other: input.budget.other === null ? null : amount(input.budget.other),
    },
    purpose: input.purpose,
    goal: input.goal,
    schedule: input.schedule.map((c) => ({ month: c.month, percent: c.percent })),
    indicators: input.indicators.map(normaliseRow),
  };
}
