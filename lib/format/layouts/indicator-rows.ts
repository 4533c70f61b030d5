/**
 * The indicator rows below a column header. A row whose cells stand where the header says is read by
 * position. Copies from web pages lose cells (merged level cells, empty cells), so a row that does not
 * fit is read by content: leading category labels are its levels, the next cell its name, and what
 * follows fills the remaining columns in order — or, when cells are missing, by what each cell looks like.
 */
import type { ColumnMeaning } from './columns';
import { isKnownLevel1, isKnownLevel2, isLevelLabel, labelKey } from './labels';
import { joinByContent, joinParts, type ValuePart } from './value-join';

export type RecognisedRow = {
  level1: string;
  level2: string;
  name: string;
  description: string;
  value: string;
  longtermValue: string | null;
  basis: string;
  line: number | null;
  /** Why a cell of this row is uncertain, by field; shown in the preview. */
  unsure: { field: string; reason: string }[];
};

type Cells = { cells: string[]; line: number | null };
type Own = Omit<RecognisedRow, 'level1' | 'level2' | 'line' | 'unsure'> & { level1: string | null; level2: string | null; unsure: RecognisedRow['unsure'] };

const isPlaceholder = (s: string) => /^无.{1,20}指标$/.test(labelKey(s));
const isNameCell = (s: string) => s.trim() !== '' && (!isLevelLabel(s) || isPlaceholder(s));
/** Notes under a table end its rows (`注：各地请根据实际情况…`). */
export const isFootnote = (s: string) => /^(注|备注|说明|附件|填表说明)\s*\d?\s*[:：]/.test(s.trim());

function valueOf(pairs: { meaning: ColumnMeaning; text: string }[]): { value: string; longtermValue: string | null } {
  const parts: ValuePart[] = [];
  const long: string[] = [];
  for (const { meaning, text } of pairs) {
    if (meaning === 'value') parts.push({ role: 'value', text });
    else if (meaning === 'operator') parts.push({ role: 'operator', text });
    else if (meaning === 'unit') parts.push({ role: 'unit', text });
    else if (meaning === 'longtermValue' && text.trim() !== '') long.push(text.trim());
  }
  const isSplit = parts.length > 1;
  return { value: isSplit ? joinParts(parts) : (parts[0]?.text.trim() ?? ''), longtermValue: long.length > 0 ? long.join('') : null };
}

function fill(name: string, pairs: { meaning: ColumnMeaning; text: string }[]): Own {
  const text = (m: ColumnMeaning) => pairs.filter((p) => p.meaning === m).map((p) => p.text.trim()).filter((t) => t !== '').join('');
  return { level1: null, level2: null, name: name.trim(), description: text('description'), basis: text('basis'), ...valueOf(pairs), unsure: [] };
}

/** By position; null when the row does not fit the header (a level cell that is no label, a missing name). */
function byPosition(cells: readonly string[], meanings: readonly (ColumnMeaning | null)[], isTrueGrid: boolean): Own | null {
  const nameAt = meanings.indexOf('name');
  const name = cells[nameAt] ?? '';
  if (!isNameCell(name)) return null;
  const last = meanings.reduce((m, x, i) => (x === 'value' || x === 'longtermValue' ? i : m), -1);
  if (cells.length <= last) return null;
  let level1: string | null = null;
  let level2: string | null = null;
  for (let i = 0; i < meanings.length; i++) {
    const c = (cells[i] ?? '').trim();
    if (meanings[i] === 'level1' || meanings[i] === 'level2') {
      // In text a level cell that is no label means the row's cells have moved; a real grid's cells never move.
      if (c !== '' && !isTrueGrid && !isLevelLabel(c)) return null;
      if (c !== '') (meanings[i] === 'level1' ? (level1 = c) : (level2 = c));
    }
  }
  // Cells after the name that stand outside every column: the row is wider than its header.
  const pairs = meanings.flatMap((m, i) => (m && i > nameAt ? [{ meaning: m, text: cells[i] ?? '' }] : []));
  return { ...fill(name, pairs), level1, level2 };
}

/** By content: leading labels, the name, then the columns after the name in order. */
function byContent(all: readonly string[], trailing: readonly ColumnMeaning[]): Own | null {
  const cells = all.map((c) => c.trim()).filter((c) => c !== '');
  let i = 0;
  const labels: string[] = [];
  while (i < cells.length - 1 && labels.length < 2 && isLevelLabel(cells[i]!) && !isPlaceholder(cells[i]!)) labels.push(cells[i++]!);
  const name = cells[i];
  if (name === undefined) return null;
  const rest = cells.slice(i + 1);
  const [level1, level2] = labels.length === 2 ? [labels[0]!, labels[1]!] : [null, labels[0] ?? null];
  if (rest.length === trailing.length || rest.length === 0) {
    return { ...fill(name, rest.map((text, k) => ({ meaning: trailing[k]!, text }))), level1, level2 };
  }
  if (rest.length > trailing.length && trailing.length > 0) {
    // More cells than columns (a description printed twice): the last ones are the last columns, the
    // extra ones belong to the first column after the name, with a repeat of the name dropped.
    const extra = rest.length - trailing.length;
    const head = rest.slice(0, extra + 1).filter((t, k) => !(k === 0 && t === name)).join('');
    const pairs = [{ meaning: trailing[0]!, text: head }, ...rest.slice(extra + 1).map((text, k) => ({ meaning: trailing[k + 1]!, text }))];
    return { ...fill(name, pairs), level1, level2 };
  }
  let from = 0;
  let description = '';
  if (trailing[0] === 'description' && rest.length >= 2) description = rest[from++]!;
  const joined = joinByContent(rest.slice(from));
  return {
    level1,
    level2,
    name,
    description,
    value: joined.value,
    longtermValue: null,
    basis: trailing.includes('basis') ? joined.rest.join('') : '',
    unsure: [{ field: 'value', reason: '这一行的单元格少于表头的列，指标值按内容推断' }],
  };
}

/** Flat cells (one a row) cut into rows: up to two labels, a name, then one cell for each column after the name. */
export function cutFlat(cells: readonly Cells[], after: number): Cells[] {
  const rows: Cells[] = [];
  let i = 0;
  while (i < cells.length) {
    const row: string[] = [];
    const line = cells[i]!.line;
    while (i < cells.length && row.length < 2 && isLevelLabel(cells[i]!.cells[0]!) && !isPlaceholder(cells[i]!.cells[0]!)) row.push(cells[i++]!.cells[0]!);
    if (i < cells.length) row.push(cells[i++]!.cells[0]!);
    for (let k = 0; k < after && i < cells.length && !isLevelLabel(cells[i]!.cells[0]!); k++) row.push(cells[i++]!.cells[0]!);
    rows.push({ cells: row, line });
  }
  return rows;
}

export type HeaderUse = { meanings: (ColumnMeaning | null)[]; labels: readonly string[] };

/** A text line holding only the wrapped ends of the row above's cells: no name, no value, no level. */
function isTail(cells: readonly string[], meanings: readonly (ColumnMeaning | null)[]): boolean {
  const at = (m: ColumnMeaning) => meanings.flatMap((x, i) => (x === m ? [(cells[i] ?? '').trim()] : []));
  const empty = (m: ColumnMeaning) => at(m).every((c) => c === '');
  return cells.length <= meanings.length && empty('name') && empty('value') && empty('level1') && cells.some((c) => c.trim() !== '');
}

const FIELD_OF: Partial<Record<ColumnMeaning, 'level2' | 'description' | 'basis' | 'name'>> = { level2: 'level2', description: 'description', basis: 'basis' };

function continueRow(row: RecognisedRow, cells: readonly string[], meanings: readonly (ColumnMeaning | null)[]): void {
  meanings.forEach((m, i) => {
    const field = m ? FIELD_OF[m] : undefined;
    const text = (cells[i] ?? '').trim();
    if (field && text) row[field] = `${row[field]}${text}`;
  });
}

/**
 * Reads the rows; levels printed once for a merged block are carried down. `mode`: 'grid' for tables
 * whose cells stand in their columns (web pages, XLSX, DOCX), 'text' for text tables whose cells may
 * have moved, 'content' for flat and loose text, whose cells never stand in their columns.
 */
export function readRows(rows: readonly Cells[], header: HeaderUse, mode: 'grid' | 'text' | 'content'): RecognisedRow[] {
  const nameAt = header.meanings.indexOf('name');
  const trailing = header.meanings.slice(nameAt + 1).filter((m, i) => m !== null || (header.labels[nameAt + 1 + i] ?? '').trim() !== '').map((m) => m ?? 'ignored');
  const compact = header.meanings.filter((m, i) => m !== null || (header.labels[i] ?? '').trim() !== '');
  const out: RecognisedRow[] = [];
  let level1 = '';
  let level2 = '';
  for (const row of rows) {
    if (row.cells.every((c) => c.trim() === '')) continue;
    const previous = out[out.length - 1];
    if (mode !== 'content' && previous && isTail(row.cells, header.meanings)) {
      continueRow(previous, row.cells, header.meanings);
      continue;
    }
    // A spacer column in the header that the row does not have (a PDF's layout): the row is read without it.
    const meanings = row.cells.length === compact.length && compact.length < header.meanings.length ? compact : header.meanings;
    const own = (mode === 'content' ? null : byPosition(row.cells, meanings, mode === 'grid')) ?? byContent(row.cells, trailing);
    if (!own) continue;
    if (!isNameCell(own.name)) {
      // A row of labels only: a category whose rows follow.
      if (isKnownLevel1(own.name) && !isKnownLevel2(own.name)) [level1, level2] = [own.name, ''];
      else level2 = own.name;
      continue;
    }
    if (own.level1 !== null && own.level1 !== level1) {
      level1 = own.level1;
      level2 = '';
    }
    if (own.level2 !== null) level2 = own.level2;
    const unsure = [...own.unsure];
    if (!level1) unsure.push({ field: 'level1', reason: '表中没有印出一级指标' });
    if (!level2) unsure.push({ field: 'level2', reason: '表中没有印出二级指标' });
    out.push({ ...own, level1, level2, line: row.line, unsure });
  }
  return out;
}
