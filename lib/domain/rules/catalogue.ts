/** Every rule, with its id, severity and a Chinese description (shown to administrators). */
import type { Severity } from './types';

export type RuleInfo = {
  id: string;
  title: string;
  severity: Severity;
  description: string;
  /** Checked on the whole unit-year (sums, duplicates, an imported document), not table by table. */
  isUnitYear?: true;
};

export const RULES: readonly RuleInfo[] = [
  { id: 'framework.level1-missing', severity: 'error', title: '缺少一级指标', description: '指标体系中的每个一级指标都应出现在表中。' },
  { id: 'framework.level2-missing', severity: 'error', title: '二级指标未填写', description: '每个二级指标都应有三级指标，或标为“不适用”（无X指标）。' },
  { id: 'framework.level2-misplaced', severity: 'error', title: '二级指标放错一级指标', description: '二级指标应放在指标体系规定的一级指标下。' },
  { id: 'framework.unknown-category', severity: 'error', title: '不在指标体系中的指标类别', description: '一级、二级指标只能使用本年度指标体系中的类别。' },
  { id: 'framework.placeholder-with-indicators', severity: 'error', title: '“无X指标”与指标并存', description: '一个二级指标要么有指标，要么标为不适用，不能两者都有。' },
  { id: 'framework.other-framework', severity: 'error', title: '按另一版指标体系填写', description: '用了另一版指标体系的类别，如 2021 版年度中写“产出指标 · 成本指标”或“可持续影响指标”，2015 版年度中把成本指标写成一级指标。' },
  { id: 'money.invalid-amount', severity: 'error', title: '金额格式不正确', description: '金额以万元计，不能为负，最多两位小数。' },
  { id: 'money.budget-empty', severity: 'error', title: '预算数未填写', description: '预算数为 0 时不能提交（草稿中未填的金额按 0.00 保存）。' },
  { id: 'money.total-mismatch', severity: 'error', title: '预算数不等于各项资金之和', description: '预算数应等于财政资金与其他资金之和。' },
  { id: 'money.cost-exceeds-budget', severity: 'error', title: '成本指标超过预算', description: '以元、千元、万元或亿元计的成本指标（折合万元后）不能超过项目预算数。' },
  { id: 'money.cost-far-below-budget', severity: 'warning', title: '成本指标远低于预算', description: '成本目标远低于预算数时，请核对预算或指标。' },
  { id: 'money.project-expenditure-mismatch', severity: 'error', title: '项目预算合计与项目支出不符', description: '本年度全部项目的预算数之和应等于单位预算支出总表中的项目支出。', isUnitYear: true },
  { id: 'plan.empty', severity: 'error', title: '没有资金支出计划', description: '应填写资金支出计划（各时间点累计支出百分比）。' },
  { id: 'plan.month-order', severity: 'error', title: '支出计划月份不正确', description: '月份应为 1–12 的整数，并按时间先后排列、不重复。' },
  { id: 'plan.percent-empty', severity: 'error', title: '支出计划百分比未填写', description: '每个时间点都应填写累计支出百分比（生成下一年度的表时百分比留空待填）。' },
  { id: 'plan.percent-range', severity: 'error', title: '支出计划百分比超出范围', description: '累计支出百分比应在 0–100 之间。' },
  { id: 'plan.percent-decreasing', severity: 'error', title: '累计支出百分比下降', description: '资金支出计划是累计数，后一个时间点不能小于前一个。' },
  { id: 'plan.year-end-not-100', severity: 'error', title: '年底累计支出不是 100%', description: '列出 12 月底时，累计支出应为 100%。' },
  { id: 'plan.year-end-missing', severity: 'warning', title: '未列出 12 月底', description: '建议列出 12 月底累计支出 100%。' },
  { id: 'value.quantity-required', severity: 'error', title: '数量、成本指标应为数值', description: '数量指标和成本指标的指标值应写成“比较符 + 数值 + 单位”，如 ≤300 件。' },
  { id: 'value.timeliness-form', severity: 'warning', title: '时效指标宜写为期限', description: '时效指标宜写成截止日期（12 月 20 日前完成）、时限（≤60 天）或及时率（100%）。' },
  { id: 'value.percent-range', severity: 'error', title: '百分比超出 0–100%', description: '百分比应在 0–100% 之间（≥100% 可以，120% 或 >100% 不行）；名称写明增长率的除外。' },
  { id: 'value.deadline-outside-year', severity: 'error', title: '期限不在预算年度内', description: '截止日期应在本预算年度内，且是有效日期。' },
  { id: 'value.satisfaction-form', severity: 'warning', title: '满意度宜为百分比', description: '满意度指标宜写成百分比，如 ≥90%。' },
  { id: 'value.satisfaction-low', severity: 'warning', title: '满意度目标偏低', description: '满意度目标低于规则配置的下限（默认 80%）。' },
  { id: 'value.direction', severity: 'warning', title: '比较方向与指标含义相反', description: '完成率、覆盖率、合格率等宜用 ≥；成本、故障率、投诉率等宜用 ≤。' },
  { id: 'value.below-last-year', severity: 'warning', title: '指标值偏低', description: '≥ 目标低于上年同一指标的指标值或实际完成值（按项目编码、否则按项目名称找到上年的表）：请说明理由或提高目标。' },
  { id: 'value.above-last-year', severity: 'warning', title: '指标值偏高', description: '≤ 目标（如时限、成本）高于上年同一指标的指标值或实际完成值：请说明理由或收紧目标。' },
  { id: 'value.misplaced-comma', severity: 'error', title: '数值中的逗号不是千位分隔符', description: '数值中的逗号只能作千位分隔符（每三位一组，如 1,234）；35,5 或 1,2,3 读不出确定的数。' },
  { id: 'wording.goal-empty', severity: 'error', title: '绩效目标为空', description: '应填写绩效目标。' },
  { id: 'wording.purpose-empty', severity: 'error', title: '资金用途为空', description: '应填写资金用途。' },
  { id: 'wording.name-empty', severity: 'error', title: '三级指标为空', description: '每一行指标都应有三级指标名称。' },
  { id: 'wording.value-empty', severity: 'error', title: '指标值为空', description: '每一行指标都应有指标值。' },
  { id: 'wording.basis-empty', severity: 'warning', title: '未填写指标值确定依据', description: '建议写明指标值的确定依据，如年度工作计划、行业标准。' },
  { id: 'wording.name-repeats-level2', severity: 'warning', title: '三级指标只重复了二级指标', description: '三级指标应写明具体衡量什么，而不是重复二级指标名称（满意度指标中的“服务对象满意度”是指标体系自己的写法，不提醒）。' },
  { id: 'wording.vague-value', severity: 'warning', title: '指标值含糊', description: '质量指标的指标值只写方向或程度（“提升”“促进”“进一步”“良好”“较高”等）难以考核，宜改为可衡量的数值；效益指标中的定性表述由“定量指标偏少”把关。' },
  { id: 'wording.formula-prefix', severity: 'warning', title: '内容以公式符号开头', description: '以 = + - @ 开头的文字在 Excel、WPS 中打开导出的文件时可能被当作公式执行；导出时会在前面加单引号（\'）按文字处理。' },
  { id: 'wording.quantitative-share', severity: 'warning', title: '定量指标偏少', description: '定量指标（数值或期限）占比低于规则配置的下限（默认 50%）。' },
  { id: 'identity.code-format', severity: 'error', title: '项目编码格式不符', description: '项目编码应符合本年度规定的格式（默认 21 位大写字母或数字）。' },
  { id: 'identity.code-duplicate', severity: 'error', title: '项目编码重复', description: '同一年度内项目编码不能重复。', isUnitYear: true },
  { id: 'identity.name-mismatch', severity: 'warning', title: '同一项目名称不一致', description: '同一项目在表标题、项目名称和预算说明中的名称应一致。', isUnitYear: true },
];

export const RULE_SEVERITY: ReadonlyMap<string, Severity> = new Map(RULES.map((r) => [r.id, r.severity]));
