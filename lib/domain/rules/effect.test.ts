import { describe, expect, it } from 'vitest';
import { FRAMEWORK_2015, FRAMEWORK_2021, type Framework } from '../framework';
import { parsePublished } from '@/lib/format/published/parse';
import { referenceText } from '@/lib/format/published/testing/reference';
import { effectBasis, effectOf } from './effect';
import { checkTable, DEFAULT_RULE_PROFILE, type RuleProfile } from './index';
import { edit, q, setValue, ROW } from './test-fixtures';

const reference = parsePublished(referenceText()).projects;
// The reference plus tables that sit on either side of each threshold.
const tables = [
  ...reference,
  edit((t) => setValue(t, ROW.cost, '≤4 万元', q('<=', 4, '万元'))),
  edit((t) => setValue(t, ROW.satisfaction, '≥85%', q('>=', 85, '%'))),
  edit((t) => (t.code = 'X-1')),
];

function direct(framework: Framework, profile: RuleProfile) {
  const byRule: Record<string, number> = {};
  let errors = 0;
  let warnings = 0;
  for (const t of tables) {
    for (const f of checkTable(t, { framework, year: 2024, profile })) {
      byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
      if (f.severity === 'error') errors++;
      else warnings++;
    }
  }
  return { errors, warnings, byRule };
}

const PROFILES: [string, RuleProfile][] = [
  ['the defaults', DEFAULT_RULE_PROFILE],
  ['stricter thresholds', { ...DEFAULT_RULE_PROFILE, minQuantitativeShare: 0.9, minSatisfaction: 95, costFarBelowRatio: 0.9, codePattern: '^1308' }],
  ['looser thresholds', { ...DEFAULT_RULE_PROFILE, minQuantitativeShare: 0, minSatisfaction: 0, costFarBelowRatio: 0, codePattern: '.*' }],
  ['rules switched off', { ...DEFAULT_RULE_PROFILE, disabledRules: ['plan.year-end-missing', 'wording.vague-value', 'identity.code-format', 'money.cost-far-below-budget'] }],
];

describe('the effect of a rule profile, from one pass over the tables', () => {
  const basis = effectBasis(tables, { a: FRAMEWORK_2015, b: FRAMEWORK_2021 }, 2024);
  for (const [name, profile] of PROFILES) {
    it(`equals checking every table again: ${name}`, () => {
      expect(effectOf(basis.byFramework.a!, profile)).toEqual(direct(FRAMEWORK_2015, profile));
      expect(effectOf(basis.byFramework.b!, profile)).toEqual(direct(FRAMEWORK_2021, profile));
    });
  }
  it('moves with each threshold (so the comparison above is not trivially zero)', () => {
    const a = basis.byFramework.a!;
    expect(effectOf(a, DEFAULT_RULE_PROFILE).byRule).toMatchObject({ 'money.cost-far-below-budget': 1, 'identity.code-format': 1 });
    expect(effectOf(a, { ...DEFAULT_RULE_PROFILE, minSatisfaction: 90 }).byRule['value.satisfaction-low']).toBe(1);
    expect(effectOf(a, { ...DEFAULT_RULE_PROFILE, minQuantitativeShare: 0.9 }).byRule['wording.quantitative-share']).toBeGreaterThan(0);
    expect(basis.tables).toBe(tables.length);
  });
});
