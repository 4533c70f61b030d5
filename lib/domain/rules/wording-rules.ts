/** Wording: required texts, names that say something, values that can be measured. */
import type { CategoryRole } from '../framework';
import { isFormulaLike } from '../formula-text';
import type { TargetTable } from '../table';
import { roleOf, rowPath } from './helpers';
import { BREAKS } from './thresholds';
import type { Check } from './types';

/**
 * A vague value names a direction or a degree, not an outcome that can be checked at the year's end.
 * It is built from kinds of words, not from a list of phrases, so that 持续提升 and 有效促进 are treated
 * alike: any verb of change (提升、促进、改善…) whatever adverb stands before it, an adverb that itself
 * says "more than before" (进一步、明显…), or a grade (良好、较高…). An adverb such as 有效、持续、全面
 * is not vague on its own: 持续稳定、全面完成 are outcomes that are met or not, as are 满足、长期提供.
 */
export const CHANGE_VERBS = ['提升', '提高', '促进', '改善', '增强', '加强', '优化', '完善', '推进', '推动', '深化', '巩固', '加快'] as const;
export const CHANGE_ADVERBS = ['进一步', '逐步', '稳步', '不断', '明显', '显著', '大幅'] as const;
export const GRADE_WORDS = ['良好', '较好', '较高', '较大', '较强', '优良', '好转'] as const;
const VAGUE = new RegExp([...CHANGE_VERBS, ...CHANGE_ADVERBS, ...GRADE_WORDS].join('|'));

/** Whether a qualitative value only names a direction or a grade (see above). */
export function isVagueValue(value: string): boolean {
  return VAGUE.test(value);
}

/**
 * Where a vague value is worth a warning: 质量指标 and categories the framework does not name. 数量、成本、
 * 时效 and 满意度 have their own form rules (one message per problem); 效益指标 are qualitative in most
 * real tables (every one of the reference's 23), where the table-level quantitative share is the check.
 */
const VAGUE_WARNED_IN: ReadonlySet<CategoryRole | null> = new Set(['quality', null]);

/**
 * A 满意度 row called 服务对象满意度 follows the framework's own wording (14 of the reference's 23
 * tables): it is not an empty name, so it is not reported as one.
 */
const NAME_REPEAT_ALLOWED_IN: ReadonlySet<CategoryRole | null> = new Set(['satisfaction']);

/** Every free text of a table, with its path and label. */
function texts(table: TargetTable): [string, string, string][] {
  const out: [string, string, string][] = [
    ['name', '项目名称', table.name],
    ['purpose', '资金用途', table.purpose],
    ['goal', '绩效目标', table.goal],
  ];
  table.indicators.forEach((r, i) => {
    out.push([rowPath(i, 'name'), '三级指标', r.name], [rowPath(i, 'description'), '指标描述', r.description], [rowPath(i, 'value'), '指标值', r.value], [rowPath(i, 'basis'), '指标值确定依据', r.basis]);
  });
  return out;
}

/** A spreadsheet would read these as formulas; the exports quote them, and the author is told why. */
const checkFormulaPrefix: Check = (table, _ctx, report) => {
  for (const [path, label, value] of texts(table)) {
    if (isFormulaLike(value)) {
      report('wording.formula-prefix', path, `${label}以“${value[0]}”开头，在 Excel、WPS 中打开导出的文件时可能被当作公式；导出时会在前面加单引号（'）按文字处理，如非有意请改写开头`);
    }
  }
};

export const checkWording: Check = (table, ctx, report) => {
  checkFormulaPrefix(table, ctx, report);
  if (!table.goal.trim()) report('wording.goal-empty', 'goal', '请填写绩效目标：写明本项目一年内要达到的产出和效果');
  if (!table.purpose.trim()) report('wording.purpose-empty', 'purpose', '请填写资金用途');
  let rows = 0;
  let quantitative = 0;
  table.indicators.forEach((row, i) => {
    if (row.isPlaceholder) return;
    rows++;
    if (row.target.kind !== 'text') quantitative++;
    if (!row.name.trim()) report('wording.name-empty', rowPath(i, 'name'), `${row.level2}中第 ${i + 1} 行没有三级指标名称`);
    if (!row.value.trim()) report('wording.value-empty', rowPath(i, 'value'), `指标“${row.name || row.level2}”没有填写指标值`);
    if (!row.basis.trim()) report('wording.basis-empty', rowPath(i, 'basis'), `指标“${row.name || row.level2}”没有写指标值确定依据，如“年度工作计划”“行业标准”`);
    const bare = (s: string) => s.replace(/\s+/g, '').replace(/指标$/, '');
    const role = roleOf(ctx.framework, row);
    if (row.name && bare(row.name) === bare(row.level2) && !NAME_REPEAT_ALLOWED_IN.has(role)) {
      report('wording.name-repeats-level2', rowPath(i, 'name'), `三级指标“${row.name}”只是重复了二级指标，请写明具体衡量的内容`);
    }
    if (row.target.kind === 'text' && VAGUE_WARNED_IN.has(role) && isVagueValue(row.value)) {
      report('wording.vague-value', rowPath(i, 'value'), `指标值“${row.value}”难以考核，建议改为可衡量的形式，如“≥95%”“≥3 项”或“12 月底前完成”`);
    }
  });
  if (rows === 0) return;
  const share = quantitative / rows;
  ctx.measure?.('wording.quantitative-share', share);
  if (BREAKS['wording.quantitative-share'](share, ctx.profile)) {
    report(
      'wording.quantitative-share',
      'indicators',
      `定量指标（数值或期限）只有 ${quantitative}/${rows} 行（${Math.round(share * 100)}%），低于 ${Math.round(ctx.profile.minQuantitativeShare * 100)}%：请把部分定性指标改为可衡量的数值`,
    );
  }
};
