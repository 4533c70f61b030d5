/**
 * A saved web page → one grid per `<table>`, rowspan and colspan laid out on a grid (a cell spanning
 * rows is repeated below, as merged level cells are meant to be read; one spanning columns leaves the
 * others empty). The parser (htmlparser2) streams, so a large page is never held as a tree; nested
 * tables become grids of their own, and nesting and cell counts are bounded.
 */
import { Parser } from 'htmlparser2';
import { LIMITS } from '@/lib/domain/limits';
import { gridOf, type CellGrid, type GridRow } from './grid';
import { refuse } from './refusal';

type RawCell = { text: string; rowSpan: number; colSpan: number };
type RawTable = { rows: RawCell[][]; before: string[]; cell: RawCell | null; row: RawCell[] | null };

const span = (v: string | undefined, max: number) => Math.min(Math.max(Number.parseInt(v ?? '1', 10) || 1, 1), max);
const BLOCKS = new Set(['p', 'div', 'br', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'tr', 'title']);

function layout(rows: readonly RawCell[][]): string[][] {
  const grid: string[][] = [];
  const taken: boolean[][] = [];
  rows.forEach((row, r) => {
    grid[r] ??= [];
    taken[r] ??= [];
    let c = 0;
    for (const cell of row) {
      while (taken[r]![c]) c++;
      for (let dr = 0; dr < cell.rowSpan && r + dr < rows.length; dr++) {
        grid[r + dr] ??= [];
        taken[r + dr] ??= [];
        for (let dc = 0; dc < cell.colSpan; dc++) {
          taken[r + dr]![c + dc] = true;
          grid[r + dr]![c + dc] = dc === 0 ? cell.text : '';
        }
      }
      c += cell.colSpan;
    }
  });
  return grid.map((row) => Array.from(row, (c) => c ?? ''));
}

export function readHtml(html: string): CellGrid[] {
  const stack: RawTable[] = [];
  const done: { rows: string[][]; before: string[] }[] = [];
  let text: string[] = [];
  let skip = 0;
  let cells = 0;
  const flushText = () => {
    const t = text.join('').replace(/\s+/g, ' ').trim();
    text = [];
    return t;
  };
  let pending: string[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === 'script' || name === 'style') skip++;
        const top = stack[stack.length - 1];
        if (name === 'table') {
          if (stack.length >= LIMITS.tableNesting) refuse(`网页中的表格嵌套超过 ${LIMITS.tableNesting} 层，无法读取`);
          const t = flushText();
          if (!top && t) pending.push(t);
          stack.push({ rows: [], before: pending.slice(-12), cell: null, row: null });
          pending = [];
          return;
        }
        if (!top) {
          if (BLOCKS.has(name)) {
            const t = flushText();
            if (t) pending.push(t);
          }
          return;
        }
        if (name === 'tr') {
          top.row = [];
          top.rows.push(top.row);
        } else if (name === 'td' || name === 'th') {
          if (++cells > LIMITS.documentCells) refuse(`网页中的单元格超过 ${LIMITS.documentCells.toLocaleString('en-US')} 个，无法读取`);
          if (!top.row) {
            top.row = [];
            top.rows.push(top.row);
          }
          flushText();
          top.cell = { text: '', rowSpan: span(attrs.rowspan, 500), colSpan: span(attrs.colspan, 100) };
          top.row.push(top.cell);
        } else if (BLOCKS.has(name)) text.push(' ');
      },
      ontext(t) {
        if (skip === 0) text.push(t);
      },
      onclosetag(name) {
        if (name === 'script' || name === 'style') skip = Math.max(0, skip - 1);
        const top = stack[stack.length - 1];
        if (!top) return;
        if ((name === 'td' || name === 'th') && top.cell) {
          top.cell.text = flushText();
          top.cell = null;
        } else if (name === 'table') {
          if (top.cell) top.cell.text = flushText();
          stack.pop();
          done.push({ rows: layout(top.rows), before: top.before });
        }
      },
    },
    { decodeEntities: true, lowerCaseTags: true },
  );
  parser.write(html);
  parser.end();
  return done
    .filter((t) => t.rows.length >= 1)
    .map((t, i) => {
      const rows: GridRow[] = [...t.before.map((b) => ({ line: null, cells: [b] })), ...t.rows.map((cells, r) => ({ line: r + 1, cells }))];
      return gridOf(`第 ${i + 1} 个表格`, 'html', rows);
    });
}
