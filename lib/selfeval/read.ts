/** A self-evaluation as the editor, the commands, the sheet and the public page see it. */
import { listEntries } from '@/db/queries/monitoring';
import { approvedAdjustments } from '@/db/queries/adjustments';
import { latestMonitoringReportOf, listSelfEvalEvents, listSelfEvalRowsOfRound, type SelfEvalEventView } from '@/db/queries/selfeval';
import type { ProjectRow, SelfEvalRoundRow, UnitYearRow } from '@/db/schema';
import { adjustmentOf, effectiveTable } from '@/lib/adjustments/read';
import { adjustedTable } from '@/lib/domain/adjustment';
import type { Framework } from '@/lib/domain/framework';
import { formatWanyuan } from '@/lib/domain/money';
import { defaultWeights } from '@/lib/domain/score-weights';
import type { GradeThresholds } from '@/lib/domain/scoring';
import { ruleProfileOf } from '@/lib/projects/findings';
import { centsOf, evaluateSelfEval, selfEvalEntriesFor, type SelfEvalData, type SelfEvalEvaluation, type SelfEvalTargetRow } from '@/lib/domain/selfeval';
import type { TargetTable } from '@/lib/domain/table';
import { loadTable, loadTables } from '@/lib/projects/read';
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

/** A self-evaluation as its sheet needs it: the view without its events. */
export type SelfEvalSheetView = Omit<SelfEvalView, 'events'>;

function sheetViewOf(scope: SelfEvalScope, original: TargetTable, table: TargetTable): SelfEvalSheetView {
  const rows = targetRowsOf(table);
  const data = dataOf(scope.selfEval.data, rows);
  const thresholds = gradeThresholdsOf(scope.unitYear);
  return { ...scope, table, originalTable: original, rows, data, evaluation: evaluateSelfEval(data, rows, thresholds), thresholds };
}

export async function loadSelfEvalView(scope: SelfEvalScope): Promise<SelfEvalView> {
  const loaded = await loadTable(scope.project.id);
  if (!loaded) throw new Error(`table ${scope.project.id} of self-evaluation ${scope.selfEval.id} is missing`);
  const { table } = await effectiveTable(scope.project.id, loaded.table);
  return { ...sheetViewOf(scope, loaded.table, table), events: await listSelfEvalEvents(scope.selfEval.id) };
}

/** How many 自评表 a round's export reads at once: a few queries a batch, not a few a 自评表. */
const ROUND_BATCH = 200;

/**
 * Every self-evaluation of a round, in the tables' print order, as their sheets need them, read a batch
 * at a time (tables, then their approved adjustments). The caller has checked the unit-year (or, for
 * the public page, asks for approved ones only); every 自评表 of the round is in it. `each` gets them in
 * order, so a batch can be dropped once used.
 */
export async function forEachSheetViewOfRound(
  round: SelfEvalRoundRow,
  unitYear: UnitYearRow,
  each: (view: SelfEvalSheetView) => void,
  opts: { approvedOnly?: boolean } = {},
): Promise<void> {
  const all = await listSelfEvalRowsOfRound(round.id, opts.approvedOnly === true);
  for (let i = 0; i < all.length; i += ROUND_BATCH) {
    const batch = all.slice(i, i + ROUND_BATCH);
    const ids = batch.map((e) => e.projectId);
    const tables = new Map((await loadTables(ids)).map((t) => [t.project.id, t]));
    const adjustments = await approvedAdjustments(ids);
    for (const selfEval of batch) {
      const loaded = tables.get(selfEval.projectId);
      if (!loaded) throw new Error(`table ${selfEval.projectId} of self-evaluation ${selfEval.id} is missing`);
      const table = adjustedTable(loaded.table, (adjustments.get(selfEval.projectId) ?? []).map(adjustmentOf));
      each(sheetViewOf({ selfEval, round, project: loaded.project, unitYear, unitId: unitYear.unitId }, loaded.table, table));
    }
  }
}

/** The stored score of an evaluation: hundredths of a point, or null. */
export function storedScore(e: SelfEvalEvaluation): { scoreCents: number | null; grade: string | null } {
  return { scoreCents: e.total === null ? null : centsOf(e.total), grade: e.grade };
}
