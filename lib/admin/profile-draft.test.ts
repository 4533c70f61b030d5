import { describe, expect, it } from 'vitest';
import { DEFAULT_RULE_PROFILE } from '@/lib/domain/rules';
import { draftOf, profileJson, profileOfDraft } from './profile-draft';

describe('the rule-profile editor’s draft', () => {
  it('shows shares as percentages and gives the defaults back unchanged, stored as null', () => {
    const d = draftOf(DEFAULT_RULE_PROFILE);
    expect(d).toMatchObject({ minQuantitativeShare: '50', minSatisfaction: '80', costFarBelowRatio: '50' });
    const r = profileOfDraft(d);
    expect(r).toEqual({ ok: true, profile: DEFAULT_RULE_PROFILE });
    expect(profileJson(DEFAULT_RULE_PROFILE)).toBeNull();
  });

  it('turns typed percentages back into shares, a trailing % allowed', () => {
    const r = profileOfDraft({ ...draftOf(DEFAULT_RULE_PROFILE), minQuantitativeShare: '29', costFarBelowRatio: '30%', disabledRules: ['plan.year-end-missing'] });
    expect(r.ok && r.profile).toMatchObject({ minQuantitativeShare: 0.29, costFarBelowRatio: 0.3, disabledRules: ['plan.year-end-missing'] });
    expect(JSON.parse(profileJson(r.ok ? r.profile : DEFAULT_RULE_PROFILE)!)).toMatchObject({ minQuantitativeShare: 0.29 });
  });

  it('puts each schema message beside its field', () => {
    const r = profileOfDraft({ minQuantitativeShare: '120', minSatisfaction: '', costFarBelowRatio: 'abc', codePattern: '([', disabledRules: ['no.such-rule'], yellowFrom: '60', greenFrom: '50', blueFrom: '200', excellent: '90', good: '95', pass: '60' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual({
      minQuantitativeShare: '应在 0%–100% 之间',
      minSatisfaction: '请填写 0–100 之间的百分数',
      costFarBelowRatio: '请填写 0%–100% 之间的比例',
      codePattern: '不是有效的正则表达式',
      disabledRules: '没有这个规则编号',
      greenFrom: '绿灯起点应高于黄灯起点',
      good: '良的起点应低于优的起点',
    });
  });

  it('refuses the nested-quantifier pattern beside its field, in Chinese (issue #20 item 2)', () => {
    const r = profileOfDraft({ ...draftOf(DEFAULT_RULE_PROFILE), codePattern: '^([0-9A-Z]+)+$' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.codePattern).toContain('括号后面不能再加重复');
    expect(profileOfDraft({ ...draftOf(DEFAULT_RULE_PROFILE), codePattern: '^[0-9A-Z]+$' }).ok).toBe(true);
  });

  it('keeps the 自评等级 thresholds, nested in the profile; 80/70/60 as some provinces use', () => {
    const r = profileOfDraft({ ...draftOf(DEFAULT_RULE_PROFILE), excellent: '80', good: '70', pass: '60' });
    expect(r.ok && r.profile.gradeThresholds).toEqual({ excellent: 80, good: 70, pass: 60 });
    expect(profileJson(r.ok ? r.profile : DEFAULT_RULE_PROFILE)).toContain('"gradeThresholds"');
    const bad = profileOfDraft({ ...draftOf(DEFAULT_RULE_PROFILE), pass: '85' });
    expect(bad.ok === false && bad.errors.pass).toBe('中的起点应低于良的起点');
  });

  it('keeps the light thresholds, nested in the profile', () => {
    const r = profileOfDraft({ ...draftOf(DEFAULT_RULE_PROFILE), yellowFrom: '50', greenFrom: '75%', blueFrom: '150' });
    expect(r.ok && r.profile.lightThresholds).toEqual({ yellowFrom: 50, greenFrom: 75, blueFrom: 150 });
    expect(profileJson(r.ok ? r.profile : DEFAULT_RULE_PROFILE)).toContain('"lightThresholds"');
    const bad = profileOfDraft({ ...draftOf(DEFAULT_RULE_PROFILE), blueFrom: 'x' });
    expect(!bad.ok && bad.errors).toEqual({ blueFrom: '请填写 0–1000 之间的百分数' });
  });
});
