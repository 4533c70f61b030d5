import { z } from 'zod';
import '../schemas';
import { RULES } from './catalogue';
import { codePatternProblem } from './code-pattern';
import { DEFAULT_LIGHT_THRESHOLDS } from '../lights';
import { DEFAULT_GRADE_THRESHOLDS } from '../scoring';
import type { RuleProfile } from './types';

export const DEFAULT_RULE_PROFILE: RuleProfile = {
  disabledRules: [],
  minQuantitativeShare: 0.5,
  minSatisfaction: 80,
  costFarBelowRatio: 0.5,
  codePattern: '^[0-9A-Z]{21}$',
  lightThresholds: DEFAULT_LIGHT_THRESHOLDS,
  gradeThresholds: DEFAULT_GRADE_THRESHOLDS,
};

const percent = z.number({ error: '请填写 0–1000 之间的百分数' }).min(0, '应在 0%–1000% 之间').max(1000, '应在 0%–1000% 之间');

/** Yellow from, green from, blue from: each above the one before, or a light could never show. */
export const lightThresholdsSchema = z
  .object({ yellowFrom: percent, greenFrom: percent, blueFrom: percent })
  .superRefine((t, ctx) => {
    if (t.greenFrom <= t.yellowFrom) ctx.addIssue({ code: 'custom', path: ['greenFrom'], message: '绿灯起点应高于黄灯起点' });
    if (t.blueFrom <= t.greenFrom) ctx.addIssue({ code: 'custom', path: ['blueFrom'], message: '蓝灯起点应高于绿灯起点' });
  });

const points = z.number({ error: '请填写 0–100 之间的分数' }).min(0, '应在 0–100 分之间').max(100, '应在 0–100 分之间');

/** 优 from, 良 from, 中 from: each below the one before, or a grade could never be given. */
export const gradeThresholdsSchema = z
  .object({ excellent: points, good: points, pass: points })
  .superRefine((t, ctx) => {
    if (t.good >= t.excellent) ctx.addIssue({ code: 'custom', path: ['good'], message: '良的起点应低于优的起点' });
    if (t.pass >= t.good) ctx.addIssue({ code: 'custom', path: ['pass'], message: '中的起点应低于良的起点' });
  });

const ruleIds = new Set(RULES.map((r) => r.id));

export const ruleProfileSchema = z.object({
  disabledRules: z.array(z.string().refine((id) => ruleIds.has(id), { message: '没有这个规则编号' })).max(100),
  // Shares are stored as 0–1 and shown as percentages, so the messages speak of both.
  minQuantitativeShare: z.number({ error: '请填写 0%–100% 之间的比例' }).min(0, '应在 0%–100% 之间').max(1, '应在 0%–100% 之间'),
  minSatisfaction: z.number({ error: '请填写 0–100 之间的百分数' }).min(0, '应在 0%–100% 之间').max(100, '应在 0%–100% 之间'),
  costFarBelowRatio: z.number({ error: '请填写 0%–100% 之间的比例' }).min(0, '应在 0%–100% 之间').max(1, '应在 0%–100% 之间'),
  codePattern: z
    .string()
    .min(1, '请填写项目编码格式')
    // The length limit is the matcher's too (code-pattern.ts), so it says it.
    .superRefine((p, ctx) => {
      const problem = codePatternProblem(p);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    }),
  lightThresholds: lightThresholdsSchema,
  gradeThresholds: gradeThresholdsSchema,
});
