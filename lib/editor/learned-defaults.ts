/**
 * The value shape a 二级's new rows start with when the library has a clear favourite (issue #16 item 7).
 * The rule: of the library's rows under that 二级 (every value used with any of its entries, all units
 * counted together), one shape — kind, comparator and unit, the number left out — is used by at least
 * 60% of them and by at least 5 rows. Otherwise there is no favourite and the row starts as
 * lib/editor/draft.ts says for the 二级's role. Pure: the counts come from lib/library/defaults.ts.
 */
import type { TableInput } from '@/lib/domain/schemas';
import { parseTarget } from '@/lib/domain/target-value-parse';
import type { CategoryRole } from '@/lib/domain/framework';
import { startingTarget } from './draft';

type Target = TableInput['indicators'][number]['target'];

/** At least this share of the 二级's rows … */
export const FAVOURITE_SHARE = 0.6;
/** … and at least this many rows, so two tables do not decide for everyone. */
export const FAVOURITE_MIN_ROWS = 5;

export type ValueCount = { text: string; count: number };

/** The shape of a printed value as a starting target (number and date left empty), and its key. */
function shapeOf(text: string): { key: string; target: Target } {
  const v = parseTarget(text);
  if (v.kind === 'quantity') return { key: `q\u0000${v.op}\u0000${v.unit}`, target: { kind: 'quantity', op: v.op, number: null, unit: v.unit } };
  if (v.kind === 'deadline') return { key: 'd', target: startingTarget('timeliness') };
  return { key: 't', target: { kind: 'text' } };
}

/** The clear favourite among a 二级's values, or null when none is clear. */
export function favouriteShape(values: readonly ValueCount[]): Target | null {
  const byShape = new Map<string, { target: Target; count: number }>();
  let total = 0;
  for (const { text, count } of values) {
    if (text.trim() === '' || count <= 0) continue;
    const s = shapeOf(text);
    const prev = byShape.get(s.key);
    byShape.set(s.key, { target: s.target, count: (prev?.count ?? 0) + count });
    total += count;
  }
  let best: { target: Target; count: number } | null = null;
  for (const s of byShape.values()) if (!best || s.count > best.count) best = s;
  if (!best || best.count < FAVOURITE_MIN_ROWS || best.count < FAVOURITE_SHARE * total) return null;
  return best.target;
}

/** 二级 name → its learned starting target; only 二级 with a clear favourite appear. */
export type LearnedDefaults = Readonly<Record<string, Target>>;

export function learnedDefaults(valuesByLevel2: ReadonlyMap<string, readonly ValueCount[]>): LearnedDefaults {
  const out: Record<string, Target> = {};
  for (const [level2, values] of valuesByLevel2) {
    const t = favouriteShape(values);
    if (t) out[level2] = t;
  }
  return out;
}

/** A new row's starting value: the library's favourite for its 二级, else the role's default. */
export function startingTargetFor(level2: string, role: CategoryRole | null, learned: LearnedDefaults | undefined): Target {
  const t = learned?.[level2];
  return t ? structuredClone(t) : startingTarget(role);
}
