/**
 * Plain text → cell grids. Text copied from web pages and PDFs comes in a few shapes, told apart by
 * what its lines hold: box-drawing rules, pipes (one row a line, or one cell a line with pipe-only lines
 * between rows), tabs, columns run together with spaces, or one cell a line with no separators at all.
 */
import { toSimplified } from './traditional';
import { flatHeaderRun } from './columns';
import { gridOf, type CellGrid, type GridRow } from './grid';
import { proseRows } from './read-prose';

type Line = { no: number; text: string };

const BOX_BAR = /[│┃║]/;
const BOX_BARS = /[│┃║]/g;
/** A rule line of a box-drawing table (or an ASCII one: `+----+----+`). */
const BOX_RULE = /^[\s─━═┄┅┈┉╌╍┌┐└┘├┤┬┴┼╋┏┓┗┛┣┫┳┻╔╗╚╝╠╣╦╩╬╒╕╘╛╞╡╤╧╪╓╖╙╜╟╢╥╨╫+\-=|│┃║]+$/;
const PIPE_ONLY = /^[\s|]+$/;
const MARKDOWN_RULE = /^[\s|:\-]+$/;

function linesOf(text: string): Line[] {
  return text.split(/\r\n|\r|\n/).map((t, i) => ({ no: i + 1, text: t.replace(/\u00a0/g, ' ') }));
}

function splitPipes(text: string): string[] {
  const t = text.trim();
  const parts = t.split('|').map((c) => c.trim());
  if (t.startsWith('|')) parts.shift();
  if (t.endsWith('|') && parts.length > 0) parts.pop();
  return parts;
}

/** Rows of a table drawn with box characters; the lines of one row between two rules are joined column by column (wrapped cells). */
function boxRows(lines: readonly Line[]): GridRow[] {
  const rows: GridRow[] = [];
  let group: Line[] = [];
  const flush = () => {
    const split = group.map((l) => splitPipes(l.text.replace(BOX_BARS, '|')));
    const width = split[0]?.length ?? 0;
    if (split.length > 1 && split.every((s) => s.length === width)) {
      rows.push({ line: group[0]!.no, cells: split[0]!.map((_, c) => split.map((s) => s[c]!).join('')) });
    } else {
      split.forEach((cells, i) => rows.push({ line: group[i]!.no, cells }));
    }
    group = [];
  };
  for (const line of lines) {
    if (line.text.trim() === '') continue;
    if (BOX_RULE.test(line.text) && !/[\u4e00-\u9fa5\d]/.test(line.text)) {
      flush();
      continue;
    }
    if (!BOX_BAR.test(line.text)) {
      flush();
      rows.push({ line: line.no, cells: [line.text.trim()] });
      continue;
    }
    group.push(line);
  }
  flush();
  return rows;
}

/** Pipe text with one cell a line (`绿化美化公路 |`) and pipe-only lines between rows. */
function pipeCellRows(lines: readonly Line[]): GridRow[] {
  const rows: GridRow[] = [];
  let current: GridRow | null = null;
  for (const line of lines) {
    if (line.text.trim() === '') continue;
    if (PIPE_ONLY.test(line.text)) {
      current = null;
      continue;
    }
    const cell = line.text.split('|')[0]!.trim();
    if (!current) {
      current = { line: line.no, cells: [] };
      rows.push(current);
    }
    current.cells.push(cell);
  }
  return rows;
}

function pipeRows(lines: readonly Line[]): GridRow[] {
  const rows: GridRow[] = [];
  for (const line of lines) {
    if (line.text.trim() === '') continue;
    if (line.text.includes('|') && MARKDOWN_RULE.test(line.text)) continue;
    rows.push({ line: line.no, cells: line.text.includes('|') ? splitPipes(line.text) : [line.text.trim()] });
  }
  return rows;
}

/** One cell a line. A lone `指标` line is the tail of a category label wrapped in its cell (`经济效益` / `指标`). */
function flatRows(lines: readonly Line[]): GridRow[] {
  const rows: GridRow[] = [];
  for (const line of lines) {
    const t = line.text.trim();
    if (t === '') continue;
    const last = rows[rows.length - 1];
    if (last && /^指[标標]$/.test(t) && /[\u4e00-\u9fa5]$/.test(last.cells[0]!) && !/指[标標]$/.test(last.cells[0]!)) {
      last.cells[0] = `${last.cells[0]}${t}`;
      continue;
    }
    rows.push({ line: line.no, cells: [t] });
  }
  return rows;
}

function spaceRows(lines: readonly Line[]): GridRow[] {
  return lines.filter((l) => l.text.trim() !== '').map((l) => ({ line: l.no, cells: l.text.trim().split(/[\s\u3000]+/) }));
}

function tabRows(lines: readonly Line[]): GridRow[] {
  return lines.filter((l) => l.text.trim() !== '').map((l) => ({ line: l.no, cells: l.text.split('\t').map((c) => c.trim()) }));
}

/** The indicator header printed on one line with its labels apart: the columns run together with spaces. */
const SPACED_HEADER = /二级指标\s+三级指标/;

export type TextShape = 'box' | 'pipe-cells' | 'pipe' | 'tab' | 'space' | 'flat';

export function textShape(lines: readonly Line[]): TextShape {
  const nonBlank = lines.filter((l) => l.text.trim() !== '');
  const count = (test: (t: string) => boolean) => nonBlank.filter((l) => test(l.text)).length;
  if (count((t) => BOX_BAR.test(t)) >= 3) return 'box';
  const piped = nonBlank.filter((l) => l.text.includes('|') && !PIPE_ONLY.test(l.text));
  if (piped.length >= 3 && piped.length >= nonBlank.length * 0.3) {
    const oneCell = piped.filter((l) => splitPipes(l.text).filter((c) => c !== '').length <= 1).length;
    const pipeOnly = count((t) => PIPE_ONLY.test(t));
    return oneCell >= piped.length * 0.7 && pipeOnly >= 3 ? 'pipe-cells' : 'pipe';
  }
  if (count((t) => t.includes('\t')) >= 3) return 'tab';
  if (nonBlank.some((l) => SPACED_HEADER.test(toSimplified(l.text)))) return 'space';
  return 'flat';
}

export function readText(text: string, name = '文本'): CellGrid[] {
  const lines = linesOf(text);
  const shape = textShape(lines);
  switch (shape) {
    case 'box':
      return [gridOf(name, 'text', boxRows(lines))];
    case 'pipe-cells':
      return [gridOf(name, 'text', pipeCellRows(lines))];
    case 'pipe':
      return [gridOf(name, 'text', pipeRows(lines))];
    case 'tab':
      return [gridOf(name, 'text', tabRows(lines))];
    case 'space':
      return [gridOf(name, 'text', spaceRows(lines), { isLoose: true })];
    case 'flat': {
      const rows = flatRows(lines);
      // No column header anywhere: the targets may be stated as prose.
      const prose = flatHeaderRun(rows.map((r) => r.cells[0] ?? ''), 0) === null ? proseRows(text) : null;
      return [prose ? gridOf(name, 'prose', prose) : gridOf(name, 'text', rows, { isFlat: true })];
    }
  }
}
