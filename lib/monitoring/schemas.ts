/** The zod schemas of monitoring: shared by the report editor and the server actions. */
import { z } from 'zod';
import '@/lib/domain/schemas';
import { DEVIATION_REASONS, LIKELIHOODS } from '@/lib/domain/monitoring';
import { LIMITS } from '@/lib/domain/limits';
import { parseWanyuan } from '@/lib/domain/money';

const id = z.number({ error: '编号无效' }).int().positive();
const text = (label: string, max: number) => z.string({ error: `${label}须为文本` }).max(max, `${label}不能超过 ${max} 字`);

/** An amount in 万元 that may be left empty while the report is a draft. */
const amount = (label: string) =>
  z
    .string({ error: `${label}须为数字文本` })
    .trim()
    .max(20, `${label}格式不正确`)
    .superRefine((v, ctx) => {
      if (v === '') return;
      const r = parseWanyuan(v);
      if (!r.ok) ctx.addIssue({ code: 'custom', message: `${label}：${r.message}` });
    });

export const reportEntrySchema = z.object({
  rowKey: z.string().min(1).max(40),
  actual: text('1–X月执行情况', 200).trim(),
  forecast: text('全年预计完成情况', 200).trim(),
  reasons: z.array(z.enum(DEVIATION_REASONS, { error: '偏差原因须为经费保障、制度保障、人员保障、硬件条件保障或其他' })).max(DEVIATION_REASONS.length),
  reasonText: text('偏差原因说明', 500).trim(),
  likelihood: z.enum(LIKELIHOODS, { error: '完成目标可能性须为确定能、有可能或完全不可能' }).nullable(),
  note: text('备注', 200).trim(),
  cumulative: z.boolean().nullable(),
});

export const reportDataSchema = z.object({
  budget: amount('全年预算数').refine((v) => v !== '', '请填写全年预算数'),
  executed: amount('1–X月执行数'),
  forecast: amount('全年预计执行数'),
  goalProgress: text('目标实际累计完成情况', 2000).trim(),
  analysis: text('偏差情况及存在问题', 2000).trim(),
  needsRectification: z.boolean(),
  rectification: text('整改措施', 2000).trim(),
  entries: z.array(reportEntrySchema).max(LIMITS.indicatorRows),
});

export const saveReportInput = z.object({ reportId: id, version: z.number().int().positive(), report: reportDataSchema });

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export const openRoundsInput = z.object({
  unitYearIds: z.array(id).min(1, '请至少选择一个预算年度').max(500),
  month: z.number({ error: '请选择月份' }).int().min(1, '月份应为 1–12').max(12, '月份应为 1–12'),
  deadline: z
    .string({ error: '请填写截止日期' })
    .regex(ISO_DATE, '截止日期格式应为 2024-08-15')
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), '不是有效的日期'),
});

export const reportTransitionInput = z.object({
  reportId: id,
  version: z.number().int().positive(),
  reason: z.string().trim().max(LIMITS.reasonLength, `理由不能超过 ${LIMITS.reasonLength} 字`).optional(),
  comments: z
    .array(z.object({ target: z.string().max(80).nullable(), body: z.string().trim().min(1, '请填写意见').max(LIMITS.reasonLength) }))
    .max(200)
    .optional(),
});

export type SaveReportInput = z.output<typeof saveReportInput>;
export type OpenRoundsInput = z.output<typeof openRoundsInput>;
export type ReportTransitionInput = z.output<typeof reportTransitionInput>;
