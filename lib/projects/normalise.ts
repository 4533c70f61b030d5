/**
 * Brings a table from the form into the stored form: two-place amounts, printed values that match their
 * types, unfinished values made explicit. The server applies it to validated input before saving, and the
 * editor to what is being typed, so the live findings are those the saved draft will get.
 */
import { formatWanyuan, normaliseWanyuan } from '@/lib/domain/money';
import { placeholderText } from '@/lib/domain/framework';
import type { TableInput } from '@/lib/domain/schemas';
import type { IndicatorRow, TargetTable } from '@/lib/domain/table';
import type { TargetValue } from '@/lib/domain/target-value';
import { parseTarget } from '@/lib/domain/target-value-parse';
import { renderTarget } from '@/lib/domain/target-value-render';

type InputRow = TableInput['indicators'][number];
type InputTarget = InputRow['target'];

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

const isSet = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isFinite(n);

/**
 * The typed value, or null while it is unfinished (a quantity without its number, a date without its
 * month). An unfinished value is stored as an empty 指标值, which the rules report as an error.
 */
export function finishedTarget(t: InputTarget): TargetValue | null {
  if (t.kind === 'quantity') return isSet(t.number) ? { kind: 'quantity', op: t.op, number: t.number, unit: t.unit } : null;
  if (t.kind === 'deadline') {
    if (!isSet(t.month)) return null;
    return { kind: 'deadline', year: isSet(t.year) ? t.year : null, month: t.month, day: isSet(t.day) ? t.day : null, ...(t.suffix ? { suffix: t.suffix } : {}) };
  }
  return { kind: 'text' };
}

function normaliseRow(r: InputRow, key: string | undefined): IndicatorRow {
  const base = {
    level1: r.level1,
    level2: r.level2,
    name: r.name,
    description: r.description,
    basis: r.basis,
    isPlaceholder: r.isPlaceholder,
    // An imported 中长期 value the editor does not show is carried through a save unchanged.
    ...(r.longtermValue === undefined ? {} : { longtermValue: r.longtermValue }),
  };
  const keyed = key ? { key } : {};
  if (r.isPlaceholder) {
    const p = placeholderText(r.level2);
    return {
      ...keyed,
      ...base,
      name: r.name || p,
      description: r.description || p,
      value: r.value || p,
      basis: r.basis || p,
      target: { kind: 'text' },
    };
  }
  const target = finishedTarget(r.target);
  if (!target) return { ...keyed, ...base, target: { kind: 'text' }, value: '' };
  return { ...keyed, ...base, target, value: printedValue(r.value, target) };
}

/** An empty amount is a draft's 0.00; an amount that does not parse is kept as typed (only the editor sees one). */
function amount(v: string): string {
  if (v.trim() === '') return formatWanyuan(0);
  return normaliseWanyuan(v) ?? v;
}

export function normaliseTable(input: TableInput): TargetTable {
  // Row keys come from the client: a repeated one would make two rows share comments and history.
  const seen = new Set<string>();
  const keyOf = (k: string | undefined) => {
    if (!k || seen.has(k)) return undefined;
    seen.add(k);
    return k;
  };
  const other = input.budget.other;
  return {
    code: input.code.trim().toUpperCase(),
    name: input.name,
    budget: {
      total: amount(input.budget.total),
      fiscal: amount(input.budget.fiscal),
      other: other === null || other.trim() === '' ? null : amount(other),
    },
    purpose: input.purpose,
    goal: input.goal,
    ...(input.longtermGoal === undefined ? {} : { longtermGoal: input.longtermGoal }),
    ...(input.amountUnit === undefined ? {} : { amountUnit: input.amountUnit }),
    schedule: input.schedule.map((c) => ({ month: c.month, percent: c.percent })),
    indicators: input.indicators.map((r) => normaliseRow(r, keyOf(r.key))),
  };
}
