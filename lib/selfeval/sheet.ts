/**
 * A stored self-evaluation as the printed 自评表 (lib/domain/selfeval-sheet.ts), which the exports, the
 * public page and the importer share. Scores are those of lib/domain/scoring, as the editor showed them.
 */
import { getUnit } from '@/db/queries/units';
import type { SelfEvalFundsRow, SelfEvalIndicatorRow, SelfEvalSheet } from '@/lib/domain/selfeval-sheet';
import type { SelfEvalSheetView, SelfEvalView } from './read';

const amountRow = (label: SelfEvalFundsRow['label'], initial: string): SelfEvalFundsRow => ({ label, initial, annual: '', executed: '', weight: '', rate: '', score: '' });

/** The sheet from a loaded view; `units` names 主管部门 and 实施单位 (see selfEvalSheet). */
export function sheetOf(view: SelfEvalSheetView, units: { department: string; implementingUnit: string }): SelfEvalSheet {
  const { data, evaluation } = view;
  const entries = new Map(data.entries.map((e) => [e.rowKey, e]));
  const budget = view.originalTable.budget;
  const funds: SelfEvalFundsRow[] = [
    {
      label: '年度资金总额',
      initial: data.funds.initial,
      annual: data.funds.annual,
      executed: data.funds.executed,
      weight: data.funds.weight,
      rate: evaluation.funds.rate ?? '',
      score: evaluation.funds.score ?? '',
    },
    // The 其中 rows carry the table's own split of its 预算数; the 自评表 editor asks only for the total.
    amountRow('其中：当年财政拨款', budget.fiscal),
    amountRow('上年结转资金', ''),
    amountRow('其他资金', budget.other ?? ''),
  ];
  const indicators: SelfEvalIndicatorRow[] = view.rows.map((row) => {
    const e = entries.get(row.key);
    const r = evaluation.rows[row.key];
    if (row.isPlaceholder || !e) return { level1: row.level1, level2: row.level2, name: row.name, target: row.value, actual: row.isPlaceholder ? row.value : '', weight: '', score: '', deviation: '' };
    return {
      level1: row.level1,
      level2: row.level2,
      name: row.name,
      target: row.value,
      actual: e.actual,
      weight: e.weight,
      score: r?.score ?? '',
      deviation: e.deviation,
      ...(r?.warning ? { warning: r.warning } : {}),
    };
  });
  return {
    year: view.unitYear.year,
    projectName: view.project.name,
    projectCode: view.project.code,
    department: units.department,
    implementingUnit: units.implementingUnit,
    funds,
    goal: { expected: view.table.goal, actual: data.goalActual },
    indicators,
    selfScore: evaluation.total ?? '',
    grade: evaluation.grade ?? '',
  };
}

/** 实施单位 is the table's unit; 主管部门 the unit above it, or the unit itself at the top. */
export async function selfEvalSheet(view: SelfEvalView): Promise<SelfEvalSheet> {
  const unit = await getUnit(view.unitId);
  const parent = unit?.parentId ? await getUnit(unit.parentId) : undefined;
  const name = unit?.name ?? '';
  return sheetOf(view, { department: parent?.name ?? name, implementingUnit: name });
}
