/**
 * The effect of a rule profile on a unit-year, computed without checking the tables again: the
 * administrator's editor shows how many findings the tables would get while the profile is edited.
 *
 * `effectBasis` checks every table once per framework with the threshold rules switched off, counting
 * the other rules' findings and collecting every value the threshold rules measure; `effectOf` then
 * applies any profile to that basis with the same comparisons the rules use (`BREAKS`).
 */
import type { Framework } from '../framework';
import type { TargetTable } from '../table';
import { RULE_SEVERITY } from './catalogue';
import { checkTable } from './index';
import { DEFAULT_RULE_PROFILE } from './profile';
import { BREAKS, THRESHOLD_RULES, type Measured, type ThresholdRule } from './thresholds';
import type { RuleContext, RuleProfile } from './types';

type Samples = { [R in ThresholdRule]: Measured[R][] };

export type FrameworkBasis = {
  /** Findings per rule id, threshold rules aside, summed over the unit-year's tables. */
  fixed: Record<string, number>;
  samples: Samples;
};

export type EffectBasis = { tables: number; byFramework: Record<string, FrameworkBasis> };

export type Effect = { errors: number; warnings: number; byRule: Record<string, number> };

/** `frameworks` keyed as the caller will look them up (the administration page uses database ids). */
export function effectBasis(tables: readonly TargetTable[], frameworks: Record<string, Framework>, year: number): EffectBasis {
  const byFramework: Record<string, FrameworkBasis> = {};
  const profile: RuleProfile = { ...DEFAULT_RULE_PROFILE, disabledRules: [...THRESHOLD_RULES] };
  for (const [key, framework] of Object.entries(frameworks)) {
    const samples: Samples = { 'wording.quantitative-share': [], 'value.satisfaction-low': [], 'money.cost-far-below-budget': [], 'identity.code-format': [] };
    const ctx: RuleContext = {
      framework,
      year,
      profile,
      measure: (rule, value) => (samples[rule] as (typeof value)[]).push(value),
    };
    const fixed: Record<string, number> = {};
    for (const t of tables) for (const f of checkTable(t, ctx)) fixed[f.rule] = (fixed[f.rule] ?? 0) + 1;
    byFramework[key] = { fixed, samples };
  }
  return { tables: tables.length, byFramework };
}

function countBreaking<R extends ThresholdRule>(rule: R, samples: Samples, profile: RuleProfile): number {
  const breaks = BREAKS[rule] as (value: Measured[R], p: RuleProfile) => boolean;
  let n = 0;
  for (const v of samples[rule] as Measured[R][]) if (breaks(v, profile)) n++;
  return n;
}

/** The findings the unit-year's tables would get under `profile` (the same total as checking each table). */
export function effectOf(basis: FrameworkBasis, profile: RuleProfile): Effect {
  const byRule: Record<string, number> = {};
  for (const [rule, n] of Object.entries(basis.fixed)) if (!profile.disabledRules.includes(rule)) byRule[rule] = n;
  for (const rule of THRESHOLD_RULES) {
    if (profile.disabledRules.includes(rule)) continue;
    const n = countBreaking(rule, basis.samples, profile);
    if (n > 0) byRule[rule] = n;
  }
  let errors = 0;
  let warnings = 0;
  for (const [rule, n] of Object.entries(byRule)) {
    if ((RULE_SEVERITY.get(rule) ?? 'error') === 'error') errors += n;
    else warnings += n;
  }
  return { errors, warnings, byRule };
}
