import { z } from 'zod';
import '@/lib/domain/schemas';
import { LIMITS } from '@/lib/domain/limits';
import { parseWanyuan } from '@/lib/domain/money';

const id = z.number({ error: '编号无效' }).int().positive();

export const proposeAdjustmentInput = z.object({
  projectId: id,
  reason: z.string().trim().min(1, '请填写调整理由').max(LIMITS.reasonLength, `调整理由不能超过 ${LIMITS.reasonLength} 字`),
  budgetAfter: z
    .string()
    .trim()
    .max(20)
    .superRefine((v, ctx) => {
      const r = parseWanyuan(v);
      if (!r.ok) ctx.addIssue({ code: 'custom', message: `调整后全年预算数：${r.message}` });
    }),
  goalAfter: z.string().trim().min(1, '请填写调整后的年度目标').max(LIMITS.longTextLength),
  rows: z
    .array(
      z.object({
        rowKey: z.string().min(1).max(40),
        after: z.string().trim().max(LIMITS.cellLength, `调整后指标值不能超过 ${LIMITS.cellLength} 字`),
        reason: z.string().trim().max(LIMITS.reasonLength),
      }),
    )
    .max(LIMITS.indicatorRows),
});

export const decideAdjustmentInput = z.object({
  adjustmentId: id,
  version: z.number().int().positive(),
  reason: z.string().trim().max(LIMITS.reasonLength).optional(),
});

export type ProposeAdjustmentInput = z.output<typeof proposeAdjustmentInput>;
export type DecideAdjustmentInput = z.output<typeof decideAdjustmentInput>;
