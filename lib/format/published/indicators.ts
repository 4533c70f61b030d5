/**
 * The indicator rows of one table. The column layout is read from each indicator header, because a
 * page break can change it (a spacer column on one page, none on the next, or a header shifted by one).
 */
import type { IndicatorRow } from '@/lib/domain/table';
import { parseTarget } from '@/lib/domain/target-value-parse';
import { cleanText, indicatorHeader, type IndicatorColumns, type Line } from './lines';
import type { ParseProblem } from './types';

type Cells = { level1: string; level2: string; name: string; description: string; value: string; basis: string };

/** `无经济效益指标`-style cells mark a category that does not apply. */
export function isPlaceholderText(s: string): boolean {
  return /^无.{1,20}指标$/.test(s.replace(/\s+/g, ''));
}

/**
 * Level 1, 2 and 3 are the first three physical columns (a header shifted by one, as in table 11 of
 * the reference, does not move them); value and basis sit where the header says; whatever lies between
 * name and value is the description (table 11 repeats the name there). When the header itself puts a
 * spacer column among the level columns, the level columns are read where the header puts them. (A
 * row's empty first cell cannot tell a spacer from a level-1 cell merged with the row above.)
 */
function readCells(cells: readonly string[], cols: IndicatorColumns): Cells {
  const at = (i: number) => (i >= 0 && i < cells.length ? cells[i]! : '');
  const shift = cols.leading && cells.length <= cols.basis ? -1 : 0;
  const valueAt = cols.value + shift;
  const basisAt = cols.basis + shift;
  const isGapped = cols.level2 - cols.level1 > 1 || cols.name - cols.level2 > 1;
  const [l1, l2, l3] = isGapped ? [cols.level1 + shift, cols.level2 + shift, cols.name + shift] : [0, 1, 2];
  const between = cells.slice(l3 + 1, valueAt).filter((c) => c !== '');
  const name = at(l3);
  const description = between.length > 1 && between[0] === name ? between.slice(1).join('') : between.join('');
  return { level1: at(l1), level2: at(l2), name, description, value: at(valueAt), basis: at(basisAt) };
}

function toRow(c: Cells): IndicatorRow {
  const cells = [c.name, c.description, c.value].map((s) => s.replace(/\s+/g, ''));
  const isPlaceholder = cells.some((s) => s === `无${c.level2.replace(/\s+/g, '')}` || isPlaceholderText(s));
  const value = cleanText(c.value);
  return {
    level1: cleanText(c.level1),
    level2: cleanText(c.level2),
    name: cleanText(c.name),
    description: cleanText(c.description),
    value,
    target: isPlaceholder ? { kind: 'text' } : parseTarget(value),
    basis: cleanText(c.basis),
    isPlaceholder,
  };
}

/** Appends a wrapped fragment to the previous row, in the field its column belongs to. */
function continueRow(row: Cells, frag: Cells): void {
  for (const k of ['level2', 'name', 'description', 'value', 'basis'] as const) {
    if (frag[k]) row[k] = `${row[k]}${frag[k]}`;
  }
}

/** The rows, their problems, and the line the last row (or its wrapped continuation) stands on. */
export type IndicatorRead = { rows: IndicatorRow[]; problems: ParseProblem[]; lastLine: number | null };

export function readIndicators(lines: readonly Line[], table: string): IndicatorRead {
  const problems: ParseProblem[] = [];
  const pending: Cells[] = [];
  let lastLine: number | null = null;
  let cols: IndicatorColumns | null = null;
  let level1 = '';
  for (const line of lines) {
    const header = indicatorHeader(line);
    if (header) {
      cols = header;
      continue;
    }
    if (!cols) continue;
    if (line.cells.every((c) => c === '')) continue;
    const c = readCells(line.cells, cols);
    // A wrapped cell's tail stands on a line of its own: in the level-2 or name column (a long
    // 二级指标 or 三级指标) with the row's other cells empty, or in the later columns with no names.
    // A line with both names filled is a row of its own, however incomplete (it gets a problem below).
    const isTail = (!c.level2 && !c.name) || (!c.level1 && !c.description && !c.value && !c.basis && (!c.level2 || !c.name) && pending.length > 0);
    if (isTail) {
      const last = pending[pending.length - 1];
      if (last) {
        continueRow(last, c);
        lastLine = line.no;
      } else problems.push({ line: line.no, table, message: `第 ${line.no} 行：指标表的第一行缺少二级指标和三级指标` });
      continue;
    }
    if (c.level1) level1 = c.level1;
    if (!level1) {
      problems.push({ line: line.no, table, message: `第 ${line.no} 行：指标行没有一级指标` });
      continue;
    }
    if (!c.value && !c.basis) {
      problems.push({ line: line.no, table, message: `第 ${line.no} 行：指标“${c.name}”缺少“指标值”和“指标值确定依据”列，应为 一级指标/二级指标/三级指标/绩效指标描述/指标值/指标值确定依据` });
    }
    pending.push({ ...c, level1 });
    lastLine = line.no;
  }
  if (!cols) problems.push({ line: lines[0]?.no ?? null, table, message: '没有找到指标表头（一级指标、二级指标、三级指标、绩效指标描述、指标值、指标值确定依据）' });
  return { rows: pending.map(toRow), problems, lastLine };
}
