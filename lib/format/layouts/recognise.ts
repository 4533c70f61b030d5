/**
 * Cell grids → target tables, with a report of how each was read. Pure: the same grids and overrides
 * always give the same result, so a preview can re-run it with the user's corrections.
 */
import { parseTarget } from '@/lib/domain/target-value-parse';
import type { IndicatorRow } from '@/lib/domain/table';
import { cleanText } from '@/lib/format/published/lines';
import type { ParsedTable, ParseProblem } from '@/lib/format/published/types';
import { readAmount, type AmountUnit } from './amounts';
import { columnMeaning, flatHeaderRun, headerColumns, MEANING_LABELS, type ColumnMeaning } from './columns';
import type { CellGrid, GridRow } from './grid';
import { FIELD_LABELS, readFields, type FieldValue } from './header-fields';
import { cutFlat, isFootnote, readRows, type RecognisedRow } from './indicator-rows';
import { labelKey } from './labels';
import { segments, TITLE } from './segments';
import { toSimplified } from './traditional';
import type { Overrides, RecognisedColumn, TableOverride, TableRecognition, UnsureCell } from './types';

export type Recognised = { recognitions: TableRecognition[]; projects: ParsedTable[]; problems: ParseProblem[]; year: number | null };

type Split = { head: GridRow[]; header: string[]; body: GridRow[]; headerLine: number | null; isFlat: boolean };

/** The segment cut at its indicator header: what stands above, the header cells, the rows below. */
function splitAtHeader(rows: readonly GridRow[], isFlat: boolean): Split | null {
  if (isFlat) {
    const cells = rows.map((r) => r.cells[0] ?? '');
    const run = flatHeaderRun(cells, 0);
    if (!run) return null;
    return { head: rows.slice(0, run.start), header: cells.slice(run.start, run.end), body: rows.slice(run.end), headerLine: rows[run.start]!.line, isFlat };
  }
  const at = rows.findIndex((r) => headerColumns(r.cells) !== null);
  if (at < 0) return null;
  // A header over two rows (`指标值` above `中期` / `年度`, or `计算符号` / `计量单位` under it): the lower row's labels win.
  const below = rows[at + 1]?.cells ?? [];
  const isSubHeader = below.some((c) => c.trim() !== '') && below.every((c) => c.trim() === '' || columnMeaning(c) !== null || /^(中期|年度|长期|实施期)$/.test(labelKey(c)));
  if (isSubHeader) {
    let above = '';
    const header = rows[at]!.cells.map((c, i) => {
      // A label spanning columns stands in the first of them only.
      if (c.trim() !== '') above = c;
      const sub = (below[i] ?? '').trim();
      if (!sub) return c;
      return columnMeaning(sub) ? sub : `${sub}${labelKey(above)}`;
    });
    return { head: rows.slice(0, at), header, body: rows.slice(at + 2), headerLine: rows[at]!.line, isFlat };
  }
  return { head: rows.slice(0, at), header: rows[at]!.cells, body: rows.slice(at + 1), headerLine: rows[at]!.line, isFlat };
}

function columnsOf(header: readonly string[], override: TableOverride | undefined): { meanings: (ColumnMeaning | null)[]; report: RecognisedColumn[] } {
  const meanings = header.map((h, i) => override?.columns?.[i] ?? columnMeaning(h));
  const report = header.flatMap((h, i): RecognisedColumn[] => {
    const meaning = meanings[i];
    if (!meaning && h.trim() === '') return [];
    const m = meaning ?? 'ignored';
    return [{ index: i, header: h.trim(), meaning: m, text: `第 ${i + 1} 列 → ${MEANING_LABELS[m]}`, isOverridden: override?.columns?.[i] !== undefined }];
  });
  return { meanings, report };
}

function bodyRows(split: Split, meanings: (ColumnMeaning | null)[]): GridRow[] {
  const rows: GridRow[] = [];
  for (const row of split.body) {
    const first = row.cells.find((c) => c.trim() !== '') ?? '';
    if (isFootnote(first)) break;
    if (!split.isFlat && headerColumns(row.cells)) continue;
    rows.push(row);
  }
  if (!split.isFlat) return rows;
  const nameAt = meanings.indexOf('name');
  return cutFlat(rows, meanings.length - nameAt - 1);
}

const YEAR = /(?:^|[(（\s])(20\d{2})\s*年/;

function yearOf(head: readonly GridRow[]): number | null {
  for (const row of head)
    for (const c of row.cells) {
      const m = /预算年度[:：]\s*(20\d{2})/.exec(c) ?? (c.length < 60 && (TITLE.test(c) || /^[(（]/.test(c.trim())) ? YEAR.exec(c) : null);
      if (m) return Number(m[1]);
    }
  return null;
}

function titleOf(head: readonly GridRow[]): string {
  for (const row of head) for (const c of row.cells) if (c.length <= 80 && TITLE.test(toSimplified(c))) return c.trim();
  return '';
}

/** `单位：元` printed above the table. */
function printedUnit(head: readonly GridRow[]): AmountUnit | null {
  for (const row of head)
    for (const c of row.cells) {
      const m = /(?:金额)?单位[:：]\s*(万元|元)/.exec(toSimplified(c));
      if (m) return m[1] as AmountUnit;
    }
  return null;
}

const first = (fields: readonly FieldValue[], f: FieldValue['field']) => fields.find((x) => x.field === f && x.value !== '')?.value ?? '';

type Budget = { total: string | null; fiscal: string | null; other: string | null };

function budgetOf(fields: readonly FieldValue[], unit: AmountUnit, unsure: UnsureCell[]): Budget {
  const amount = (field: string, printed: string): string | null => {
    if (!printed) return null;
    const a = readAmount(printed, unit);
    if (!a) {
      unsure.push({ row: null, field, reason: `“${printed}”不是金额` });
      return null;
    }
    if (a.unsure) unsure.push({ row: null, field, reason: a.unsure });
    return a.wanyuan;
  };
  const total = amount('budget.total', first(fields, 'total'));
  const other = amount('budget.other', first(fields, 'other'));
  let fiscal = amount('budget.fiscal', first(fields, 'fiscal'));
  const yuan = (w: string) => Math.round(Number(w) * 100);
  const fmt = (cents: number) => (cents / 100).toFixed(2);
  if (fiscal === null) {
    const parts = fields.filter((f) => f.field === 'fiscalPart' && f.value !== '').map((f) => amount('budget.fiscal', f.value)).filter((a): a is string => a !== null);
    if (parts.length > 0) {
      fiscal = fmt(parts.reduce((s, p) => s + yuan(p), 0));
      unsure.push({ row: null, field: 'budget.fiscal', reason: '表中没有“财政拨款”一项，财政资金按各级财政资金合计' });
    } else if (total !== null) {
      fiscal = fmt(yuan(total) - (other === null ? 0 : yuan(other)));
      unsure.push({ row: null, field: 'budget.fiscal', reason: '表中没有“财政拨款”一项，财政资金按资金总额减其他资金' });
    }
  }
  if (total === null && fiscal !== null) {
    unsure.push({ row: null, field: 'budget.total', reason: '表中没有资金总额，按财政资金与其他资金合计' });
    return { total: fmt(yuan(fiscal) + (other === null ? 0 : yuan(other))), fiscal, other };
  }
  return { total, fiscal, other };
}

const label = (n: number, name: string) => `表 ${n}「${name}」`;

/** The problem of a table printed without a project code; an import that is given one drops it. */
export const MISSING_CODE = '表中没有项目编码，导入前请补上';

function toIndicator(r: RecognisedRow): IndicatorRow {
  const value = cleanText(r.value);
  const isPlaceholder = [r.name, r.value].some((s) => /^无.{1,20}指标$/.test(labelKey(s)));
  return {
    level1: cleanText(r.level1),
    level2: cleanText(r.level2),
    name: cleanText(r.name),
    description: cleanText(r.description),
    value,
    target: isPlaceholder ? { kind: 'text' } : parseTarget(value),
    basis: cleanText(r.basis),
    isPlaceholder,
    ...(r.longtermValue === null ? {} : { longtermValue: cleanText(r.longtermValue) }),
  };
}

type One = { recognition: TableRecognition; table: ParsedTable | null; problems: ParseProblem[]; year: number | null };

function recogniseSegment(grid: CellGrid, rows: readonly GridRow[], index: number, override: TableOverride | undefined): One | null {
  const split = splitAtHeader(rows, grid.isFlat);
  if (!split) return null;
  const { meanings, report } = columnsOf(split.header, override);
  const body = bodyRows(split, meanings);
  const recognised = readRows(body, { meanings, labels: split.header }, grid.isFlat || grid.isLoose ? 'content' : grid.kind === 'text' ? 'text' : 'grid');
  const fields = readFields(split.head, grid.isLoose, grid.isFlat);
  const unsure: UnsureCell[] = recognised.flatMap((r, i) => r.unsure.map((u) => ({ row: i, ...u })));
  const title = titleOf(split.head);
  const isSelfEvaluation = /自评|评价表/.test(toSimplified(title)) || split.header.some((h) => /实际完成|完成值|得分|偏差/.test(labelKey(h)));
  const printed = override?.amountUnit ?? fields.find((f) => f.unit && (f.field === 'total' || f.field === 'fundsHeading' || f.field === 'fiscal'))?.unit ?? printedUnit(split.head);
  const unit: AmountUnit = printed ?? '万元';
  if (!printed) unsure.push({ row: null, field: 'amountUnit', reason: '表中没有注明金额单位，按万元读取' });
  const budget = budgetOf(fields, unit, unsure);
  let goal = first(fields, 'goal');
  let longtermGoal = first(fields, 'longtermGoal');
  if (!goal && longtermGoal) [goal, longtermGoal] = [longtermGoal, ''];
  const name = cleanText(first(fields, 'name') || title.replace(/^\d+\s*[、.]/, '').replace(/(项目)?(支出)?绩效目标(申报|批复)?表.*$/, ''));
  const number = index + 1;
  const tableLabel = label(number, name || title || grid.name);
  const line = rows[0]?.line ?? null;
  const isTemplate = recognised.length === 0 || recognised.every((r) => r.value.trim() === '' && (r.longtermValue ?? '') === '');
  const refusal = isSelfEvaluation
    ? '自评表，不能作为绩效目标导入'
    : isTemplate
      ? '空白模板：表中没有填写指标值，不能作为绩效目标导入；请填写后再导入'
      : null;
  const recognition: TableRecognition = {
    index,
    source: grid.name,
    line,
    kind: isSelfEvaluation ? 'self-evaluation' : isTemplate ? 'template' : 'targets',
    title: title || name,
    fields: fields.map((f) => ({ field: f.field, label: f.label, meaning: FIELD_LABELS[f.field], value: f.value, line: f.line })),
    columns: report,
    amountUnit: unit,
    isAmountUnitPrinted: printed !== null,
    rows: recognised,
    unsure,
    refusal,
  };
  const problem = (message: string, extra: Partial<ParseProblem> = {}): ParseProblem => ({ line, table: tableLabel, message: `${tableLabel}：${message}`, ...(line === null ? {} : { tableLine: line }), tableNumber: number, ...extra });
  const year = yearOf(split.head);
  if (refusal) return { recognition, table: null, problems: [problem(refusal, { isTableSkipped: true })], year };
  const problems: ParseProblem[] = [];
  if (!name) problems.push(problem('没有找到项目名称'));
  if (budget.total === null) problems.push(problem('没有找到资金总额，请在导入前填写'));
  const code = first(fields, 'code').replace(/\s+/g, '');
  if (!code) problems.push(problem(MISSING_CODE));
  const table: ParsedTable = {
    code,
    name,
    budget: { total: budget.total ?? '0.00', fiscal: budget.fiscal ?? budget.total ?? '0.00', other: budget.other },
    purpose: cleanText(first(fields, 'purpose')),
    goal: cleanText(goal),
    ...(longtermGoal ? { longtermGoal: cleanText(longtermGoal) } : {}),
    amountUnit: unit,
    schedule: [],
    indicators: recognised.map(toIndicator),
    source: { title: name || title, number, line: line ?? 0 },
  };
  return { recognition, table, problems, year };
}

const hasHeader = (g: CellGrid) => (g.isFlat ? flatHeaderRun(g.rows.map((r) => r.cells[0] ?? ''), 0) !== null : g.rows.some((r) => headerColumns(r.cells) !== null));

/**
 * Pages and Word files often print a 申报表 as two tables, the fields in one and the indicators in the
 * next: a grid without an indicator header lends its rows to the grid that follows.
 */
function withFieldsJoined(grids: readonly CellGrid[]): CellGrid[] {
  const out: CellGrid[] = [];
  let pending: GridRow[] = [];
  for (const g of grids) {
    if (g.isFlat || g.isLoose) {
      out.push(g);
      continue;
    }
    if (!hasHeader(g)) {
      pending = [...pending, ...g.rows].slice(-200);
      continue;
    }
    out.push(pending.length > 0 ? { ...g, rows: [...pending, ...g.rows] } : g);
    pending = [];
  }
  return out;
}

/** Every table in the grids, in order; `overrides` are keyed by the table's index in the result. */
export function recogniseGrids(grids: readonly CellGrid[], overrides: Overrides = {}): Recognised {
  const out: Recognised = { recognitions: [], projects: [], problems: [], year: null };
  for (const grid of withFieldsJoined(grids)) {
    for (const segment of segments(grid)) {
      const index = out.recognitions.length;
      const one = recogniseSegment(grid, segment.rows, index, overrides[index]);
      if (!one) continue;
      out.recognitions.push(one.recognition);
      if (one.table) out.projects.push(one.table);
      out.problems.push(...one.problems);
      out.year ??= one.year;
    }
  }
  return out;
}
