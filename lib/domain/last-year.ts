/**
 * Last year beside this year: the row of last year's table that a row continues (same 二级 and the
 * same name, as the library normalises it), and the warning when a target asks for less than last year
 * — a ≥ target below last year's target or actual (指标值偏低), a ≤ target above it (指标值偏高).
 * Pure: the editor, the preview and `pt check` share it.
 */
import { normaliseName } from './indicator-name';
import { inTargetUnit, readMeasure, type QuantityMeasure } from './measure';
import { cmp } from './ratio';

export type YearRow = { level2: string; name: string; value: string; isPlaceholder: boolean };
/** Last year's row: its 指标值, and its 实际完成值 when a self-evaluation holds one. */
export type LastYearRow = YearRow & { actual?: string | null | undefined };

export type LastYearNote = { previousValue: string; previousActual: string | null; warning: string | null };

const rowKey = (r: Pick<YearRow, 'level2' | 'name'>) => `${r.level2}\u0000${normaliseName(r.name)}`;

/** For each of this year's rows (by index), last year's row it continues, when there is one. */
export function matchLastYear(current: readonly YearRow[], previous: readonly LastYearRow[]): (LastYearRow | null)[] {
  const byKey = new Map<string, LastYearRow>();
  for (const p of previous) if (!p.isPlaceholder && !byKey.has(rowKey(p))) byKey.set(rowKey(p), p);
  return current.map((r) => (r.isPlaceholder ? null : (byKey.get(rowKey(r)) ?? null)));
}

function quantity(text: string | null | undefined): QuantityMeasure | null {
  const m = readMeasure(text ?? '');
  return m.kind === 'quantity' ? m : null;
}

/** Whether this year's quantity target asks for less than `earlier` (a target or an actual) in the same unit. */
function asksLess(now: QuantityMeasure, earlier: QuantityMeasure): boolean {
  const converted = inTargetUnit(earlier, now);
  if (!converted.ok) return false;
  const c = cmp(now.value, converted.value);
  if (now.op === '>=' || now.op === '>') return c < 0;
  if (now.op === '<=' || now.op === '<') return c > 0;
  return false;
}

/** The note beside a row: last year's value (and actual), and a warning when the target was lowered. */
export function lastYearNote(row: YearRow, previous: LastYearRow): LastYearNote {
  const note: LastYearNote = { previousValue: previous.value, previousActual: previous.actual?.trim() || null, warning: null };
  const now = quantity(row.value);
  if (!now) return note;
  const lower = now.op === '>=' || now.op === '>';
  for (const [label, text] of [
    ['上年指标值', previous.value],
    ['上年实际完成值', previous.actual],
  ] as const) {
    const earlier = quantity(text);
    if (earlier && asksLess(now, earlier)) {
      note.warning = lower
        ? `指标值偏低：${row.value} 低于${label} ${text}，请说明理由或提高目标`
        : `指标值偏高：${row.value} 高于${label} ${text}，请说明理由或收紧目标`;
      break;
    }
  }
  return note;
}
