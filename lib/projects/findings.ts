/** Runs the rules engine for a table in its unit-year (framework, year, rule profile). */
import type { UnitYearRow } from '@/db/schema';
import {
  checkTable,
  DEFAULT_RULE_PROFILE,
  ruleProfileSchema,
  type Finding,
  type RuleContext,
  type RuleProfile,
} from '@/lib/domain/rules';
import type { TargetTable } from '@/lib/domain/table';
import { loadFramework } from './framework';

export function ruleProfileOf(unitYear: Pick<UnitYearRow, 'ruleProfile'>): RuleProfile {
  if (!unitYear.ruleProfile) return DEFAULT_RULE_PROFILE;
  try {
    const parsed = ruleProfileSchema.safeParse({ ...DEFAULT_RULE_PROFILE, ...JSON.parse(unitYear.ruleProfile) });
    return parsed.success ? parsed.data : DEFAULT_RULE_PROFILE;
  } catch {
    return DEFAULT_RULE_PROFILE;
  }
}

export function ruleContextOf(unitYear: Pick<UnitYearRow, 'frameworkId' | 'year' | 'ruleProfile'>): RuleContext {
  return { framework: loadFramework(unitYear.frameworkId), year: unitYear.year, profile: ruleProfileOf(unitYear) };
}

export function findingsOf(table: TargetTable, unitYear: UnitYearRow): Finding[] {
  return checkTable(table, ruleContextOf(unitYear));
}

export function countFindings(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const f of findings) if (f.severity === 'error') errors++;
  return { errors, warnings: findings.length - errors };
}
