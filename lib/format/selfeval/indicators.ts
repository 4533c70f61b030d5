/**
 * The indicator grid of a 自评表: its header's columns, and its rows with merged level cells carried
 * down, short rows placed where their numbers fit and the 指标值设定偏低 flag taken off the reasons.
 */
import type { SelfEvalIndicatorRow } from '@/lib/domain/selfeval-sheet';
import { LOW_TARGET_WARNING } from '@/lib/domain/scoring';
import { isKnownLevel1, isLevelLabel } from '@/lib/format/layouts/labels';
import { at, cellAt, findCol, readDecimal, type Reader, type Row } from './cells';

/** The indicator header: where each column stands. */
export type IndicatorColumns = Record<'level1' | 'level2' | 'name' | 'target' | 'actual' | 'weight' | 'score' | 'deviation', number>;

export function indicatorColumns(cells: readonly string[]): IndicatorColumns | null {
  const name = findCol(cells, (k) => k === '三级指标');
  if (name < 0) return null;
  const cols: IndicatorColumns = {
    level1: findCol(cells, (k) => k === '一级指标'),
    level2: findCol(cells, (k) => k === '二级指标'),
    name,
    target: findCol(cells, (k) => /指标值|目标值/.test(k) && !/实际/.test(k)),
    actual: findCol(cells, (k) => /^实际(完成)?(值|情况)$/.test(k)),
    weight: findCol(cells, (k) => k === '分值' || k === '权重'),
    score: findCol(cells, (k) => k === '得分'),
    deviation: findCol(cells, (k) => /偏差原因|改进措施/.test(k)),
  };
  return cols.target >= 0 && cols.actual >= 0 ? cols : null;
}

const isDecimalOrNone = (s: string) => readDecimal(s) !== null;

/**
 * The cells of an indicator row in header order. A row as wide as the header is taken as it is; a
 * shorter one lost blank cells (leading merged level cells, an empty 偏差原因 at the end, or both when
 * columns were told apart by spaces): of every placement, the one whose 分值 and 得分 are numbers and
 * whose 三级指标 is filled wins, the leftmost among equals.
 */
function aligned(cells: readonly string[], width: number, cols: IndicatorColumns): string[] {
  if (cells.length >= width) return [...cells];
  const isNumber = (t: string) => t !== '' && isDecimalOrNone(t);
  let best: string[] = [];
  let bestFit = -1;
  for (let shift = 0; shift <= width - cells.length; shift++) {
    const c = [...Array<string>(shift).fill(''), ...cells, ...Array<string>(width - cells.length - shift).fill('')];
    const fit = (isNumber(cellAt(c, cols.weight)) ? 2 : 0) + (isNumber(cellAt(c, cols.score)) ? 2 : 0) + (cellAt(c, cols.name) !== '' && !isNumber(cellAt(c, cols.name)) ? 1 : 0);
    if (fit > bestFit) {
      best = c;
      bestFit = fit;
    }
  }
  return best;
}

/** `产出指标（50分）` → `产出指标`: the level's points are printed beside its name; the rows carry their own. */
export function levelName(printed: string): string {
  return printed.replace(/\s*[（(]\s*\d+(?:\.\d+)?\s*分\s*[)）]$/, '');
}

const WARNING_SUFFIX = new RegExp(`\\s*（${LOW_TARGET_WARNING}）$`);

export function readIndicators(rows: readonly Row[], from: number, to: number, width: number, cols: IndicatorColumns, rd: Reader): SelfEvalIndicatorRow[] {
  const out: SelfEvalIndicatorRow[] = [];
  // The levels in force: merged level cells print once, and the rows under them are blank there.
  const carry = { level1: '', level2: '' };
  for (let i = from; i < to; i++) {
    const r = rows[i]!;
    // A blank row, or a category printed with no indicator under it (`经济效益指标` alone): no row to
    // score, though a level 1 it names is in force for the rows below.
    const filled = r.cells.map((c) => levelName(c.trim())).filter((c) => c !== '');
    if (filled.every((c) => isLevelLabel(c))) {
      if (filled.length === 2) Object.assign(carry, { level1: filled[0], level2: filled[1] });
      else if (filled.length === 1 && isKnownLevel1(filled[0]!)) Object.assign(carry, { level1: filled[0], level2: '' });
      continue;
    }
    const c = aligned(r.cells, width, cols);
    const get = (col: number) => cellAt(c, col);
    const n = out.length;
    let level1 = levelName(get(cols.level1));
    let level2 = levelName(get(cols.level2));
    if (level1 === '') {
      level1 = carry.level1;
      if (level2 === '') level2 = carry.level2;
    }
    Object.assign(carry, { level1, level2 });
    let deviation = get(cols.deviation);
    const flagged = WARNING_SUFFIX.test(deviation);
    if (flagged) deviation = deviation.replace(WARNING_SUFFIX, '');
    const name = get(cols.name);
    if (name === '') rd.errors.push({ field: `indicators.${n}.name`, line: r.line, message: `${at(r.line)}指标行缺少三级指标名称` });
    // A row cut off in the copy (or a misaligned one) has no 年度指标值: taking it would score nothing.
    else if (get(cols.target) === '') rd.errors.push({ field: `indicators.${n}.target`, line: r.line, message: `${at(r.line)}“${name}”缺少年度指标值（这一行可能不完整）` });
    out.push({
      level1,
      level2,
      name,
      target: get(cols.target),
      actual: get(cols.actual),
      weight: rd.decimal(get(cols.weight), `indicators.${n}.weight`, `“${name}”的分值`, r.line),
      score: rd.decimal(get(cols.score), `indicators.${n}.score`, `“${name}”的得分`, r.line),
      deviation,
      ...(flagged ? { warning: LOW_TARGET_WARNING } : {}),
    });
  }
  return out;
}
