/** The header block of one table: code, name, amounts, use of funds, disbursement plan and goals. */
import { normaliseWanyuan } from '@/lib/domain/money';
import type { ScheduleCheckpoint, TargetTable } from '@/lib/domain/table';
import { cleanText, monthCell, nonEmpty, percentCell, squash, type Line } from './lines';
import type { ParseProblem } from './types';

export type HeaderBlock = Omit<TargetTable, 'indicators'>;

const LABELS = new Set(['项目编码', '项目名称', '预算数', '其中:财政资金', '其他资金', '预算规模及资金用途', '资金支出计划(%)', '绩效目标']);

function isLabel(cell: string): boolean {
  return LABELS.has(squash(cell));
}

/** The first non-empty cell after `index`, unless it is itself a label (then the field is empty). */
function valueAfter(cells: readonly string[], index: number): string {
  for (let i = index + 1; i < cells.length; i++) {
    const c = cells[i]!;
    if (c === '') continue;
    return isLabel(c) ? '' : c;
  }
  return '';
}

function findCell(cells: readonly string[], test: (squashed: string) => boolean): number {
  return cells.findIndex((c) => test(squash(c)));
}

function isPlanLabel(cell: string): boolean {
  return /^资金支出计划\(%\)$/.test(squash(cell));
}

function months(cells: readonly string[]): number[] {
  return cells.map(monthCell).filter((m): m is number => m !== null);
}

function percents(cells: readonly string[]): number[] {
  return cells.map(percentCell).filter((p): p is number => p !== null);
}

export function readHeaderBlock(lines: readonly Line[], table: string): { header: HeaderBlock | null; problems: ParseProblem[] } {
  const problems: ParseProblem[] = [];
  const problem = (line: number | null, message: string) => problems.push({ line, table, message });
  let code = '';
  let name = '';
  let total: string | null = null;
  let fiscal: string | null = null;
  let other: string | null = null;
  let nameLine = -1;
  let nameLabelCol = -1;
  let budgetLine = -1;
  let planLine = -1;
  let goalLine = -1;
  const purpose: string[] = [];
  const goal: string[] = [];
  const schedule: ScheduleCheckpoint[] = [];

  lines.forEach((line, i) => {
    const c = line.cells;
    const codeAt = findCell(c, (s) => s === '项目编码');
    if (codeAt >= 0) code = valueAfter(c, codeAt);
    const nameAt = findCell(c, (s) => s === '项目名称');
    if (nameAt >= 0) {
      name = valueAfter(c, nameAt);
      nameLine = i;
      nameLabelCol = nameAt;
    }
    const totalAt = findCell(c, (s) => s === '预算数');
    if (totalAt >= 0) {
      budgetLine = i;
      total = valueAfter(c, totalAt);
      const fiscalAt = findCell(c, (s) => /^其中:?财政资金$/.test(s));
      fiscal = fiscalAt >= 0 ? valueAfter(c, fiscalAt) : '';
      const otherAt = findCell(c, (s) => s === '其他资金');
      other = otherAt >= 0 ? valueAfter(c, otherAt) : '';
    }
  });

  // A long code or name wraps: its tail stands on the lines before the 预算数 line, in its own
  // column (the code's before the 项目名称 label, the name's after it).
  if (nameLine >= 0 && budgetLine > nameLine + 1) {
    const between = lines.slice(nameLine + 1, budgetLine).map((l) => l.cells);
    const tail = (from: number, to: number) => between.flatMap((cells) => cells.slice(from, to).filter((cell) => cell !== '' && !isLabel(cell))).join('');
    code = `${code}${tail(1, nameLabelCol)}`;
    name = `${name}${tail(nameLabelCol + 1, Infinity)}`;
  }

  for (let i = 0; i < lines.length; i++) {
    const first = nonEmpty(lines[i]!.cells)[0] ?? '';
    if (isPlanLabel(first) && planLine < 0) planLine = i;
    else if (squash(first) === '绩效目标' && goalLine < 0) goalLine = i;
  }

  if (budgetLine >= 0) {
    const end = [planLine, goalLine, lines.length].filter((n) => n > budgetLine).reduce((a, b) => Math.min(a, b));
    for (let i = budgetLine + 1; i < end; i++) purpose.push(...nonEmpty(lines[i]!.cells));
  }

  if (planLine >= 0) {
    const ms = months(lines[planLine]!.cells);
    const ps = percents(lines[planLine + 1]?.cells ?? []);
    ms.forEach((m, k) => {
      if (ps[k] !== undefined) schedule.push({ month: m, percent: ps[k]! });
    });
    if (ms.length !== ps.length) problem(lines[planLine]!.no, `资金支出计划的月份（${ms.length} 个）与百分比（${ps.length} 个）对不上`);
    // `12 月底	100%` printed on a line of its own after the plan.
    for (let i = planLine + 2; i < lines.length; i++) {
      const cells = nonEmpty(lines[i]!.cells);
      const m = monthCell(cells[0] ?? '');
      const p = percentCell(cells[1] ?? '');
      if (m === null || p === null || cells.length !== 2) break;
      schedule.push({ month: m, percent: p });
    }
  }

  if (goalLine >= 0) {
    const rest = lines[goalLine]!.cells.slice(lines[goalLine]!.cells.findIndex((c) => squash(c) === '绩效目标') + 1);
    let from = goalLine + 1;
    if (months(rest).length > 0) {
      // The plan block printed a second time in the goal's place; the goal follows it.
      from = goalLine + 2;
    } else {
      goal.push(...nonEmpty(rest));
    }
    for (let i = from; i < lines.length; i++) {
      const cells = nonEmpty(lines[i]!.cells);
      if (monthCell(cells[0] ?? '') !== null && percentCell(cells[1] ?? '') !== null) continue;
      goal.push(...cells);
    }
  }

  if (!code) problem(lines[0]?.no ?? null, '没有找到“项目编码”');
  if (!name) problem(lines[0]?.no ?? null, '没有找到“项目名称”');
  if (budgetLine < 0) problem(lines[0]?.no ?? null, '没有找到“预算数”一行（预算规模及资金用途）');
  const money = (label: string, v: string | null, isOptional: boolean): string | null => {
    if (v === null || v === '') {
      if (!isOptional) problem(lines[budgetLine]?.no ?? null, `“${label}”为空`);
      return null;
    }
    const n = normaliseWanyuan(v);
    if (n === null) problem(lines[budgetLine]?.no ?? null, `“${label}”不是有效的金额：${v}`);
    return n;
  };
  const budget = { total: money('预算数', total, false), fiscal: money('财政资金', fiscal, false), other: money('其他资金', other, true) };
  if (!code || !name || budget.total === null || budget.fiscal === null) return { header: null, problems };
  return {
    header: {
      code,
      name: cleanText(name),
      budget: { total: budget.total, fiscal: budget.fiscal, other: budget.other },
      purpose: cleanText(purpose.join('')),
      goal: cleanText(goal.join('')),
      schedule,
    },
    problems,
  };
}
