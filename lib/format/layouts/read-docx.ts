/**
 * DOCX → one grid per Word table. A DOCX is a zip whose word/document.xml holds the tables as
 * w:tbl/w:tr/w:tc, with w:gridSpan for cells merged across and w:vMerge for cells merged down; that
 * XML is streamed through saxes (no tree held), so only the zip checks and the merge layout are ours.
 * The paragraphs just above a table (its title, `(2024年度)`, `单位：万元`) are kept as its first rows.
 */
import { SaxesParser } from 'saxes';
import { LIMITS } from '@/lib/domain/limits';
import { gridOf, type CellGrid, type GridRow } from './grid';
import { DocumentRefused, refuse } from './refusal';
import { unzipBounded } from './zip-guard';

type Cell = { text: string; span: number; merge: 'restart' | 'continue' | null };
type Table = { rows: { cells: Cell[]; before: number }[]; before: string[] };

function layout(table: Table): string[][] {
  const grid: string[][] = [];
  for (const row of table.rows) {
    const out: string[] = Array.from({ length: row.before }, () => '');
    for (const cell of row.cells) {
      const col = out.length;
      const above = grid[grid.length - 1]?.[col] ?? '';
      out.push(cell.merge === 'continue' ? above : cell.text);
      for (let k = 1; k < cell.span; k++) out.push('');
    }
    grid.push(out);
  }
  return grid;
}

export function readDocumentXml(xml: string): CellGrid[] {
  const tables: Table[] = [];
  const stack: Table[] = [];
  let cell: Cell | null = null;
  let paragraph: string[] = [];
  let recent: string[] = [];
  let inText = false;
  let depth = 0;
  let cells = 0;
  const parser = new SaxesParser({ xmlns: false });
  parser.on('opentag', (tag) => {
    if (++depth > LIMITS.xmlDepth) refuse(`DOCX 文件中的 XML 嵌套超过 ${LIMITS.xmlDepth} 层，拒绝读取`);
    const top = stack[stack.length - 1];
    const val = typeof tag.attributes['w:val'] === 'string' ? tag.attributes['w:val'] : undefined;
    switch (tag.name) {
      case 'w:tbl':
        if (stack.length >= LIMITS.tableNesting) refuse(`Word 表格嵌套超过 ${LIMITS.tableNesting} 层，无法读取`);
        stack.push({ rows: [], before: stack.length === 0 ? recent.slice(-12) : [] });
        recent = [];
        break;
      case 'w:tr':
        top?.rows.push({ cells: [], before: 0 });
        break;
      case 'w:gridBefore':
        if (top?.rows.length) top.rows[top.rows.length - 1]!.before = Math.min(Number(val) || 0, 50);
        break;
      case 'w:tc':
        if (++cells > LIMITS.documentCells) refuse(`DOCX 文件中的单元格超过 ${LIMITS.documentCells.toLocaleString('en-US')} 个，无法读取`);
        cell = { text: '', span: 1, merge: null };
        top?.rows[top.rows.length - 1]?.cells.push(cell);
        break;
      case 'w:gridSpan':
        if (cell) cell.span = Math.min(Math.max(Number(val) || 1, 1), 60);
        break;
      case 'w:vMerge':
        if (cell) cell.merge = val === 'restart' ? 'restart' : 'continue';
        break;
      case 'w:t':
        inText = true;
        break;
      case 'w:tab':
      case 'w:br':
        paragraph.push(' ');
        break;
    }
  });
  parser.on('text', (t) => {
    if (inText) paragraph.push(t);
  });
  parser.on('closetag', (tag) => {
    depth--;
    if (tag.name === 'w:t') inText = false;
    else if (tag.name === 'w:p') {
      const t = paragraph.join('').replace(/\s+/g, ' ').trim();
      paragraph = [];
      if (cell && stack.length > 0) cell.text = cell.text ? `${cell.text} ${t}`.trim() : t;
      else if (t) recent.push(t);
    } else if (tag.name === 'w:tc') cell = null;
    else if (tag.name === 'w:tbl') {
      const done = stack.pop();
      if (done) tables.push(done);
    }
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof DocumentRefused) throw error;
    refuse(`DOCX 文件中的 XML 已损坏，无法读取（${error instanceof Error ? error.message.slice(0, 60) : ''}）`);
  }
  return tables
    .map((t) => ({ t, grid: layout(t) }))
    .filter(({ grid }) => grid.length >= 2)
    .map(({ t, grid }, i) => {
      const rows: GridRow[] = [...t.before.map((b) => ({ line: null, cells: [b] })), ...grid.map((cells, r) => ({ line: r + 1, cells }))];
      return gridOf(`第 ${i + 1} 个 Word 表格`, 'docx', rows);
    });
}

export function readDocx(bytes: Uint8Array): CellGrid[] {
  const entries = unzipBounded(bytes, 'DOCX', (name) => name === 'word/document.xml');
  const xml = entries['word/document.xml'];
  if (!xml) refuse('DOCX 文件中没有 word/document.xml，不是 Word 文档');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(xml);
  } catch {
    refuse('DOCX 文件中的 XML 已损坏（不是有效的 UTF-8），无法读取');
  }
  return readDocumentXml(text);
}
