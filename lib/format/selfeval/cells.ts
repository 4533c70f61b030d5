/**
 * How a published 自评表's cells are read: labels compared as the table importer compares them
 * (labels.ts: traditional, full-width, spaces and annotations do not count), numbers as printed with
 * the dashes that mean "none" and the signs and units around them set aside.
 */
import { toHalfWidth } from '@/lib/format/half-width';
import { labelKey } from '@/lib/format/layouts/labels';
import type { SelfEvalFundsRow } from '@/lib/domain/selfeval-sheet';

export type FieldProblem = {
  /** The SelfEvalSheet path of the value (`indicators.3.weight`), or the block (`funds`, `indicators`). */
  field: string;
  line: number | null;
  message: string;
};

export const key = (s: string) => labelKey(s ?? '');

/** `第 12 行：` when the line is known. */
export function at(line: number | null): string {
  return line === null ? '' : `第 ${line} 行：`;
}

/** Cells that mean "nothing here" in published tables. */
const NONE = /^[-－—–_/／\\、·.。]*$/;

/** `89.974`, `１０`, `1,200`, `95%` (rate), `8分` → the decimal as typed; '' for none; null when not a number. */
export function readDecimal(printed: string, opts: { percent?: boolean } = {}): string | null {
  let t = toHalfWidth(printed).replace(/\s+/g, '');
  if (NONE.test(t)) return '';
  t = t.replace(/,/g, '').replace(/分$/, '');
  if (opts.percent) t = t.replace(/%$/, '');
  if (!/^-?\d+(?:\.\d+)?$/.test(t)) return null;
  // `.5` never comes out of this; `08` is kept as printed only when it is a plain integer.
  return t;
}

/** The 其中 rows under 年度资金总额, as the printed shape names them. */
export function fundsLabelOf(cell: string): SelfEvalFundsRow['label'] | null {
  const k = key(cell).replace(/^其中[:：]?/, '');
  if (/^(年度)?资金总额$/.test(k)) return '年度资金总额';
  if (/^(当年|本年|本级)?财政(拨款|资金)$/.test(k)) return '其中：当年财政拨款';
  if (/^上年结转(资金)?$/.test(k)) return '上年结转资金';
  if (/^其他资金$/.test(k)) return '其他资金';
  return null;
}

/** The year of `项目支出绩效自评表（2022年度）`, `2022 年度`, `(2022年)`. */
export function yearIn(text: string): number | null {
  const m = /((?:19|20)\d{2})\s*年/.exec(toHalfWidth(text));
  return m ? Number(m[1]) : null;
}

export const GRADES = ['优', '良', '中', '差'] as const;

/** `等级：良`, `自评等级 优`, a bare `良` (in the footer). */
export function gradeIn(cell: string): (typeof GRADES)[number] | null {
  const m = /^(?:(?:自评)?等级[:：]?)?\s*(优秀?|良好?|中|差)\s*$/.exec(toHalfWidth(cell).trim());
  if (!m) return null;
  const g = m[1]!;
  if (g.startsWith('优')) return '优';
  if (g.startsWith('良')) return '良';
  if (g === '差') return '差';
  return '中';
}

/** A row of cells with its line in the source (null when unknown). */
export type Row = { cells: string[]; line: number | null };

export const findCol = (cells: readonly string[], test: (k: string) => boolean) => cells.findIndex((c) => test(key(c)));

export const cellAt = (cells: readonly string[], i: number) => (i >= 0 ? (cells[i] ?? '').trim() : '');

/** Collects what a reading found wrong (errors) or missing (warnings). */
export class Reader {
  errors: FieldProblem[] = [];
  warnings: FieldProblem[] = [];

  decimal(printed: string, field: string, label: string, line: number | null, opts: { percent?: boolean } = {}): string {
    const v = readDecimal(printed, opts);
    if (v !== null) return v;
    this.errors.push({ field, line, message: `${at(line)}${label}“${printed.trim()}”不是数字` });
    return '';
  }
}
