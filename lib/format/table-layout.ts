/**
 * The published table as a grid of cells with spans, in the reference's 7-column layout (the
 * 绩效指标描述 column spans two). The HTML preview renders this model.
 */
import { parseWanyuan } from '@/lib/domain/money';
import type { ScheduleCheckpoint, TargetTable } from '@/lib/domain/table';

export const GRID_COLUMNS = 7;

export type CellRole = 'label' | 'value' | 'head' | 'level' | 'cell';
export type LayoutCell = {
  text: string;
  col: number;
  colSpan: number;
  rowSpan: number;
  role: CellRole;
  /** For indicator rows: index into table.indicators. */
  rowIndex?: number;
  field?: string;
  /**
   * The number a spreadsheet should hold for this cell (amounts in 万元, plan points as fractions, so
   * that they sum and chart); `text` stays what is printed.
   */
  number?: LayoutNumber;
};
/** `decimals`: how many the printed text shows (two for 万元; a plan point's own, `25` → 0, `12.5` → 1). */
export type LayoutNumber = { value: number; format: 'wanyuan' | 'percent'; decimals: number };
export type LayoutRow = { kind: 'header' | 'indicator-head' | 'indicator'; cells: LayoutCell[] };

const cell = (text: string, col: number, colSpan: number, role: CellRole, extra: Partial<LayoutCell> = {}): LayoutCell => ({
  text,
  col,
  colSpan,
  rowSpan: 1,
  role,
  ...extra,
});

/** An amount cell's number, when its text is a valid amount (an empty 其他资金 stays empty). */
function amount(text: string): Partial<LayoutCell> {
  const r = text.trim() === '' ? null : parseWanyuan(text);
  return r?.ok ? { number: { value: r.yuan / 10000, format: 'wanyuan', decimals: 2 } } : {};
}

function percentNumber(percent: number | null): LayoutNumber | undefined {
  if (percent === null || !Number.isFinite(percent)) return undefined;
  return { value: percent / 100, format: 'percent', decimals: (String(percent).split('.')[1] ?? '').length };
}

/** Splits 6 value columns among n checkpoints, wider ones first (4 → 2,2,1,1). */
function spans(n: number): number[] {
  const base = Math.floor(6 / n);
  const extra = 6 % n;
  return Array.from({ length: n }, (_, i) => base + (i < extra ? 1 : 0));
}

function planRows(schedule: readonly ScheduleCheckpoint[]): LayoutRow[] {
  const chunks: ScheduleCheckpoint[][] = [];
  for (let i = 0; i < Math.max(schedule.length, 1); i += 6) chunks.push(schedule.slice(i, i + 6));
  const rows: LayoutRow[] = [];
  chunks.forEach((chunk, ci) => {
    const widths = chunk.length > 0 ? spans(chunk.length) : [6];
    const months: LayoutCell[] = [];
    const percents: LayoutCell[] = [];
    if (ci === 0) months.push({ ...cell('资金支出计划（%）', 1, 1, 'label'), rowSpan: chunks.length * 2 });
    let col = 2;
    if (chunk.length === 0) {
      months.push(cell('', 2, 6, 'value', { field: 'schedule' }));
      percents.push(cell('', 2, 6, 'value', { field: 'schedule' }));
    }
    chunk.forEach((c, i) => {
      months.push(cell(`${c.month}月底`, col, widths[i]!, 'label', { field: 'schedule' }));
      percents.push(cell(c.percent === null ? '' : `${c.percent}%`, col, widths[i]!, 'value', { field: 'schedule', number: percentNumber(c.percent) }));
      col += widths[i]!;
    });
    rows.push({ kind: 'header', cells: months }, { kind: 'header', cells: percents });
  });
  return rows;
}

/** Length of the run of equal values starting at i (the level cells merge over runs). */
function runLength(values: readonly string[], i: number): number {
  let n = 1;
  while (i + n < values.length && values[i + n] === values[i]) n++;
  return n;
}

export function tableLayout(table: TargetTable): LayoutRow[] {
  const b = table.budget;
  const rows: LayoutRow[] = [
    {
      kind: 'header',
      cells: [
        cell('项目编码', 1, 1, 'label'),
        cell(table.code, 2, 2, 'value', { field: 'code' }),
        cell('项目名称', 4, 1, 'label'),
        cell(table.name, 5, 3, 'value', { field: 'name' }),
      ],
    },
    {
      kind: 'header',
      cells: [
        { ...cell('预算规模及资金用途', 1, 1, 'label'), rowSpan: 2 },
        cell('预算数', 2, 1, 'label'),
        cell(b.total, 3, 1, 'value', { field: 'budget.total', ...amount(b.total) }),
        cell('其中：财政资金', 4, 1, 'label'),
        cell(b.fiscal, 5, 1, 'value', { field: 'budget.fiscal', ...amount(b.fiscal) }),
        cell('其他资金', 6, 1, 'label'),
        cell(b.other ?? '', 7, 1, 'value', { field: 'budget.other', ...amount(b.other ?? '') }),
      ],
    },
    { kind: 'header', cells: [cell(table.purpose, 2, 6, 'value', { field: 'purpose' })] },
    ...planRows(table.schedule),
    { kind: 'header', cells: [cell('绩效目标', 1, 1, 'label'), cell(table.goal, 2, 6, 'value', { field: 'goal' })] },
    {
      kind: 'indicator-head',
      cells: [
        cell('一级指标', 1, 1, 'head'),
        cell('二级指标', 2, 1, 'head'),
        cell('三级指标', 3, 1, 'head'),
        cell('绩效指标描述', 4, 2, 'head'),
        cell('指标值', 6, 1, 'head'),
        cell('指标值确定依据', 7, 1, 'head'),
      ],
    },
  ];
  const l1 = table.indicators.map((r) => r.level1);
  const l2 = table.indicators.map((r) => `${r.level1}\u0000${r.level2}`);
  table.indicators.forEach((r, i) => {
    const cells: LayoutCell[] = [];
    if (i === 0 || l1[i - 1] !== l1[i]) cells.push({ ...cell(r.level1, 1, 1, 'level', { rowIndex: i }), rowSpan: runLength(l1, i) });
    if (i === 0 || l2[i - 1] !== l2[i]) cells.push({ ...cell(r.level2, 2, 1, 'level', { rowIndex: i }), rowSpan: runLength(l2, i) });
    cells.push(
      cell(r.name, 3, 1, 'cell', { rowIndex: i, field: 'name' }),
      cell(r.description, 4, 2, 'cell', { rowIndex: i, field: 'description' }),
      cell(r.value, 6, 1, 'cell', { rowIndex: i, field: 'value' }),
      cell(r.basis, 7, 1, 'cell', { rowIndex: i, field: 'basis' }),
    );
    rows.push({ kind: 'indicator', cells });
  });
  return rows;
}
