/**
 * Rows pasted from a spreadsheet (Excel, WPS, LibreOffice) into the indicator tree. Pure: the clipboard
 * text in, typed rows placed under their 二级 and a message beside each row that cannot be placed.
 *
 * What spreadsheets put on the clipboard: one line a row, cells split by tabs, a cell holding a tab,
 * a line break or a quote wrapped in quotes (`"a""b"`), merged cells as blanks after their first row.
 * The columns are those of the published grid — 一级 · 二级 · 三级 · 描述 · 指标值 · 依据 — or the last
 * five or four of them (pasting inside a category); blank 一级/二级 carry down from the row above.
 */
import { findCategory, placeholderText, type Framework } from '@/lib/domain/framework';
import { LIMITS } from '@/lib/domain/limits';
import type { TableInput } from '@/lib/domain/schemas';
import { parseTarget } from '@/lib/domain/target-value-parse';
import { groupRows, insertionIndex } from './groups';

type Row = TableInput['indicators'][number];
type Target = Row['target'];

export type PastedRow = { line: number; row: Row };
export type PasteProblem = { line: number; message: string };
export type PasteResult = { rows: PastedRow[]; problems: PasteProblem[]; hasHeader: boolean };

/** Cells of tab-separated clipboard text, quotes undone as spreadsheets write them. */
export function readTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let atCellStart = true;
  const s = text.replace(/\r\n?/g, '\n');
  while (i < s.length) {
    const c = s[i]!;
    if (atCellStart && c === '"') {
      // A quoted cell: up to the quote not doubled.
      i++;
      for (;;) {
        const q = s.indexOf('"', i);
        if (q < 0) {
          cell += s.slice(i);
          i = s.length;
          break;
        }
        cell += s.slice(i, q);
        if (s[q + 1] === '"') {
          cell += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      atCellStart = false;
      continue;
    }
    atCellStart = false;
    if (c === '\t') {
      row.push(cell);
      cell = '';
      atCellStart = true;
    } else if (c === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      atCellStart = true;
    } else {
      cell += c;
    }
    i++;
  }
  if (cell !== '' || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

const clean = (s: string | undefined) => (s ?? '').replace(/\s*\n\s*/g, '').trim();

const isHeader = (cells: string[]) => cells.some((c) => clean(c) === '三级指标') && cells.some((c) => clean(c).startsWith('指标值'));

/** The target the editor holds for a printed value: the same parser as import and typing. */
export function targetOf(value: string): Target {
  const t = parseTarget(value);
  if (t.kind === 'quantity') return { kind: 'quantity', op: t.op, number: t.number, unit: t.unit };
  if (t.kind === 'deadline') return { kind: 'deadline', year: t.year, month: t.month, day: t.day, ...(t.suffix ? { suffix: t.suffix } : {}) };
  return { kind: 'text' };
}

export type PasteOptions = {
  framework: Framework;
  /** Where the paste happened: rows without a 二级 column go here. */
  into?: { level1: string; level2: string } | undefined;
  newKey: () => string;
};

/**
 * Reads pasted rows. Every non-blank line gives a row or a problem; nothing is dropped without a word.
 * A header row (the published grid's) is recognised and skipped.
 */
export function parsePaste(text: string, opts: PasteOptions): PasteResult {
  const lines = readTsv(text);
  const rows: PastedRow[] = [];
  const problems: PasteProblem[] = [];
  let level1 = '';
  let level2 = '';
  let hasHeader = false;
  lines.forEach((raw, i) => {
    const line = i + 1;
    // Spreadsheets pad a block to its widest row; trailing blanks carry nothing.
    const cells = [...raw];
    while (cells.length > 0 && clean(cells[cells.length - 1]) === '' && cells.length > 4) cells.pop();
    if (cells.every((c) => clean(c) === '')) return;
    if (isHeader(cells)) {
      hasHeader = true;
      return;
    }
    let l1: string;
    let l2: string;
    let rest: string[];
    if (cells.length >= 6) {
      [l1, l2] = [clean(cells[0]), clean(cells[1])];
      rest = cells.slice(2);
    } else if (cells.length === 5) {
      l1 = '';
      l2 = clean(cells[0]);
      rest = cells.slice(1);
    } else {
      l1 = '';
      l2 = '';
      rest = cells;
    }
    if (rest.length > 4) {
      problems.push({ line, message: `第 ${line} 行有 ${cells.length} 列，多于指标表的 6 列（一级、二级、三级、描述、指标值、依据）` });
      return;
    }
    if (l2) level2 = l2;
    if (l1) level1 = l1;
    else if (l2) level1 = '';
    if (!level2 && opts.into) {
      level1 = opts.into.level1;
      level2 = opts.into.level2;
    }
    if (!level2) {
      problems.push({ line, message: `第 ${line} 行没有二级指标：请连同一级、二级指标列一起复制，或在某个二级指标中粘贴` });
      return;
    }
    const found = findCategory(opts.framework, level2);
    if (!found) {
      problems.push({ line, message: `第 ${line} 行的二级指标“${level2}”不在本年度的指标体系中` });
      return;
    }
    if (level1 && level1 !== found.section.name) {
      problems.push({ line, message: `第 ${line} 行：二级指标“${level2}”属于“${found.section.name}”，不属于“${level1}”` });
      return;
    }
    level1 = found.section.name;
    const [name = '', description = '', value = '', basis = ''] = rest.map(clean);
    const tooLong = [name, description, value, basis].some((c) => c.length > LIMITS.cellLength);
    if (tooLong) {
      problems.push({ line, message: `第 ${line} 行有单元格超过 ${LIMITS.cellLength} 字` });
      return;
    }
    if (!name) {
      problems.push({ line, message: `第 ${line} 行没有三级指标名称` });
      return;
    }
    const placeholder = placeholderText(level2);
    if (name === placeholder || /^无.*指标$/.test(name)) {
      rows.push({ line, row: { key: opts.newKey(), level1, level2, name: placeholder, description: placeholder, value: placeholder, target: { kind: 'text' }, basis: placeholder, isPlaceholder: true } });
      return;
    }
    rows.push({ line, row: { key: opts.newKey(), level1, level2, name, description, value, target: targetOf(value), basis, isPlaceholder: false } });
  });
  return { rows, problems, hasHeader };
}

/**
 * The table's rows with pasted rows placed under their 二级: after that category's last row, a
 * category's placeholder replaced by real rows (and a pasted placeholder ignored where rows exist).
 * Rows are placed one at a time, so each lands where adding it by hand would.
 */
export function placeRows<R extends Row>(framework: Framework, current: readonly R[], pasted: readonly R[]): R[] {
  let rows = [...current];
  for (const p of pasted) {
    const same = rows.filter((r) => r.level2 === p.level2 && r.level1 === p.level1);
    if (p.isPlaceholder) {
      if (same.length > 0) continue;
    } else if (same.some((r) => r.isPlaceholder)) {
      rows = rows.filter((r) => !(r.level2 === p.level2 && r.level1 === p.level1 && r.isPlaceholder));
    }
    const at = insertionIndex(groupRows(framework, rows), rows, p.level1, p.level2);
    rows.splice(at, 0, p);
  }
  return rows;
}
