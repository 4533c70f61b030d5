/** Value, wording and identity rules: each with a failing edit and the nearest edit that still passes. */
import { describe, expect, it } from 'vitest';
import type { TargetTable } from '../table';
import type { TargetValue } from '../target-value';
import { checkUnitYear } from './index';
import { ctx, edit, fails, good, passes, q, row, ROW, setValue, text, withProfile } from './test-fixtures';

const at = (i: number, value: string, target: TargetValue, name?: string) =>
  edit((t) => {
    setValue(t, i, value, target);
    if (name !== undefined) t.indicators[i]!.name = name;
  });
const deadline = (year: number | null, month: number, day: number | null): TargetValue => ({ kind: 'deadline', year, month, day, suffix: '前完成' });

describe('value rules', () => {
  it('value.quantity-required for 数量 and 成本; a bare number with a unit is a quantity', () => {
    fails('value.quantity-required', at(ROW.quantity, '较多', text));
    fails('value.quantity-required', at(ROW.cost, '按预算执行', text));
    passes('value.quantity-required', at(ROW.quantity, '31 个', q('=', 31, '个')));
  });
  it('value.timeliness-form accepts deadlines, durations and rates', () => {
    fails('value.timeliness-form', at(ROW.timeliness, '及时', text));
    passes('value.timeliness-form', at(ROW.timeliness, '12 月 20 日前完成', deadline(null, 12, 20)));
    passes('value.timeliness-form', at(ROW.timeliness, '≤1 小时', q('<=', 1, '小时')));
    passes('value.timeliness-form', at(ROW.timeliness, '100%', q('=', 100, '%')));
    passes('value.timeliness-form', at(ROW.timeliness, '评审工作完成 1 个月之内发放', text));
    passes('value.timeliness-form', at(ROW.timeliness, '收到申请后 5 个工作日内办结', text));
    fails('value.timeliness-form', at(ROW.timeliness, '系统在规定时间内维护，不延期', text));
  });
  it('value.percent-range: ≥100% is fine, 120% and >100% are not, unless the name says growth rate', () => {
    expect(fails('value.percent-range', at(ROW.quality, '≥120%', q('>=', 120, '%'))).message).toContain('增长率');
    fails('value.percent-range', at(ROW.quality, '>100%', q('>', 100, '%')));
    fails('value.percent-range', at(ROW.quality, '≥-5%', q('>=', -5, '%')));
    passes('value.percent-range', at(ROW.quality, '≥100%', q('>=', 100, '%')));
    passes('value.percent-range', at(ROW.quality, '100%', q('=', 100, '%')));
    passes('value.percent-range', at(ROW.quality, '≥120%', q('>=', 120, '%'), '案件增长率'));
  });
  it('value.deadline-outside-year: another year or a date that does not exist', () => {
    fails('value.deadline-outside-year', at(ROW.timeliness, '2025 年 3 月 1 日前完成', deadline(2025, 3, 1)));
    fails('value.deadline-outside-year', at(ROW.timeliness, '2 月 30 日前完成', deadline(null, 2, 30)));
    fails('value.deadline-outside-year', at(ROW.timeliness, '13 月前完成', deadline(null, 13, null)));
    passes('value.deadline-outside-year', at(ROW.timeliness, '2024 年 2 月 29 日前完成', deadline(2024, 2, 29)));
    passes('value.deadline-outside-year', at(ROW.timeliness, '12 月 31 日前完成', deadline(null, 12, 31)));
  });
  it('value.satisfaction-form: a percentage', () => {
    fails('value.satisfaction-form', at(ROW.satisfaction, '≥4 分', q('>=', 4, '分')));
    fails('value.satisfaction-form', at(ROW.satisfaction, '满意', text));
    passes('value.satisfaction-form', at(ROW.satisfaction, '100%', q('=', 100, '%')));
  });
  it('value.satisfaction-low: 80% is the default bound, and the profile moves it', () => {
    fails('value.satisfaction-low', at(ROW.satisfaction, '≥79.9%', q('>=', 79.9, '%')));
    passes('value.satisfaction-low', at(ROW.satisfaction, '≥80%', q('>=', 80, '%')));
    fails('value.satisfaction-low', at(ROW.satisfaction, '≥85%', q('>=', 85, '%')), withProfile({ minSatisfaction: 90 }));
  });
  it('value.direction: rates that should rise with ≤, costs and failure rates with ≥', () => {
    expect(fails('value.direction', at(ROW.quality, '≤92%', q('<=', 92, '%'))).message).toContain('≥');
    expect(fails('value.direction', at(ROW.cost, '≥10 万元', q('>=', 10, '万元'))).message).toContain('≤');
    fails('value.direction', at(ROW.social, '≥1%', q('>=', 1, '%'), '系统故障率'));
    fails('value.direction', at(ROW.satisfaction, '≤95%', q('<=', 95, '%'), '群众评价'));
    passes('value.direction', at(ROW.social, '≤1%', q('<=', 1, '%'), '系统故障率'));
    passes('value.direction', at(ROW.quality, '≥92%', q('>=', 92, '%'), '投诉处理完成率'));
  });
});

describe('commas and formula prefixes (issue #20 items 3 and 5)', () => {
  it('value.misplaced-comma: a comma in a number only as a thousands separator', () => {
    expect(fails('value.misplaced-comma', at(ROW.quantity, '≥35,5 件', text)).message).toContain('“35,5”');
    fails('value.misplaced-comma', at(ROW.quantity, '1,2,3,4 件', text));
    fails('value.misplaced-comma', at(ROW.quantity, '≥1,2345 件', text));
    passes('value.misplaced-comma', at(ROW.quantity, '≥1,234 件', q('>=', 1234, '件')));
    passes('value.misplaced-comma', at(ROW.quantity, '≥12,345,678 件', q('>=', 12345678, '件')));
  });
  it('wording.formula-prefix warns on text a spreadsheet would run, not on a negative number', () => {
    expect(fails('wording.formula-prefix', edit((t) => (t.indicators[ROW.social]!.basis = '=HYPERLINK("http://x")'))).path).toBe(`indicators.${ROW.social}.basis`);
    fails('wording.formula-prefix', edit((t) => (t.purpose = '@SUM(1)')));
    fails('wording.formula-prefix', edit((t) => (t.indicators[ROW.social]!.description = '+1+1')));
    passes('wording.formula-prefix', at(ROW.social, '-5', q('=', -5, '')));
    passes('wording.formula-prefix', edit((t) => (t.purpose = '用于 = 号两边的平衡')));
  });
});

describe('wording rules', () => {
  it('wording.goal-empty and wording.purpose-empty', () => {
    fails('wording.goal-empty', edit((t) => (t.goal = ' ')));
    passes('wording.goal-empty', edit((t) => (t.goal = '做好调解仲裁工作')));
    fails('wording.purpose-empty', edit((t) => (t.purpose = '')));
    passes('wording.purpose-empty', edit((t) => (t.purpose = '办案')));
  });
  it('wording.name-empty and wording.value-empty', () => {
    fails('wording.name-empty', edit((t) => (t.indicators[ROW.social]!.name = ' ')));
    passes('wording.name-empty', edit((t) => (t.indicators[ROW.social]!.name = '成功率')));
    fails('wording.value-empty', edit((t) => (t.indicators[ROW.social]!.value = '')));
    passes('wording.value-empty', at(ROW.social, '62%', q('=', 62, '%')));
  });
  it('wording.basis-empty', () => {
    fails('wording.basis-empty', edit((t) => (t.indicators[ROW.social]!.basis = '')));
    passes('wording.basis-empty', edit((t) => (t.indicators[ROW.social]!.basis = '工作计划、行业标准')));
  });
  it('wording.name-repeats-level2, with or without 指标', () => {
    fails('wording.name-repeats-level2', edit((t) => (t.indicators[ROW.social]!.name = '社会效益指标')));
    fails('wording.name-repeats-level2', edit((t) => (t.indicators[ROW.social]!.name = '社会 效益')));
    passes('wording.name-repeats-level2', edit((t) => (t.indicators[ROW.social]!.name = '劳动争议调解成功率')));
  });
  it('wording.name-repeats-level2 leaves 服务对象满意度, the framework’s own wording, alone', () => {
    passes('wording.name-repeats-level2', edit((t) => (t.indicators[ROW.satisfaction]!.name = '服务对象满意度')));
    passes('wording.name-repeats-level2', edit((t) => (t.indicators[ROW.satisfaction]!.name = '服务对象满意度指标')));
  });
  it('wording.vague-value suggests a measurable form; a plain qualitative value is not vague', () => {
    expect(fails('wording.vague-value', at(ROW.quality, '有效提升', text)).message).toContain('≥95%');
    fails('wording.vague-value', at(ROW.quality, '进一步提高', text));
    passes('wording.vague-value', at(ROW.quality, '满足', text));
  });
  it('wording.vague-value treats phrases of the same kind alike (持续提升 and 有效促进 both)', () => {
    for (const value of ['持续提升', '有效促进', '有效提升', '不断完善', '逐步规范', '效果显著', '完成良好', '较高质量', '服务提升']) fails('wording.vague-value', at(ROW.quality, value, text));
    for (const value of ['满足', '长期提供', '持续稳定', '全面完成', '实现目标', '保障正常运转']) passes('wording.vague-value', at(ROW.quality, value, text));
  });
  it('wording.vague-value is not given for 效益指标, where qualitative targets are the norm', () => {
    passes('wording.vague-value', at(ROW.social, '有效提升', text));
    passes('wording.vague-value', at(ROW.sustainability, '持续提升', text));
  });
  it('wording.quantitative-share: exactly the threshold (50%) passes', () => {
    const mostlyText = (extra: boolean) =>
      edit((t) => {
        for (const i of [ROW.quality, ROW.social, ROW.sustainability]) setValue(t, i, '达标', text);
        t.indicators[ROW.economic] = row('效益指标', '经济效益指标', '带动就业', '达标', text);
        if (extra) t.indicators.splice(ROW.social, 0, row('效益指标', '社会效益指标', '劳动关系', '和谐', text));
      });
    expect(fails('wording.quantitative-share', mostlyText(true)).message).toContain('4/9');
    passes('wording.quantitative-share', mostlyText(false));
    passes('wording.quantitative-share', mostlyText(true), withProfile({ minQuantitativeShare: 0.4 }));
  });
});

describe('identity rules', () => {
  const unitYear = (tables: TargetTable[], extra: Partial<Parameters<typeof checkUnitYear>[0]> = {}) =>
    checkUnitYear({ tables, projectExpenditure: null, ...extra }, ctx);
  it('identity.code-format follows the unit-year’s pattern', () => {
    fails('identity.code-format', edit((t) => (t.code = 'ABC')));
    fails('identity.code-format', edit((t) => (t.code = '13080024P00009810002')));
    fails('identity.code-format', edit((t) => (t.code = '13080024p00009810002a')));
    passes('identity.code-format', good());
    passes('identity.code-format', edit((t) => (t.code = 'ABC')), withProfile({ codePattern: '^[A-Z]{3}$' }));
  });
  it('identity.code-duplicate within a unit-year', () => {
    fails('identity.code-duplicate', unitYear([good(), good()]));
    passes('identity.code-duplicate', unitYear([good(), edit((t) => (t.code = '13080024P00009810002B'))]));
  });
  it('identity.name-mismatch between title, table and narrative; year prefix and spaces do not count', () => {
    const t = good();
    fails('identity.name-mismatch', unitYear([t], { titles: [{ code: t.code, title: '调解仲裁业务费' }] }));
    expect(fails('identity.name-mismatch', unitYear([t], { mentions: [{ name: '调解维稳业务经费', amount: '10.00', line: 9 }] })).message).toContain('第 9 行');
    passes('identity.name-mismatch', unitYear([t], { titles: [{ code: t.code, title: '2024 调解仲裁 业务经费' }] }));
    passes('identity.name-mismatch', unitYear([t], { mentions: [{ name: '调解仲裁业务经费', amount: '10.00', line: 9 }] }));
  });
});

describe('last year rules (指标值偏低 / 偏高)', () => {
  const withLastYear = { ...ctx, lastYear: () => good().indicators };
  it('value.below-last-year: a ≥ target below last year’s; the same or a higher one passes', () => {
    expect(fails('value.below-last-year', at(ROW.quality, '≥90%', q('>=', 90, '%')), withLastYear).path).toBe(`indicators.${ROW.quality}.value`);
    passes('value.below-last-year', at(ROW.quality, '≥95%', q('>=', 95, '%')), withLastYear);
  });
  it('value.above-last-year: a ≤ target above last year’s; a tighter one passes', () => {
    fails('value.above-last-year', at(ROW.timeliness, '≤90 天', q('<=', 90, '天')), withLastYear);
    passes('value.above-last-year', at(ROW.timeliness, '≤45 天', q('<=', 45, '天')), withLastYear);
  });
});
