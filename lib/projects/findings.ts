/** Runs the rules engine for a table in its unit-year (framework, year, rule profile). */
import { loadUnitYearBundles, setFindingCounts, type FindingCounts } from '@/db/queries/finding-counts';
import type { PreviousTable } from '@/db/queries/last-year';
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
import { lastYearLookup } from '@/lib/library/last-year';
import { loadFramework } from './framework';
import { bundleToTable } from './mapping';

export function ruleProfileOf(unitYear: Pick<UnitYearRow, 'ruleProfile'>): RuleProfile {
  if (!unitYear.ruleProfile) return DEFAULT_RULE_PROFILE;
  try {
    const parsed = ruleProfileSchema.safeParse({ ...DEFAULT_RULE_PROFILE, ...JSON.parse(unitYear.ruleProfile) });
    return parsed.success ? parsed.data : DEFAULT_RULE_PROFILE;
  } catch {
    return DEFAULT_RULE_PROFILE;
  }
}

export async function ruleContextOf(unitYear: Pick<UnitYearRow, 'frameworkId' | 'year' | 'ruleProfile'>): Promise<RuleContext> {
  return { framework: await loadFramework(unitYear.frameworkId), year: unitYear.year, profile: ruleProfileOf(unitYear) };
}

/**
 * The context for checking `table` in its unit-year, with last year's rows it continues (指标值偏低);
 * `lastYearTables`: the previous year's tables, when already read.
 */
export async function tableRuleContextOf(
  unitYear: Pick<UnitYearRow, 'frameworkId' | 'year' | 'ruleProfile' | 'unitId'>,
  table: Pick<TargetTable, 'code' | 'name'>,
  lastYearTables?: readonly PreviousTable[],
): Promise<RuleContext> {
  return { ...(await ruleContextOf(unitYear)), lastYear: await lastYearLookup(unitYear, [table], lastYearTables) };
}

export async function findingsOf(table: TargetTable, unitYear: UnitYearRow, lastYearTables?: readonly PreviousTable[]): Promise<Finding[]> {
  return checkTable(table, await tableRuleContextOf(unitYear, table, lastYearTables));
}

export function countFindings(findings: readonly Finding[]): { errors: number; warnings: number } {
  let errors = 0;
  for (const f of findings) if (f.severity === 'error') errors++;
  return { errors, warnings: findings.length - errors };
}

export type UnitYearCounts = { tables: number; tablesWithErrors: number; errors: number; warnings: number; perTable: FindingCounts[] };

/** Per-table counts of every table of a unit-year under `ctx` (which need not be the stored one: a preview). */
export async function countUnitYear(unitYearId: number, ctx: RuleContext): Promise<UnitYearCounts> {
  const perTable: FindingCounts[] = [];
  let errors = 0;
  let warnings = 0;
  let tablesWithErrors = 0;
  for (const bundle of await loadUnitYearBundles(unitYearId)) {
    const c = countFindings(checkTable(bundleToTable(bundle), ctx));
    perTable.push({ projectId: bundle.project.id, ...c });
    errors += c.errors;
    warnings += c.warnings;
    if (c.errors > 0) tablesWithErrors++;
  }
  return { tables: perTable.length, tablesWithErrors, errors, warnings, perTable };
}

/**
 * Recounts and stores every table's findings after the unit-year's framework or rule profile changed.
 * Call inside that change's transaction, so the list never shows counts from the old settings.
 */
export async function recountUnitYear(unitYear: UnitYearRow): Promise<UnitYearCounts & { changed: number }> {
  const counts = await countUnitYear(unitYear.id, { ...(await ruleContextOf(unitYear)), lastYear: await lastYearLookup(unitYear) });
  return { ...counts, changed: await setFindingCounts(counts.perTable) };
}
