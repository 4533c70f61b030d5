/**
 * The reference document holds real, approved tables: the rules must find no error in it, and every
 * warning they do give is listed here with the reason it is right.
 */
import { describe, expect, it } from 'vitest';
import { FRAMEWORK_2015 } from '@/lib/domain/framework';
import { parsePublished } from '@/lib/format/published/parse';
import { referenceText } from '@/lib/format/published/testing/reference';
import { checkUnitYear, DEFAULT_RULE_PROFILE, hasErrors } from './index';

const doc = parsePublished(referenceText());
const ctx = { framework: FRAMEWORK_2015, year: 2024, profile: DEFAULT_RULE_PROFILE };
const input = {
  tables: doc.projects,
  projectExpenditure: doc.projectExpenditure,
  mentions: doc.mentions,
  titles: doc.projects.map((p) => ({ code: p.code, title: p.source.title })),
};
const findings = checkUnitYear(input, ctx);
const count = (rule: string) => findings.filter((f) => f.rule === rule).length;
const codeOf = (n: number) => doc.projects[n - 1]!.code;

describe('rules on the reference (real approved tables)', () => {
  it('give no error', () => {
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(hasErrors(findings)).toBe(false);
  });

  it('warn about the 17 tables that print no year-end checkpoint', () => {
    // Only tables 2, 12, 13, 17, 21 and 23 print 12 月底 100%; the other 17 stop at 10 月底 75%.
    const withYearEnd = [2, 12, 13, 17, 21, 23].map(codeOf);
    const warned = findings.filter((f) => f.rule === 'plan.year-end-missing').map((f) => f.project);
    expect(warned).toHaveLength(17);
    expect(warned.some((c) => withYearEnd.includes(c))).toBe(false);
  });

  it('warn about six names that differ between a table and the budget narrative', () => {
    // Each pair is a real discrepancy in the published text: 信访慰问/信访维稳 (table 1), 服务/服务经费 (4),
    // the stray "]" (5), 工作费用/工作经费 (10), 服务费/服务经费 (11), 通信/通讯 (17).
    const warned = findings.filter((f) => f.rule === 'identity.name-mismatch').map((f) => f.project);
    expect(warned.sort()).toEqual([1, 4, 5, 10, 11, 17].map(codeOf).sort());
    expect(findings.find((f) => f.rule === 'identity.name-mismatch' && f.project === codeOf(1))!.message).toContain('信访维稳');
  });

  it('warn about the one timeliness target that is neither a deadline, a duration nor a rate', () => {
    // Table 16: "系统在规定时间内维护，不延期" names no time. Table 8's "评审工作完成 1 个月之内发放" is a time
    // limit counted from the review (domain.md lists it among the deadlines) and is not warned about.
    expect(findings.filter((f) => f.rule === 'value.timeliness-form').map((f) => f.project)).toEqual([codeOf(16)]);
  });

  it('do not warn where "服务对象满意度" names its category, the framework’s own wording', () => {
    // 14 of the 23 tables call the satisfaction indicator 服务对象满意度 (or 满意率): a convention, not a fault.
    expect(count('wording.name-repeats-level2')).toBe(0);
  });

  it('warn about the one vague 质量指标 value, and not about the qualitative 效益指标 the reference is full of', () => {
    // Table 12's 吸引人才质量 "较高质量" says no level that could be checked. The 效益指标 values (有效提升,
    // 完成良好 in 20 tables) are qualitative by convention and left to wording.quantitative-share.
    const vague = findings.filter((f) => f.rule === 'wording.vague-value');
    expect(vague.map((f) => [f.project, f.path])).toEqual([[codeOf(12), 'indicators.1.value']]);
    expect(vague[0]!.message).toContain('较高质量');
  });

  it('fire no rule on more than half of the tables except plan.year-end-missing (docs/rules.md says why)', () => {
    const tablesPerRule = new Map<string, Set<string>>();
    for (const f of findings) tablesPerRule.set(f.rule, (tablesPerRule.get(f.rule) ?? new Set()).add(f.project));
    const noisy = [...tablesPerRule].filter(([, tables]) => tables.size > doc.projects.length / 2).map(([rule]) => rule);
    expect(noisy).toEqual(['plan.year-end-missing']);
  });

  it('give no other kind of warning', () => {
    const kinds = new Set(findings.map((f) => f.rule));
    expect([...kinds].sort()).toEqual(
      ['identity.name-mismatch', 'plan.year-end-missing', 'value.timeliness-form', 'wording.vague-value'].sort(),
    );
  });

  it('turn table 1’s cost target of ≤12 万元 (budget 10.00) into an error on that project', () => {
    const tables = structuredClone(doc.projects);
    const row = tables[0]!.indicators.find((r) => r.level2 === '成本指标')!;
    row.value = '≤12 万元';
    row.target = { kind: 'quantity', op: '<=', number: 12, unit: '万元' };
    const errors = checkUnitYear({ ...input, tables }, ctx).filter((f) => f.severity === 'error');
    expect(errors).toEqual([
      expect.objectContaining({ rule: 'money.cost-exceeds-budget', project: codeOf(1), path: 'indicators.5.value' }),
    ]);
    expect(errors[0]!.message).toContain('超过项目预算 10.00 万元');
  });
});
