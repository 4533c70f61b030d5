/**
 * The 项目支出绩效自评表 (lifecycle.md) as a grid of cells with spans, in its 8 columns: 一级 · 二级 ·
 * 三级 · 年度指标值 · 实际完成值 · 分值 · 得分 · 偏差原因分析及改进措施. The header, funds and goal blocks
 * reuse those columns as the printed table does. The XLSX and the PDF are both drawn from this, so the
 * two cannot disagree on where a value stands.
 */
import type { SelfEvalSheet } from '@/lib/domain/selfeval-sheet';
import type { CellRole } from '@/lib/format/table-layout';

export const SELFEVAL_COLUMNS = 8;

export type SelfEvalCell = {
  text: string;
  col: number;
  colSpan: number;
  rowSpan: number;
  role: CellRole;
  /** Amounts and scores: the number a spreadsheet holds (shown with two decimals); absent for text. */
  number?: number;
};

/** `header` rows are kept together with their row spans; `indicator` rows have their level cells merged over runs. */
export type SelfEvalRow = { kind: 'header' | 'indicator-head' | 'indicator' | 'footer'; cells: SelfEvalCell[] };

const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** A printed amount or score as a number, when it is one (`''`, `—` and prose stay text). */
export function numberOf(text: string): number | undefined {
  const t = text.trim();
  return DECIMAL.test(t) ? Number(t) : undefined;
}

function cell(text: string, col: number, colSpan: number, role: CellRole, opts: { rowSpan?: number; isNumber?: boolean } = {}): SelfEvalCell {
  const n = opts.isNumber ? numberOf(text) : undefined;
  return { text, col, colSpan, rowSpan: opts.rowSpan ?? 1, role, ...(n === undefined ? {} : { number: n }) };
}

export function selfEvalTitle(s: Pick<SelfEvalSheet, 'year'>): string {
  return `项目支出绩效自评表（${s.year}年度）`;
}

export const INDICATOR_HEAD = ['一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'] as const;
export const FUNDS_HEAD = ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率（%）', '得分'] as const;

/** 等级 as the footer prints it (also read back by the importer). */
export function gradeText(grade: SelfEvalSheet['grade']): string {
  return `等级：${grade}`;
}

export function selfEvalLayout(s: SelfEvalSheet): SelfEvalRow[] {
  const rows: SelfEvalRow[] = [];
  rows.push({ kind: 'header', cells: [cell('项目名称', 1, 1, 'label'), cell(s.projectName, 2, 3, 'value'), cell('项目编码', 5, 1, 'label'), cell(s.projectCode, 6, 3, 'value')] });
  rows.push({ kind: 'header', cells: [cell('主管部门', 1, 1, 'label'), cell(s.department, 2, 3, 'value'), cell('实施单位', 5, 1, 'label'), cell(s.implementingUnit, 6, 3, 'value')] });
  // 项目资金（万元） spans its head row and every funds row.
  rows.push({
    kind: 'header',
    cells: [cell('项目资金（万元）', 1, 1, 'label', { rowSpan: 1 + s.funds.length }), cell('', 2, 1, 'label'), ...FUNDS_HEAD.map((h, i) => cell(h, 3 + i, 1, 'label'))],
  });
  for (const f of s.funds) {
    const values = [f.initial, f.annual, f.executed, f.weight, f.rate, f.score];
    rows.push({ kind: 'header', cells: [cell(f.label, 2, 1, 'label'), ...values.map((v, i) => cell(v, 3 + i, 1, 'value', { isNumber: true }))] });
  }
  rows.push({ kind: 'header', cells: [cell('年度总体目标', 1, 1, 'label', { rowSpan: 2 }), cell('预期目标', 2, 4, 'label'), cell('实际完成情况', 6, 3, 'label')] });
  rows.push({ kind: 'header', cells: [cell(s.goal.expected, 2, 4, 'value'), cell(s.goal.actual, 6, 3, 'value')] });
  rows.push({ kind: 'indicator-head', cells: INDICATOR_HEAD.map((h, i) => cell(h, i + 1, 1, 'head')) });
  for (const r of s.indicators) {
    // A 指标值设定偏低 flag is printed under the reasons, so it is not lost in either format.
    const deviation = r.warning ? (r.deviation ? `${r.deviation}\n（${r.warning}）` : `（${r.warning}）`) : r.deviation;
    rows.push({
      kind: 'indicator',
      cells: [
        cell(r.level1, 1, 1, 'level'),
        cell(r.level2, 2, 1, 'level'),
        cell(r.name, 3, 1, 'cell'),
        cell(r.target, 4, 1, 'cell'),
        cell(r.actual, 5, 1, 'cell'),
        cell(r.weight, 6, 1, 'cell', { isNumber: true }),
        cell(r.score, 7, 1, 'cell', { isNumber: true }),
        cell(deviation, 8, 1, 'cell'),
      ],
    });
  }
  rows.push({ kind: 'footer', cells: [cell('总分', 1, 5, 'label'), cell('100', 6, 1, 'value', { isNumber: true }), cell(s.selfScore, 7, 1, 'value', { isNumber: true }), cell(gradeText(s.grade), 8, 1, 'value')] });
  return rows;
}

/** Runs of equal level cells among the indicator rows: [first, count] per run, for merging. */
export function levelRuns(keys: readonly string[]): [number, number][] {
  const runs: [number, number][] = [];
  for (let i = 0; i < keys.length; ) {
    let j = i;
    while (j + 1 < keys.length && keys[j + 1] === keys[i]) j++;
    runs.push([i, j - i + 1]);
    i = j + 1;
  }
  return runs;
}

/** The keys that decide the runs: level 1 by itself, level 2 within its level 1 (a blank never merges). */
export function levelKeys(s: SelfEvalSheet): [string[], string[]] {
  const one = s.indicators.map((r, i) => (r.level1 === '' ? `\u0000${i}` : r.level1));
  const two = s.indicators.map((r, i) => (r.level2 === '' ? `\u0000${i}` : `${one[i]}\u0001${r.level2}`));
  return [one, two];
}
