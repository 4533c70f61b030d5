/**
 * The zod schemas shared by forms (react-hook-form resolver) and server actions: one per input.
 * Messages are Chinese; paths follow the TargetTable shape so errors land beside their fields.
 * A draft saves at any time: the table schema refuses only what cannot be stored (wrong types, sizes over
 * the limits, a target number out of range). What is unfinished or wrong in a value the owner typed — an
 * empty amount, `35.555` 万元, a plan point of 120% — passes here, is stored as typed and is reported once
 * by the rules, whose errors block submission (not saving).
 */
import { z } from 'zod';
import { LIMITS } from './limits';
import { parseWanyuan } from './money';
import { COMPARATORS } from './target-value';
import { textField } from './text';

z.config(z.locales.zhCN());

/** Every text field: invisible characters handled (lib/domain/text.ts), trimmed, then its size checked. */
const text = (label: string, max: number) => textField(label).max(max, `${label}不能超过 ${max} 字`);

const required = (label: string, max: number) => text(label, max).min(1, `请填写${label}`);

export const amountSchema = (label: string) =>
  textField(label)
    .max(20, `${label}格式不正确`)
    .superRefine((v, ctx) => {
      const r = parseWanyuan(v);
      if (!r.ok) ctx.addIssue({ code: 'custom', message: `${label}：${r.message}` });
    });

/**
 * An amount of a draft: empty (saved as 0.00, so the owner can save before the budget is known), a valid
 * 万元 amount (stored exactly in integer 元), or text that is not one (`35.555`, `35,5`), stored as typed
 * and reported by `money.invalid-amount` beside the field until it is corrected.
 */
const draftAmountSchema = (label: string) => textField(label).max(LIMITS.typedAmountLength, `${label}不能超过 ${LIMITS.typedAmountLength} 个字符`);

const optionalAmountSchema = (label: string) =>
  draftAmountSchema(label)
    .nullable()
    .transform((v) => (v === null || v === '' ? null : v));

/**
 * A number a draft may leave empty: an empty input (NaN from the form, or null) is an unfinished
 * value, saved as such and reported by the rules; a number out of range is refused.
 */
const draftNumber = (range: { min: number; max: number; isInteger?: boolean }, message: string) => {
  const n = z.number({ error: message }).min(range.min, message).max(range.max, message);
  return z.union([z.nan(), z.null(), range.isInteger ? n.int(message) : n], { error: message }).transform((v) => (v === null || Number.isNaN(v) ? null : v));
};

export const targetSchema = z.discriminatedUnion(
  'kind',
  [
    z.object({
      kind: z.literal('quantity'),
      op: z.enum(COMPARATORS, { error: '比较符须为 ≥ ≤ = > < 之一' }),
      number: draftNumber({ min: -1e12, max: 1e12 }, '数值应为数字（绝对值不超过 1 万亿）'),
      unit: text('单位', 20),
    }),
    z.object({
      kind: z.literal('deadline'),
      year: draftNumber({ min: 1990, max: 2100, isInteger: true }, '年份应为 1990–2100 的整数，或不填'),
      month: draftNumber({ min: 1, max: 12, isInteger: true }, '月份应为 1–12 的整数'),
      day: draftNumber({ min: 1, max: 31, isInteger: true }, '日期应为 1–31 的整数，或不填'),
      suffix: text('日期后的文字', 50).optional(),
    }),
    z.object({ kind: z.literal('text') }),
  ],
  { error: '指标值类型须为数量、日期或文字' },
);

export const indicatorSchema = z.object({
  key: z.string().max(40).regex(/^[A-Za-z0-9_-]*$/, '行标识无效').optional(),
  level1: required('一级指标', 50),
  level2: required('二级指标', 50),
  name: text('三级指标', LIMITS.cellLength),
  description: text('指标描述', LIMITS.cellLength),
  value: text('指标值', LIMITS.cellLength),
  target: targetSchema,
  basis: text('指标值确定依据', LIMITS.cellLength),
  isPlaceholder: z.boolean(),
  /** Kept from an imported 中长期/实施期 column; the editor carries it through unchanged. */
  longtermValue: text('中长期指标值', LIMITS.cellLength).optional(),
});

export const checkpointSchema = z.object({
  month: z.number({ error: '请填写月份' }).int('月份应为整数').min(1, '月份应为 1–12').max(12, '月份应为 1–12'),
  // Empty (null/NaN from the form) is a point still to fill; out of 0–100 is stored and reported by the plan rules.
  percent: draftNumber({ min: -1e6, max: 1e6 }, '百分比应为数字'),
});

export const tableSchema = z.object({
  code: required('项目编码', LIMITS.codeLength).regex(/^[0-9A-Za-z-]+$/, '项目编码只能包含字母、数字和连字符'),
  name: required('项目名称', LIMITS.nameLength),
  budget: z.object({
    total: draftAmountSchema('预算数'),
    fiscal: draftAmountSchema('财政资金'),
    other: optionalAmountSchema('其他资金'),
  }),
  purpose: text('资金用途', LIMITS.longTextLength),
  goal: text('绩效目标', LIMITS.longTextLength),
  longtermGoal: text('中长期目标', LIMITS.longTextLength).optional(),
  amountUnit: z.enum(['元', '万元'], { error: '金额单位须为元或万元' }).optional(),
  schedule: z.array(checkpointSchema).max(LIMITS.checkpoints, `资金支出计划最多 ${LIMITS.checkpoints} 个时间点`),
  indicators: z.array(indicatorSchema).max(LIMITS.indicatorRows, `每张表最多 ${LIMITS.indicatorRows} 行指标`),
});

export type TableInput = z.input<typeof tableSchema>;
export type TableData = z.output<typeof tableSchema>;

const id = (label: string) => z.number({ error: `${label}无效` }).int(`${label}无效`).positive(`${label}无效`);

export const saveTableInput = z.object({ projectId: id('项目'), version: id('版本号'), table: tableSchema });
export const createTableInput = z.object({ unitYearId: id('预算年度'), table: tableSchema });
export const projectRefInput = z.object({ projectId: id('项目') });
export const transitionInput = z.object({
  projectId: id('项目'),
  version: id('版本号'),
  reason: text('理由', LIMITS.reasonLength).optional(),
  comments: z
    .array(z.object({ target: textField('意见位置').max(80).nullable(), body: required('意见', LIMITS.reasonLength) }))
    .max(100)
    .optional(),
});
export const bulkApproveInput = z.object({
  items: z.array(z.object({ projectId: id('项目'), version: id('版本号') })).min(1, '请选择要审核的表').max(500),
  /** The sign-off note of a bulk approval, recorded as each approval's reason. */
  note: text('签署意见', LIMITS.reasonLength).trim().optional(),
});
