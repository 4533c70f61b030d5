/** A monitoring report as the exports print it: every value as text, lights as words too. */
import { LIGHT_LABELS, type Light } from '@/lib/domain/lights';
import { evaluateReport } from '@/lib/domain/monitoring';
import { parseWanyuan } from '@/lib/domain/money';
import { STATUS_LABELS } from '@/lib/domain/workflow';
import type { ReportView } from './read';

export type ExportRow = {
  level1: string;
  level2: string;
  name: string;
  /** 年度指标值 in force (调整后 when the table was adjusted). */
  value: string;
  /** The approved 原指标值 when an adjustment changed it, else null. */
  originalValue: string | null;
  actual: string;
  light: Light;
  lightWord: string;
  progress: string;
  forecast: string;
  reasons: string;
  likelihood: string;
  note: string;
};

export type ReportSheet = {
  code: string;
  name: string;
  unitName: string;
  status: string;
  month: number;
  year: number;
  light: Light;
  lightWord: string;
  funds: { initial: string; budget: string; executed: string; rate: string; pace: string; forecast: string; light: Light; lightWord: string; progress: string };
  goal: string;
  goalProgress: string;
  rows: ExportRow[];
  /** Whether an approved adjustment changed any 指标值 (the exports then show 调整前 and 调整后). */
  isAdjusted: boolean;
  analysis: string;
  needsRectification: boolean;
  rectification: string;
};

const word = (l: Light) => (l === 'none' ? '—' : LIGHT_LABELS[l]);
const pct = (n: number | null) => (n === null ? '' : `${n.toFixed(2)}%`);

function rate(budget: string, executed: string): string {
  const b = parseWanyuan(budget);
  const e = parseWanyuan(executed);
  return b.ok && e.ok && b.yuan > 0 ? pct((e.yuan / b.yuan) * 100) : '';
}

export function reportSheet(view: ReportView, unitName: string): ReportSheet {
  const ev = evaluateReport(view.data, view.rows, view.period);
  const entry = new Map(view.data.entries.map((e) => [e.rowKey, e]));
  const original = new Map(view.originalTable.indicators.map((r) => [r.key!, r.value]));
  const originalOf = (key: string, value: string) => {
    const o = original.get(key);
    return o !== undefined && o !== value ? o : null;
  };
  return {
    code: view.project.code,
    name: view.project.name,
    unitName,
    status: STATUS_LABELS[view.report.status],
    month: view.period.month,
    year: view.period.year,
    light: ev.light,
    lightWord: word(ev.light),
    funds: {
      initial: view.originalTable.budget.total,
      budget: view.data.budget,
      executed: view.data.executed,
      rate: rate(view.data.budget, view.data.executed),
      pace: pct((view.period.month / 12) * 100),
      forecast: view.data.forecast,
      light: ev.funds.light,
      lightWord: word(ev.funds.light),
      progress: pct(ev.funds.progress),
    },
    goal: view.table.goal,
    goalProgress: view.data.goalProgress,
    rows: view.rows.map((r) => {
      const e = entry.get(r.key);
      const l = ev.rows[r.key];
      return {
        level1: r.level1,
        level2: r.level2,
        name: r.name,
        value: r.value,
        originalValue: originalOf(r.key, r.value),
        actual: e?.actual ?? '',
        light: l?.light ?? 'none',
        lightWord: word(l?.light ?? 'none'),
        progress: pct(l?.progress ?? null),
        forecast: e?.forecast ?? '',
        reasons: e ? [e.reasons.join('、'), e.reasonText].filter(Boolean).join('：') : '',
        likelihood: e?.likelihood ?? '',
        note: e?.note ?? '',
      };
    }),
    isAdjusted: view.rows.some((r) => originalOf(r.key, r.value) !== null),
    analysis: view.data.analysis,
    needsRectification: view.data.needsRectification || ev.redCount > 0,
    rectification: view.data.rectification,
  };
}
