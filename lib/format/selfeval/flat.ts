/**
 * A 自评表 copied one cell a line, its blank cells gone (the shape of many pages made from Word or PDF):
 * the rows are rebuilt from what the cells are. Labels split over two lines (`年初` / `预算数`) are
 * joined; each block starts at its label; an indicator row is [一级] [二级] 三级 · 指标值 · 实际值 ·
 * 分值 · 得分 [· 偏差原因], the reasons told from the next row's name by what follows them.
 */
import { isLevelLabel } from '@/lib/format/layouts/labels';
import { fundsLabelOf, key, readDecimal, type Row } from './cells';
import { levelName } from './indicators';

type Cell = { text: string; line: number | null };

const HEAD_PARTS: [string, string][] = [
  ['年初', '预算数'],
  ['全年', '预算数'],
  ['全年', '执行数'],
  ['年度', '指标值'],
  ['实际', '完成值'],
  ['项目资金', '(万元)'],
  ['年度总体目', '标'],
];

/** `年初` + `预算数` → `年初预算数`, as the cell was before it wrapped. */
function joinWrapped(cells: readonly Cell[]): Cell[] {
  const out: Cell[] = [];
  for (let i = 0; i < cells.length; i++) {
    const a = cells[i]!;
    const b = cells[i + 1];
    // A level label wrapped in its cell (`经济效益` / `指标`), as the table importer joins it.
    const isLevelTail = b !== undefined && /^指[标標]$/.test(b.text) && /[\u4e00-\u9fa5]$/.test(a.text) && !/指[标標]$/.test(a.text);
    if (b && (isLevelTail || HEAD_PARTS.some(([x, y]) => key(a.text) === x && key(b.text) === y))) {
      out.push({ text: `${a.text}${b.text}`, line: a.line });
      i++;
    } else {
      out.push(a);
    }
  }
  return out;
}

const isNumber = (t: string | undefined) => t !== undefined && readDecimal(t) !== null && readDecimal(t) !== '';
/** Template rows left unfilled: `指标2`, `……`. */
const isTemplate = (t: string) => /^(指标\d+|[….。·]+)$/.test(t.trim());
/** A category label; `达成预期指标` (an actual value) ends in 指标 too but is none. */
const isLevel = (t: string) => isLevelLabel(levelName(t)) && !/达成|完成|预期|年度|实际/.test(t);
const FOOTER = /^(总分|合计)/;
const HEADER_LABEL = /^((项目|专项)名称|项目(编码|代码|编号)|主管(部门|单位)(及代码)?|(具体|项目)?实施单位)$/;

/** The indicator rows from `cells[from]` up to the footer; returns the rows and where it stopped. */
function indicatorRows(cells: readonly Cell[], from: number): { rows: Row[]; end: number } {
  const rows: Row[] = [];
  const t = (j: number) => cells[j]?.text ?? '';
  // A row starts here when a name is followed by 指标值, 实际值 and two numbers (no level label among them).
  const startsRow = (j: number) => !isNumber(t(j)) && !isLevel(t(j + 1)) && !isLevel(t(j + 2)) && isNumber(t(j + 3)) && isNumber(t(j + 4));
  let i = from;
  while (i < cells.length && !FOOTER.test(key(t(i)))) {
    const line = cells[i]!.line;
    let level1 = '';
    let level2 = '';
    if (isLevel(t(i)) && isLevel(t(i + 1))) {
      level1 = t(i);
      level2 = t(i + 1);
      i += 2;
    } else if (isLevel(t(i))) {
      level2 = t(i);
      i += 1;
    }
    if (!startsRow(i)) {
      // A category with nothing under it, or a template cell: passed over.
      if (level1 === '' && level2 === '') i++;
      if (level2 !== '') rows.push({ cells: [level1, level2], line });
      continue;
    }
    const [name, target, actual, weight, score] = [t(i), t(i + 1), t(i + 2), t(i + 3), t(i + 4)];
    i += 5;
    const next = t(i);
    // The cell after 得分 is this row's reasons unless it starts the next row (a level, a name with its values, the footer).
    const isReason = i < cells.length && next !== '' && !FOOTER.test(key(next)) && !isLevel(next) && !isTemplate(next) && (isLevel(t(i + 1)) || !startsRow(i));
    rows.push({ cells: [level1, level2, name, target, actual, weight, score, isReason ? next : ''], line });
    if (isReason) i++;
  }
  return { rows, end: i };
}

export function rowsFromFlat(input: readonly Row[]): Row[] {
  const cells = joinWrapped(input.map((r) => ({ text: (r.cells[0] ?? '').trim(), line: r.line })).filter((c) => c.text !== '' && !isTemplate(c.text)));
  const rows: Row[] = [];
  const t = (j: number) => cells[j]?.text ?? '';
  for (let i = 0; i < cells.length; ) {
    const k = key(t(i));
    const line = cells[i]!.line;
    if (HEADER_LABEL.test(k)) {
      const value = HEADER_LABEL.test(key(t(i + 1))) ? '' : t(i + 1);
      rows.push({ cells: [t(i), value], line });
      i += value === '' ? 1 : 2;
    } else if (/^项目资金/.test(k)) {
      const head = [t(i)];
      for (i++; i < cells.length && fundsLabelOf(t(i)) === null && head.length < 7; i++) head.push(t(i));
      rows.push({ cells: head, line });
    } else if (fundsLabelOf(t(i)) !== null) {
      const row = [t(i)];
      for (i++; i < cells.length && row.length < 7 && (isNumber(t(i)) || isNumber(t(i).replace(/%$/, ''))); i++) row.push(t(i));
      rows.push({ cells: row, line });
    } else if (k === '年度总体目标' && key(t(i + 1)) === '预期目标') {
      rows.push({ cells: [t(i), t(i + 1), t(i + 2)], line });
      i += 3;
      const values: string[] = [];
      for (; i < cells.length && key(t(i)) !== '一级指标' && values.length < 2; i++) values.push(t(i));
      rows.push({ cells: ['', values[0] ?? '', values[1] ?? ''], line: cells[i - 1]?.line ?? line });
    } else if (k === '一级指标') {
      const head: string[] = [];
      for (; i < cells.length && head.length < 8; i++) {
        head.push(t(i));
        if (/偏差原因|改进措施/.test(key(t(i)))) {
          i++;
          break;
        }
      }
      rows.push({ cells: head, line });
      const body = indicatorRows(cells, i);
      rows.push(...body.rows);
      i = body.end;
    } else if (FOOTER.test(k)) {
      rows.push({ cells: cells.slice(i).map((c) => c.text), line });
      break;
    } else {
      rows.push({ cells: [t(i)], line });
      i++;
    }
  }
  return rows;
}
