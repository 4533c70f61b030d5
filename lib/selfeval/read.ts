/** A self-evaluation as the editor, the commands, the sheet and the public page see it. */
import { listEntries } from '@/db/queries/monitoring';
import { latestMonitoringReportOf, listSelfEvalEvents, type SelfEvalEventView } from '@/db/queries/selfeval';
import type { ProjectRow, UnitYearRow } from '@/db/schema';
import { effectiveTable } from '@/lib/adjustments/read';
import type { Framework } from '@/lib/domain/framework';
import { formatWanyuan } from '@/lib/domain/money';
import { defaultWeights } from '@/lib/domain/score-weights';
import type { GradeThresholds } from '@/lib/domain/scoring';
import { ruleProfileOf } from '@/lib/projects/findings';
import { centsOf, evaluateSelfEval, selfEvalEntriesFor, type SelfEvalData, type SelfEvalEvaluation, type SelfEvalTargetRow } from '@/lib/domain/selfeval';
import type { TargetTable } from '@/lib/domain/table';
import { loadTable } from '@/lib/projects/read';
import type { SelfEvalScope } from './access';
import { selfEvalDataSchema } from './schemas';

export type SelfEvalView = SelfEvalScope & {
  /** The targets in force (adjusted when an adjustment was approved). */
  table: TargetTable;
  /** The table as approved: its 预算数 is the 年初预算数. */
  originalTable: TargetTable;
  rows: SelfEvalTargetRow[];
  data: SelfEvalData;
  evaluation: SelfEvalEvaluation;
  thresholds: GradeThresholds;
  events: SelfEvalEventView[];
};

/**
 * Grade thresholds of the unit-year. The rule profile has no field for them yet, so every unit-year
 * uses 90/80/60; this is the one place to read them from when it does.
 */
export function gradeThresholdsOf(unitYear: Pick<UnitYearRow, 'ruleProfile'>): GradeThresholds {
  return ruleProfileOf(unitYear).gradeThresholds;
}

export function targetRowsOf(table: TargetTable): SelfEvalTargetRow[] {
  return table.indicators.map((r) => ({ key: r.key!, level1: r.level1, level2: r.level2, name: r.name, value: r.value, isPlaceholder: r.isPlaceholder }));
}

/** Reads the stored JSON; anything unreadable comes back as empty cells rather than failing the page. */
export function dataOf(json: string, rows: readonly SelfEvalTargetRow[]): SelfEvalData {
  let parsed: unknown = null;
  try {
    parsed = JSON.parse(json);
  } catch {
    parsed = null;
  }
  const r = selfEvalDataSchema.safeParse(parsed);
  const data: SelfEvalData = r.success ? r.data : { funds: { initial: '', annual: '', executed: '', weight: '' }, goalActual: '', entries: [] };
  return { ...data, entries: selfEvalEntriesFor(rows, data.entries) };
}

const amountText = (yuan: number | null | undefined) => (yuan === null || yuan === undefined ? '' : formatWanyuan(yuan));

/**
 * The first draft of a table's 自评表: 年初预算数 from the approved table, 全年预算数 from the adjusted
 * table or the latest monitoring report, 全年执行数 and each row's 实际完成值 from that report's
 * 全年预计 figures (or its 1–X月 ones), 实际完成情况 from its 目标实际累计完成情况, 分值 by default.
 */
export async function prefill(project: ProjectRow, framework: Framework): Promise<{ data: SelfEvalData; rows: SelfEvalTargetRow[] }> {
  const loaded = await loadTable(project.id);
  if (!loaded) throw new Error(`table ${project.id} is missing`);
  const { table, adjustment } = await effectiveTable(project.id, loaded.table);
  const rows = targetRowsOf(table);
  const weights = defaultWeights(rows, framework);
  const report = await latestMonitoringReportOf(project.id);
  const entries = report ? await listEntries(report.id) : [];
  const byKey = new Map(entries.map((e) => [e.rowKey, e]));
  const data: SelfEvalData = {
    funds: {
      initial: loaded.table.budget.total,
      annual: adjustment ? formatWanyuan(adjustment.budgetAfterYuan) : report ? formatWanyuan(report.budgetYuan) : table.budget.total,
      executed: amountText(report?.forecastYuan ?? report?.executedYuan),
      weight: weights.funds,
    },
    goalActual: report?.goalProgress ?? '',
    entries: rows.flatMap((r, i) => {
      if (r.isPlaceholder) return [];
      const m = byKey.get(r.key);
      return [{ rowKey: r.key, actual: m ? m.forecast || m.actual : '', weight: weights.rows[i] ?? '', score: '', rating: null, deviation: '' }];
    }),
  };
  return { data, rows };
}

export async function loadSelfEvalView(scope: SelfEvalScope): Promise<SelfEvalView> {
  const loaded = await loadTable(scope.project.id);
  if (!loaded) throw new Error(`table ${scope.project.id} of self-evaluation ${scope.selfEval.id} is missing`);
  const { table } = await effectiveTable(scope.project.id, loaded.table);
  const rows = targetRowsOf(table);
  const data = dataOf(scope.selfEval.data, rows);
  const thresholds = gradeThresholdsOf(scope.unitYear);
  return {
    ...scope,
    table,
    originalTable: loaded.table,
    rows,
    data,
    evaluation: evaluateSelfEval(data, rows, thresholds),
    thresholds,
    events: await listSelfEvalEvents(scope.selfEval.id),
  };
}

/** The stored score of an evaluation: hundredths of a point, or null. */
export function storedScore(e: SelfEvalEvaluation): { scoreCents: number | null; grade: string | null } {
  return { scoreCents: e.total === null ? null : centsOf(e.total), grade: e.grade };
}
