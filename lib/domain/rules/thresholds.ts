/**
 * The four rules whose outcome depends on a number (or pattern) in the rule profile. Each compares one
 * measured value with the profile here, and reports that value through `RuleContext.measure` first, so
 * the administration page can show the effect of another threshold without checking every table again.
 */
import { compileCodePattern, type CodeMatcher } from './code-pattern';
import type { RuleProfile } from './types';

export type ThresholdRule = 'wording.quantitative-share' | 'value.satisfaction-low' | 'money.cost-far-below-budget' | 'identity.code-format';

/** What each threshold rule measures: a share (0–1), a percentage, a cost/budget ratio, a project code. */
export type Measured = {
  'wording.quantitative-share': number;
  'value.satisfaction-low': number;
  'money.cost-far-below-budget': number;
  'identity.code-format': string;
};

export const THRESHOLD_RULES: readonly ThresholdRule[] = ['wording.quantitative-share', 'value.satisfaction-low', 'money.cost-far-below-budget', 'identity.code-format'];

// A unit-year's pattern is compiled once, not once per table.
const compiled = new Map<string, CodeMatcher | null>();

/**
 * The matcher of a profile's code pattern (code-pattern.ts: linear, never a backtracking RegExp). The
 * profile schema refuses patterns outside the safe subset; one stored before it (or otherwise slipped
 * through) checks nothing rather than risk stalling the server.
 */
export function codeMatcher(pattern: string): CodeMatcher | null {
  if (!compiled.has(pattern)) {
    if (compiled.size >= 100) compiled.clear();
    compiled.set(pattern, compileCodePattern(pattern));
  }
  return compiled.get(pattern) ?? null;
}

/** Whether the measured value breaks the rule under `profile`: the one place each threshold is compared. */
export const BREAKS: { [R in ThresholdRule]: (value: Measured[R], profile: RuleProfile) => boolean } = {
  'wording.quantitative-share': (share, p) => share < p.minQuantitativeShare,
  'value.satisfaction-low': (percent, p) => percent < p.minSatisfaction,
  'money.cost-far-below-budget': (ratio, p) => ratio < p.costFarBelowRatio,
  'identity.code-format': (code, p) => codeMatcher(p.codePattern)?.(code) === false,
};
