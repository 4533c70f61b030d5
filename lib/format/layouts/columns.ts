/** The indicator grid's column header: what each column holds, read from its label. */
import { labelKey } from './labels';

export const COLUMN_MEANINGS = ['level1', 'level2', 'name', 'description', 'value', 'longtermValue', 'operator', 'unit', 'basis', 'ignored'] as const;
export type ColumnMeaning = (typeof COLUMN_MEANINGS)[number];

/** How the preview names a meaning: `第 4 列 → 指标值`. */
export const MEANING_LABELS: Record<ColumnMeaning, string> = {
  level1: '一级指标',
  level2: '二级指标',
  name: '三级指标',
  description: '绩效指标描述',
  value: '指标值',
  longtermValue: '中长期指标值',
  operator: '计算符号',
  unit: '计量单位',
  basis: '指标值确定依据',
  ignored: '不读取',
};

/** Columns of a 自评表 (what was achieved, the score): such a table is not a target table. */
const SELF_EVALUATION = /实际完成值|实际完成|全年实际值|实际值|完成值|偏差原因|未完成原因|得分|自评/;

export function isSelfEvaluationColumn(header: string): boolean {
  return SELF_EVALUATION.test(labelKey(header));
}

const meaningCache = new Map<string, ColumnMeaning | null>();

/** The meaning of a header cell, or null when it is not an indicator column's label. */
export function columnMeaning(header: string): ColumnMeaning | null {
  const hit = meaningCache.get(header);
  if (hit !== undefined) return hit;
  const meaning = meaningOf(labelKey(header));
  if (meaningCache.size >= 4_096) meaningCache.clear();
  meaningCache.set(header, meaning);
  return meaning;
}

function meaningOf(k: string): ColumnMeaning | null {
  if (k === '') return null;
  if (/^[一1]?级指标$/.test(k)) return 'level1';
  if (/^二级指标$/.test(k)) return 'level2';
  if (/^(三级指标|指标名称|绩效指标名称|三级指标名称)$/.test(k)) return 'name';
  if (/依据/.test(k)) return 'basis';
  if (/(中长期|中期|长期|实施期|全周期|整体|项目期)(绩效)?(指标值|目标值|指标|目标)/.test(k)) return 'longtermValue';
  if (/指标值|目标值|^年度(指标|目标|值)$/.test(k)) return 'value';
  if (/描述|指标内容|指标解释|指标说明/.test(k)) return 'description';
  if (/计算符号|^符号$|运算符|比较符|^指标性质$|^指标方向$|^性质$|^方向$/.test(k)) return 'operator';
  if (/计量单位|度量单位|^单位$/.test(k)) return 'unit';
  if (/分值|权重|备注|评分|^序号$/.test(k) || SELF_EVALUATION.test(k)) return 'ignored';
  if (/^绩效指标|^绩$/.test(k)) return 'ignored';
  return null;
}

export type HeaderColumns = {
  /** Meaning of each cell of the header row by its index (null: not an indicator column). */
  meanings: (ColumnMeaning | null)[];
  labels: string[];
  isSelfEvaluation: boolean;
};

/** A row is the indicator header when it names level 2, level 3 and a value column. */
export function headerColumns(cells: readonly string[]): HeaderColumns | null {
  const meanings = cells.map(columnMeaning);
  const has = (m: ColumnMeaning) => meanings.includes(m);
  if (!has('level2') || !has('name') || !(has('value') || has('longtermValue'))) return null;
  return { meanings, labels: [...cells], isSelfEvaluation: cells.some(isSelfEvaluationColumn) };
}

/** In a flat grid (one cell a row) the header is a run of header cells: [start, end) in the cells, or null. */
export function flatHeaderRun(cells: readonly string[], from: number): { start: number; end: number } | null {
  for (let i = from; i < cells.length; i++) {
    // Most cells are not 二级指标: a substring test spares them the label rules.
    if (!/二\s*[级級]/.test(cells[i]!) || columnMeaning(cells[i]!) !== 'level2') continue;
    let start = i;
    while (start > from && (columnMeaning(cells[start - 1]!) === 'level1' || /^绩效?指标$/.test(labelKey(cells[start - 1]!)))) start--;
    let end = i + 1;
    while (end < cells.length && columnMeaning(cells[end]!) !== null && !/^绩效?指标$/.test(labelKey(cells[end]!))) end++;
    const run = cells.slice(start, end);
    if (headerColumns(run)) return { start, end };
  }
  return null;
}
