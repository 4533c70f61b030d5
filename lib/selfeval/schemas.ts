/** The zod schemas of self-evaluation: shared by the 自评表 editor and the server actions. */
import { z } from 'zod';
import '@/lib/domain/schemas';
import { LIMITS } from '@/lib/domain/limits';
import { parseWanyuan } from '@/lib/domain/money';
import { RATINGS } from '@/lib/domain/selfeval';

const id = z.number({ error: '编号无效' }).int().positive();
const text = (label: string, max: number) => z.string({ error: `${label}须为文本` }).max(max, `${label}不能超过 ${max} 字`);

/** An amount in 万元 that may be left empty while the 自评表 is a draft (final accounts may carry the 元). */
const amount = (label: string) =>
  z
    .string({ error: `${label}须为数字文本` })
    .trim()
    .max(24, `${label}格式不正确`)
    .superRefine((v, ctx) => {
      if (v === '') return;
      const r = parseWanyuan(v);
      if (!r.ok && !/^\d{1,12}\.\d{3,6}$/.test(v.replace(/,/g, ''))) ctx.addIssue({ code: 'custom', message: `${label}：${r.message}` });
    });

/** 分值 and 得分 are checked by the scoring (beside the cell), so a draft keeps whatever was typed. */
const points = (label: string) => text(label, 12).trim();

export const selfEvalEntrySchema = z.object({
  rowKey: z.string().min(1).max(40),
  actual: text('实际完成值', 200).trim(),
  weight: points('分值'),
  score: points('得分'),
  rating: z.enum(RATINGS, { error: '请选择达成年度指标、部分达成年度指标并具有一定效果或未达成年度指标且效果较差' }).nullable(),
  deviation: text('偏差原因分析及改进措施', 1000).trim(),
});

export const selfEvalDataSchema = z.object({
  funds: z.object({ initial: amount('年初预算数'), annual: amount('全年预算数'), executed: amount('全年执行数'), weight: points('资金分值') }),
  goalActual: text('实际完成情况', 2000).trim(),
  entries: z.array(selfEvalEntrySchema).max(LIMITS.indicatorRows),
});

export const saveSelfEvalInput = z.object({ selfEvalId: id, version: z.number().int().positive(), data: selfEvalDataSchema });

/** 从公开文本导入: the published 自评表 file (txt, html, xlsx, docx) as base64, with its name for its format. */
export const importSelfEvalInput = z.object({
  selfEvalId: id,
  version: z.number().int().positive(),
  fileName: z.string({ error: '请选择文件' }).trim().min(1, '请选择文件').max(255, '文件名过长'),
  file: z
    .string({ error: '请选择文件' })
    .min(1, '请选择文件')
    .max(Math.ceil(LIMITS.uploadBytes / 3) * 4 + 4, `文件不能超过 ${LIMITS.uploadBytes / 1024 / 1024} MB`)
    .regex(/^[A-Za-z0-9+/=]+$/, '文件内容无效'),
});

export const openSelfEvalRoundsInput = z.object({ unitYearIds: z.array(id).min(1, '请至少选择一个预算年度').max(500) });

export const selfEvalTransitionInput = z.object({
  selfEvalId: id,
  version: z.number().int().positive(),
  reason: z.string().trim().max(LIMITS.reasonLength, `理由不能超过 ${LIMITS.reasonLength} 字`).optional(),
});

export const setSelfEvalPublicInput = z.object({ unitYearId: id, isPublic: z.boolean({ error: '请选择是否公开' }) });

export type SaveSelfEvalInput = z.output<typeof saveSelfEvalInput>;
export type ImportSelfEvalInput = z.output<typeof importSelfEvalInput>;
export type OpenSelfEvalRoundsInput = z.output<typeof openSelfEvalRoundsInput>;
export type SelfEvalTransitionInput = z.output<typeof selfEvalTransitionInput>;
export type SetSelfEvalPublicInput = z.output<typeof setSelfEvalPublicInput>;
