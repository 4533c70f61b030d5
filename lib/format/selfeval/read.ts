/**
 * A published 项目支出绩效自评表 → SelfEvalSheet (issue #15 item 5). The cells come from the table
 * importer's readers (lib/format/layouts; any file through read-document.ts), so a 自评表 copied from a
 * web page or a PDF (tabs, pipes, runs of spaces, one cell a line: flat.ts), a saved page, a DOCX or our
 * own XLSX reads the same way. Blocks are found by their labels, values by the column of their
 * label in the block's header; merged level cells left blank are carried down. Every value that
 * cannot be taken is an error naming its field and line in Chinese; what is merely absent (no goal,
 * no footer in a truncated copy) is a warning, and that part stays empty.
 */
import type { SelfEvalFundsRow, SelfEvalSheet } from '@/lib/domain/selfeval-sheet';
import { gridOf, type CellGrid, type GridRow } from '@/lib/format/layouts/grid';
import { readText, textShape } from '@/lib/format/layouts/read-text';
import { rowsFromFlat } from './flat';
import { readXlsx } from '@/lib/format/layouts/read-xlsx';
import { at, cellAt, findCol, fundsLabelOf, gradeIn, key, readDecimal, Reader, yearIn, type FieldProblem, type Row } from './cells';
import { indicatorColumns, readIndicators } from './indicators';

export type { FieldProblem } from './cells';

export type SelfEvalRead =
  | { ok: true; sheet: SelfEvalSheet; warnings: FieldProblem[]; source: string }
  | { ok: false; errors: FieldProblem[]; warnings: FieldProblem[]; source: string };

const HEADER_FIELDS: [keyof Pick<SelfEvalSheet, 'projectName' | 'projectCode' | 'department' | 'implementingUnit'>, RegExp][] = [
  ['projectName', /^(项目|专项)名称$/],
  ['projectCode', /^项目(编码|代码|编号)$/],
  ['department', /^主管(部门|单位)(及代码)?$/],
  ['implementingUnit', /^(具体|项目)?实施单位$/],
];
const isHeaderLabel = (cell: string) => HEADER_FIELDS.some(([, re]) => re.test(key(cell)));

type FundsColumns = { label: number; initial: number; annual: number; executed: number; weight: number; rate: number; score: number };

function fundsColumns(cells: readonly string[]): FundsColumns | null {
  const initial = findCol(cells, (k) => k.includes('年初预算'));
  const annual = findCol(cells, (k) => k.includes('全年预算'));
  if (initial < 0 || annual < 0) return null;
  return {
    label: initial - 1,
    initial,
    annual,
    executed: findCol(cells, (k) => /全年执行|执行数/.test(k)),
    weight: findCol(cells, (k) => k === '分值'),
    rate: findCol(cells, (k) => k.includes('执行率')),
    score: findCol(cells, (k) => k === '得分'),
  };
}

function readHeader(rows: readonly Row[], sheet: SelfEvalSheet): void {
  for (const r of rows) {
    r.cells.forEach((c, i) => {
      const k = key(c);
      // `项目名称：委托业务项目` in one cell (a copy that lost its table), or the label alone.
      const inline = /^([^:：]{2,12})[:：]\s*(.+)$/.exec(c.trim());
      for (const [field, re] of HEADER_FIELDS) {
        if (sheet[field] !== '') continue;
        if (inline && re.test(key(inline[1]!))) {
          sheet[field] = inline[2]!.trim();
          continue;
        }
        if (!re.test(k)) continue;
        // The value is the next cell to the right that is not itself a label.
        const value = r.cells.slice(i + 1).find((v) => v.trim() !== '');
        if (value !== undefined && !isHeaderLabel(value)) sheet[field] = value.trim();
      }
    });
  }
}

function readFunds(rows: readonly Row[], from: number, to: number, cols: FundsColumns, rd: Reader): SelfEvalFundsRow[] {
  const out: SelfEvalFundsRow[] = [];
  for (let i = from; i < to; i++) {
    const r = rows[i]!;
    const labelAt = r.cells.findIndex((c) => fundsLabelOf(c) !== null);
    if (labelAt < 0) continue;
    const label = fundsLabelOf(r.cells[labelAt]!)!;
    if (out.some((f) => f.label === label)) continue;
    // Rows may leave out the spanning 项目资金 cell: values stand where their header is, from the label.
    const shift = labelAt - cols.label;
    const n = out.length;
    const get = (col: number) => cellAt(r.cells, col < 0 ? -1 : col + shift);
    const isTotal = label === '年度资金总额';
    out.push({
      label,
      initial: rd.decimal(get(cols.initial), `funds.${n}.initial`, `${label}的年初预算数`, r.line),
      annual: rd.decimal(get(cols.annual), `funds.${n}.annual`, `${label}的全年预算数`, r.line),
      executed: rd.decimal(get(cols.executed), `funds.${n}.executed`, `${label}的全年执行数`, r.line),
      // Only 年度资金总额 is scored; the 其中 rows print dashes there.
      weight: isTotal ? rd.decimal(get(cols.weight), `funds.${n}.weight`, '资金分值', r.line) : '',
      rate: isTotal ? rd.decimal(get(cols.rate), `funds.${n}.rate`, '执行率', r.line, { percent: true }) : '',
      score: isTotal ? rd.decimal(get(cols.score), `funds.${n}.score`, '资金得分', r.line) : '',
    });
  }
  return out;
}

function readGoal(rows: readonly Row[], from: number, to: number): SelfEvalSheet['goal'] | null {
  for (let i = from; i < to; i++) {
    const head = rows[i]!.cells;
    const e = findCol(head, (k) => k === '预期目标');
    const a = findCol(head, (k) => /^实际完成情况$/.test(k));
    if (e < 0 || a < 0) continue;
    const value = rows[i + 1];
    if (!value || i + 1 >= to) return { expected: '', actual: '' };
    const cells = value.cells;
    if (cells.length === head.length) return { expected: cellAt(cells, e), actual: cellAt(cells, a) };
    // A row that left out its blank cells: the texts in order, less the block label.
    const texts = cells.map((c) => c.trim()).filter((c) => c !== '' && key(c) !== '年度总体目标');
    return { expected: texts[0] ?? '', actual: texts.slice(1).join(' ') };
  }
  return null;
}

const FOOTER = /^(总分|合计)/;

/**
 * The footer: `总分 · 100 · 自评得分 · 等级：优` on one row, or 自评得分 and 等级 on rows of their own
 * under it, each with its label (`自评得分 | 87.5`, `自评等级 | 优`).
 */
function readFooter(rows: readonly Row[], from: number, sheet: SelfEvalSheet, rd: Reader): void {
  const r = rows[from]!;
  const start = r.cells.findIndex((c) => FOOTER.test(key(c)));
  const after = r.cells.slice(start + 1).map((c) => c.trim()).filter((c) => c !== '');
  const numbers = after.filter((c) => readDecimal(c) !== null && readDecimal(c) !== '');
  // 总分 100 first, then 自评得分; a lone number other than 100 is the 自评得分.
  let score = numbers.length >= 2 ? numbers[1]! : numbers[0] !== undefined && readDecimal(numbers[0]) !== '100' ? numbers[0] : '';
  let line = r.line;
  for (const row of rows.slice(from)) {
    const cells = row.cells.map((c) => c.trim());
    cells.forEach((c, i) => {
      const next = cells.slice(i + 1).find((v) => v !== '') ?? '';
      if (/^自评得分$/.test(key(c)) && score === '' && next !== '') {
        score = next;
        line = row.line;
      }
      const g = gradeIn(c) ?? (/等级$/.test(key(c)) ? gradeIn(next) : null);
      // A bare 优/良/中/差 counts only on the 总分 row itself.
      if (g && sheet.grade === '' && (row === r || /等级/.test(c) || /等级$/.test(key(c)))) sheet.grade = g;
    });
  }
  sheet.selfScore = score === '' ? '' : rd.decimal(score, 'selfScore', '自评得分', line);
}

/** One 自评表 from a grid of cells (a text document, an XLSX sheet). */
export function readSelfEvalGrid(grid: CellGrid): SelfEvalRead {
  const given: Row[] = grid.rows.map((r: GridRow) => ({ cells: r.cells.map((c) => c ?? ''), line: r.line }));
  // One cell a line: the rows are rebuilt from what the cells are.
  const rows = grid.isFlat || given.every((r) => r.cells.length <= 1) ? rowsFromFlat(given) : given;
  const rd = new Reader();
  const sheet: SelfEvalSheet = { year: 0, projectName: '', projectCode: '', department: '', implementingUnit: '', funds: [], goal: { expected: '', actual: '' }, indicators: [], selfScore: '', grade: '' };
  const headAt = rows.findIndex((r) => indicatorColumns(r.cells) !== null);
  const footAt = rows.findIndex((r, i) => i > headAt && headAt >= 0 && r.cells.some((c) => FOOTER.test(key(c))));
  const top = headAt < 0 ? rows.length : headAt;
  const year = rows.slice(0, top).map((r) => r.cells.map(yearIn).find((y) => y !== null) ?? null).find((y) => y !== null);
  if (year) sheet.year = year;
  else rd.errors.push({ field: 'year', line: null, message: '未找到年度：标题中应有“（2022年度）”这样的年份' });
  readHeader(rows.slice(0, top), sheet);
  if (sheet.projectName === '') rd.errors.push({ field: 'projectName', line: null, message: '未找到项目名称' });
  for (const [field, label] of [['department', '主管部门'], ['implementingUnit', '实施单位']] as const) {
    if (sheet[field] === '') rd.warnings.push({ field, line: null, message: `未找到${label}，留空` });
  }
  const fundsAt = rows.slice(0, top).findIndex((r) => fundsColumns(r.cells) !== null);
  if (fundsAt < 0) {
    rd.errors.push({ field: 'funds', line: null, message: '未找到项目资金表头（年初预算数、全年预算数、全年执行数）' });
  } else {
    sheet.funds = readFunds(rows, fundsAt + 1, top, fundsColumns(rows[fundsAt]!.cells)!, rd);
    if (!sheet.funds.some((f) => f.label === '年度资金总额')) rd.errors.push({ field: 'funds.0', line: rows[fundsAt]!.line, message: `${at(rows[fundsAt]!.line)}项目资金下未找到“年度资金总额”行` });
  }
  const goal = readGoal(rows, fundsAt < 0 ? 0 : fundsAt + 1, top);
  if (goal) sheet.goal = goal;
  else rd.warnings.push({ field: 'goal', line: null, message: '未找到年度总体目标（预期目标、实际完成情况），留空' });
  if (headAt < 0) {
    rd.errors.push({ field: 'indicators', line: null, message: '未找到绩效指标表头（一级指标、二级指标、三级指标、年度指标值、实际完成值…）' });
  } else {
    const head = rows[headAt]!;
    sheet.indicators = readIndicators(rows, headAt + 1, footAt < 0 ? rows.length : footAt, head.cells.length, indicatorColumns(head.cells)!, rd);
    if (sheet.indicators.length === 0) rd.errors.push({ field: 'indicators', line: head.line, message: `${at(head.line)}指标表头下没有指标行` });
  }
  if (footAt < 0) rd.warnings.push({ field: 'selfScore', line: null, message: '未找到总分行，自评得分和等级留空' });
  else readFooter(rows, footAt, sheet, rd);
  return rd.errors.length > 0 ? { ok: false, errors: rd.errors, warnings: rd.warnings, source: grid.name } : { ok: true, sheet, warnings: rd.warnings, source: grid.name };
}

const SPACED = /\S(?: {2,}|\u3000)\S/;

/**
 * Text whose columns are told apart by runs of spaces (`pdftotext -layout`, a page copied from a
 * viewer): two or more spaces, or an ideographic one, end a cell. The table importer splits such text
 * at every space, which would cut a 三级指标 like `2024 年度` in two; a 自评表's cells seldom hold double spaces.
 */
function spacedAsTabs(text: string): string {
  const lines = text.split(/\r\n|\r|\n/);
  const tabbed = lines.filter((l) => l.includes('\t')).length;
  const piped = lines.filter((l) => /[|│┃║]/.test(l)).length;
  if (tabbed >= 3 || piped >= 3 || lines.filter((l) => SPACED.test(l)).length < 3) return text;
  return lines.map((l) => l.trim().replace(/ {2,}|\u3000+/g, '\t')).join('\n');
}

/** A 自评表 given as text (tabs, pipes, box drawing, columns apart by spaces). */
export function readSelfEvalText(text: string, name = '文本'): SelfEvalRead {
  const spaced = spacedAsTabs(text);
  const lines = spaced.split(/\r\n|\r|\n/).map((t, i) => ({ no: i + 1, text: t }));
  // One cell a line: read as such here (the table importer would look for targets written as prose).
  if (textShape(lines) === 'flat') return readSelfEvalGrid(gridOf(name, 'text', lines.filter((l) => l.text.trim() !== '').map((l) => ({ line: l.no, cells: [l.text.trim()] })), { isFlat: true }));
  return readSelfEvalGrid(readText(spaced, name)[0]!);
}

/** Grids that hold a 自评表 (a 汇总 sheet or any other table, with no indicator header, is passed over), read. */
export function readSelfEvalGrids(grids: readonly CellGrid[]): SelfEvalRead[] {
  return grids.filter((g) => g.rows.some((r) => indicatorColumns(r.cells) !== null)).map(readSelfEvalGrid);
}

/** Every 自评表 sheet of a workbook. */
export async function readSelfEvalXlsx(bytes: Uint8Array): Promise<SelfEvalRead[]> {
  return readSelfEvalGrids(await readXlsx(bytes));
}
