/**
 * The rules engine: one pure module checking a table, or a whole unit-year, against the framework and
 * the money. The editor, the server (on save and submission), the importer and the reviewer's checklist
 * all call it.
 */
import { formatWanyuan, parseWanyuan } from '../money';
import type { TargetTable } from '../table';
import { RULE_SEVERITY } from './catalogue';
import { checkFramework } from './framework-rules';
import { checkCode, checkIdentity } from './identity-rules';
import { checkMoney } from './money-rules';
import { checkLastYear } from './last-year-rules';
import { checkPlan } from './plan-rules';
import type { Check, Finding, Report, RuleContext, UnitYearInput } from './types';
import { checkValues } from './value-rules';
import { checkWording } from './wording-rules';

export { RULES, type RuleInfo } from './catalogue';
export { DEFAULT_RULE_PROFILE, ruleProfileSchema } from './profile';
export type { Finding, RuleContext, RuleProfile, Severity, UnitYearInput } from './types';

const CHECKS: readonly Check[] = [checkFramework, checkMoney, checkPlan, checkValues, checkWording, checkCode, checkLastYear];

function reporter(table: TargetTable, ctx: RuleContext, out: Finding[]): Report {
  const disabled = ctx.profile.disabledRules;
  return (rule, path, message) => {
    if (disabled.includes(rule)) return;
    out.push({ severity: RULE_SEVERITY.get(rule) ?? 'error', rule, project: table.code, path, message });
  };
}

export function checkTable(table: TargetTable, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  const report = reporter(table, ctx, out);
  for (const check of CHECKS) check(table, ctx, report);
  return out;
}

export function checkUnitYear(input: UnitYearInput, ctx: RuleContext): Finding[] {
  const out: Finding[] = [];
  for (const t of input.tables) out.push(...checkTable(t, ctx));
  checkIdentity(input.tables, input.mentions ?? [], input.titles ?? [], (t) => reporter(t, ctx, out));
  if (input.projectExpenditure !== null && !ctx.profile.disabledRules.includes('money.project-expenditure-mismatch')) {
    const expected = parseWanyuan(input.projectExpenditure);
    let sum = 0;
    for (const t of input.tables) {
      const r = parseWanyuan(t.budget.total);
      if (r.ok) sum += r.yuan;
    }
    if (expected.ok && sum !== expected.yuan) {
      const diff = sum - expected.yuan;
      out.push({
        severity: 'error',
        rule: 'money.project-expenditure-mismatch',
        project: '',
        path: 'unitYear',
        message: `各项目预算数合计 ${formatWanyuan(sum)} 万元，与单位项目支出 ${input.projectExpenditure} 万元${diff > 0 ? '多' : '少'} ${formatWanyuan(Math.abs(diff))} 万元：请核对各项目的预算数或本年度的项目支出`,
      });
    }
  }
  return out;
}

export function hasErrors(findings: readonly Finding[]): boolean {
  return findings.some((f) => f.severity === 'error');
}
