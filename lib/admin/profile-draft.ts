/**
 * The rule-profile editor's form state and its conversion to the stored profile. Shares are typed as
 * percentages (50 for 0.5); the result is validated with the shared `ruleProfileSchema`, and saved as
 * the same JSON the unit-year action takes (null while it equals the defaults, so defaults stay live).
 */
import { DEFAULT_RULE_PROFILE, ruleProfileSchema, type RuleProfile } from '@/lib/domain/rules';

export type ProfileDraft = {
  minQuantitativeShare: string;
  minSatisfaction: string;
  costFarBelowRatio: string;
  codePattern: string;
  disabledRules: readonly string[];
  /** 监控预警灯 thresholds, typed as percentages of progress. */
  yellowFrom: string;
  greenFrom: string;
  blueFrom: string;
  /** 自评等级 thresholds, typed as points out of 100. */
  excellent: string;
  good: string;
  pass: string;
};

export type DraftField = keyof ProfileDraft;

/** The threshold fields: label, unit shown after the input, the rule it sets, and whether it is a 0–1 share. */
export const THRESHOLD_FIELDS = [
  { field: 'minQuantitativeShare', label: '定量指标占比下限', unit: '%', rule: 'wording.quantitative-share', isShare: true },
  { field: 'minSatisfaction', label: '满意度目标下限', unit: '%', rule: 'value.satisfaction-low', isShare: false },
  { field: 'costFarBelowRatio', label: '成本目标低于预算的比例下限', unit: '%', rule: 'money.cost-far-below-budget', isShare: true },
] as const;

/** The monitoring light thresholds: progress (%) from which a row shows each light. */
export const LIGHT_FIELDS = [
  { field: 'yellowFrom', label: '黄灯起点（执行进度）' },
  { field: 'greenFrom', label: '绿灯起点（执行进度）' },
  { field: 'blueFrom', label: '蓝灯起点（远超进度）' },
] as const;

/** The self-evaluation grade thresholds: the lowest 自评得分 of each grade. */
export const GRADE_FIELDS = [
  { field: 'excellent', label: '优（自评得分不低于）' },
  { field: 'good', label: '良（自评得分不低于）' },
  { field: 'pass', label: '中（自评得分不低于）' },
] as const;

const percentText = (share: number) => String(Math.round(share * 10_000) / 100);

export function draftOf(profile: RuleProfile): ProfileDraft {
  return {
    minQuantitativeShare: percentText(profile.minQuantitativeShare),
    minSatisfaction: String(profile.minSatisfaction),
    costFarBelowRatio: percentText(profile.costFarBelowRatio),
    codePattern: profile.codePattern,
    disabledRules: [...profile.disabledRules],
    yellowFrom: String(profile.lightThresholds.yellowFrom),
    greenFrom: String(profile.lightThresholds.greenFrom),
    blueFrom: String(profile.lightThresholds.blueFrom),
    excellent: String(profile.gradeThresholds.excellent),
    good: String(profile.gradeThresholds.good),
    pass: String(profile.gradeThresholds.pass),
  };
}

/** A typed number, or NaN (which the schema refuses with its message) for an empty or non-numeric input. */
function numberOf(text: string): number {
  const t = text.trim().replace(/[％%]$/, '').trim();
  return t === '' ? Number.NaN : Number(t);
}

export type DraftResult = { ok: true; profile: RuleProfile } | { ok: false; errors: Partial<Record<DraftField, string>> };

export function profileOfDraft(d: ProfileDraft): DraftResult {
  const parsed = ruleProfileSchema.safeParse({
    disabledRules: [...d.disabledRules],
    minQuantitativeShare: numberOf(d.minQuantitativeShare) / 100,
    minSatisfaction: numberOf(d.minSatisfaction),
    costFarBelowRatio: numberOf(d.costFarBelowRatio) / 100,
    codePattern: d.codePattern,
    lightThresholds: { yellowFrom: numberOf(d.yellowFrom), greenFrom: numberOf(d.greenFrom), blueFrom: numberOf(d.blueFrom) },
    gradeThresholds: { excellent: numberOf(d.excellent), good: numberOf(d.good), pass: numberOf(d.pass) },
  });
  if (parsed.success) return { ok: true, profile: parsed.data };
  const errors: Partial<Record<DraftField, string>> = {};
  for (const issue of parsed.error.issues) {
    // Light and grade thresholds are nested in the profile and flat in the form.
    const field = (issue.path[0] === 'lightThresholds' || issue.path[0] === 'gradeThresholds' ? issue.path[1] : issue.path[0]) as DraftField;
    errors[field] ??= issue.message;
  }
  return { ok: false, errors };
}

export function isDefaultProfile(p: RuleProfile): boolean {
  const d = DEFAULT_RULE_PROFILE;
  return (
    p.disabledRules.length === 0 &&
    p.minQuantitativeShare === d.minQuantitativeShare &&
    p.minSatisfaction === d.minSatisfaction &&
    p.costFarBelowRatio === d.costFarBelowRatio &&
    p.codePattern === d.codePattern &&
    p.lightThresholds.yellowFrom === d.lightThresholds.yellowFrom &&
    p.lightThresholds.greenFrom === d.lightThresholds.greenFrom &&
    p.lightThresholds.blueFrom === d.lightThresholds.blueFrom &&
    p.gradeThresholds.excellent === d.gradeThresholds.excellent &&
    p.gradeThresholds.good === d.gradeThresholds.good &&
    p.gradeThresholds.pass === d.gradeThresholds.pass
  );
}

/** What the unit-year action stores: null for the defaults, else the profile as JSON. */
export function profileJson(p: RuleProfile): string | null {
  return isDefaultProfile(p) ? null : JSON.stringify(p);
}
