/**
 * What picking a library entry writes into a row: its name, most common description and basis, and for
 * a numeric entry its comparator and unit — never the number, which stays the owner's. Pure, so the
 * suggestion list and 挑选指标 fill rows the same way.
 */
import type { TableInput } from '@/lib/domain/schemas';
import { COMPARATORS, type Comparator } from '@/lib/domain/target-value';
import { parseTarget } from '@/lib/domain/target-value-parse';

type Row = TableInput['indicators'][number];
type Target = Row['target'];

export type PickedEntry = {
  name: string;
  values: { value: string; count: number }[];
  units: string[];
  comparators: string[];
  bases: string[];
  descriptions: string[];
};

/** The typed value an entry suggests, with the number left empty (or the row's own kept). */
export function suggestedTarget(entry: PickedEntry, current: Target | undefined): Target | null {
  const top = entry.values[0] ? parseTarget(entry.values[0].value) : null;
  const op = entry.comparators.find((c): c is Comparator => (COMPARATORS as readonly string[]).includes(c));
  if (top?.kind !== 'quantity' && !op) return null;
  const keep = current?.kind === 'quantity' ? current.number : null;
  return { kind: 'quantity', op: op ?? (top?.kind === 'quantity' ? top.op : '>='), number: keep, unit: entry.units[0] ?? (top?.kind === 'quantity' ? top.unit : '') };
}

/** The fields picking writes: the description and basis only where the library has one. */
export function pickedFields(entry: PickedEntry, current: Pick<Row, 'description' | 'basis' | 'target'>): Partial<Pick<Row, 'name' | 'description' | 'basis' | 'target'>> {
  const out: Partial<Pick<Row, 'name' | 'description' | 'basis' | 'target'>> = { name: entry.name };
  if (entry.descriptions[0]) out.description = entry.descriptions[0];
  if (entry.bases[0]) out.basis = entry.bases[0];
  const target = suggestedTarget(entry, current.target);
  if (target) out.target = target;
  return out;
}

/** `≥90% · 10 张表`: the most common values, as the list shows them. */
export function commonValues(entry: Pick<PickedEntry, 'values'>, max = 2): string {
  return entry.values
    .slice(0, max)
    .map((v) => `${v.value} · ${v.count} 张表`)
    .join('；');
}
