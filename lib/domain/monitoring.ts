/**
 * A monitoring report (项目支出绩效目标执行监控表) evaluated: the lights of its funds, of each indicator
 * row and of the whole table, and what must be filled before it can be submitted. Pure, so the report
 * editor shows exactly what the server stores on every save.
 */
import { fundsLight, indicatorLight, worstLight, type Light, type LightResult, type LightThresholds } from './lights';

export const DEVIATION_REASONS = ['经费保障', '制度保障', '人员保障', '硬件条件保障', '其他'] as const;
export type DeviationReason = (typeof DEVIATION_REASONS)[number];

export const LIKELIHOODS = ['确定能', '有可能', '完全不可能'] as const;
export type Likelihood = (typeof LIKELIHOODS)[number];

export type ReportEntry = {
  rowKey: string;
  actual: string;
  forecast: string;
  reasons: DeviationReason[];
  reasonText: string;
  likelihood: Likelihood | null;
  note: string;
  /** 累计 / 非累计 chosen for this row; null: by its unit. */
  cumulative: boolean | null;
};

/** What the owner fills; amounts are 万元 text, as in the table editor. */
export type ReportData = {
  budget: string;
  executed: string;
  forecast: string;
  goalProgress: string;
  analysis: string;
  needsRectification: boolean;
  rectification: string;
  entries: ReportEntry[];
};

/** An indicator row being monitored: its key and its 年度指标值 (approved, or adjusted). */
export type MonitoredRow = { key: string; value: string; isPlaceholder: boolean };

export type ReportProblem = { path: string; message: string };

export type ReportEvaluation = {
  funds: LightResult;
  rows: Record<string, LightResult>;
  light: Light;
  redCount: number;
  yellowCount: number;
  /** Errors that block submission (saving is always allowed). */
  problems: ReportProblem[];
};

export type MonitoringPeriod = { month: number; year: number; thresholds: LightThresholds };

export function emptyEntry(rowKey: string): ReportEntry {
  return { rowKey, actual: '', forecast: '', reasons: [], reasonText: '', likelihood: null, note: '', cumulative: null };
}

/** The report's entries in the order of the table's rows, one for each row that is not a placeholder. */
export function entriesFor(rows: readonly MonitoredRow[], saved: readonly ReportEntry[]): ReportEntry[] {
  const byKey = new Map(saved.map((e) => [e.rowKey, e]));
  return rows.filter((r) => !r.isPlaceholder).map((r) => byKey.get(r.key) ?? emptyEntry(r.key));
}

export function evaluateReport(data: ReportData, rows: readonly MonitoredRow[], period: MonitoringPeriod): ReportEvaluation {
  const funds = fundsLight({ budget: data.budget, executed: data.executed, month: period.month }, period.thresholds);
  const target = new Map(rows.map((r) => [r.key, r]));
  const result: Record<string, LightResult> = {};
  const problems: ReportProblem[] = [];
  data.entries.forEach((e, i) => {
    const row = target.get(e.rowKey);
    if (!row || row.isPlaceholder) return;
    const input = { target: row.value, actual: e.actual, month: period.month, year: period.year, ...(e.cumulative === null ? {} : { cumulative: e.cumulative }) };
    const r = indicatorLight(input, period.thresholds);
    result[e.rowKey] = r;
    if ((r.light === 'red' || r.light === 'yellow') && e.reasons.length === 0 && e.reasonText.trim() === '') {
      problems.push({ path: `entries.${i}.reasons`, message: `${r.light === 'red' ? '红灯' : '黄灯'}的指标须填写偏差原因分析` });
    }
  });
  const lights = [funds.light, ...Object.values(result).map((r) => r.light)];
  const light = worstLight(lights);
  const redCount = lights.filter((l) => l === 'red').length;
  const yellowCount = lights.filter((l) => l === 'yellow').length;
  if (redCount > 0 && data.rectification.trim() === '') {
    problems.push({ path: 'rectification', message: '有红灯时须填写整改措施' });
  }
  return { funds, rows: result, light, redCount, yellowCount, problems };
}
