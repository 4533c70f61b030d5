import { describe, expect, it } from 'vitest';
import { parsePublished } from '@/lib/format/published/parse';
import { referenceText } from '@/lib/format/published/testing/reference';
import type { TargetValue } from './target-value';
import { printedValue } from '@/lib/projects/normalise';
import { parseTarget } from './target-value-parse';
import { formatNumber, renderTarget } from './target-value-render';

const q = (op: '>=' | '<=' | '=' | '>' | '<', number: number, unit: string): TargetValue => ({ kind: 'quantity', op, number, unit });
const d = (year: number | null, month: number, day: number | null, suffix?: string): TargetValue => ({
  kind: 'deadline',
  year,
  month,
  day,
  ...(suffix ? { suffix } : {}),
});
const text: TargetValue = { kind: 'text' };

/** Every distinct 指标值 of the reference's non-placeholder rows, with its typing. */
const REFERENCE: [string, TargetValue][] = [
  ['≥92%', q('>=', 92, '%')], ['≤300 件', q('<=', 300, '件')], ['≤100 件', q('<=', 100, '件')], ['100%', q('=', 100, '%')],
  ['≤60 天', q('<=', 60, '天')], ['≤10 万元', q('<=', 10, '万元')], ['完成良好', text], ['有效提升', text], ['≥90%', q('>=', 90, '%')],
  ['≤80 件', q('<=', 80, '件')], ['12 月 20 日前完成', d(null, 12, 20, '前完成')], ['≤5 万元', q('<=', 5, '万元')],
  ['≤17000 份', q('<=', 17000, '份')], ['服务提升', text], ['持续服务良好', text], ['31 个', q('=', 31, '个')],
  ['≤19.5 万元', q('<=', 19.5, '万元')], ['保障正常运转', text], ['8 人', q('=', 8, '人')], ['≤23.22 万元', q('<=', 23.22, '万元')],
  ['有效提高', text], ['≥1 个', q('>=', 1, '个')], ['≥95%', q('>=', 95, '%')], ['≤1 小时', q('<=', 1, '小时')], ['≤9 万元', q('<=', 9, '万元')],
  ['满足', text], ['长期提供', text], ['≥1 次', q('>=', 1, '次')], ['12 月 20 日之前完成全部工作', d(null, 12, 20, '之前完成全部工作')],
  ['≤25.9 万元', q('<=', 25.9, '万元')], ['可持续', text], ['评审工作完成 1 个月之内发放', text], ['良好', text],
  ['服务水平有效提升', text], ['≤40 平米', q('<=', 40, '平米')], ['11 月 30 日前完工', d(null, 11, 30, '前完工')],
  ['≥900 件', q('>=', 900, '件')], ['≤90 工作日', q('<=', 90, '工作日')], ['明显提升', text], ['完成良好可持续', text],
  ['≥27000 份', q('>=', 27000, '份')], ['可持续性服务', text], ['较高质量', text], ['11 月 30 日之前完成工作', d(null, 11, 30, '之前完成工作')],
  ['≥2800 人', q('>=', 2800, '人')], ['≤200 万元', q('<=', 200, '万元')], ['≤4500 卷', q('<=', 4500, '卷')], ['≤10%', q('<=', 10, '%')],
  ['完成工作良好', text], ['≤5 万张', q('<=', 5, '万张')], ['≤40 万元', q('<=', 40, '万元')], ['实现目标', text],
  ['≤3.1T', q('<=', 3.1, 'T')], ['≤1%', q('<=', 1, '%')], ['≤75 万元', q('<=', 75, '万元')], ['网络安全持续稳定', text],
  ['系统在规定时间内维护，不延期', text], ['≥96%', q('>=', 96, '%')], ['≤30 分钟', q('<=', 30, '分钟')], ['≤100 人', q('<=', 100, '人')],
  ['≤80 万元', q('<=', 80, '万元')], ['持续保障办公正常运转', text], ['保障日常工作需要,维持单位正常运转', text],
  ['≤2800 人', q('<=', 2800, '人')], ['2024 年 12 月 25 日之前完成', d(2024, 12, 25, '之前完成')], ['≤1697.97 万元', q('<=', 1697.97, '万元')],
  ['稳定工作完成良好', text], ['≤750人', q('<=', 750, '人')], ['2024年12月25日之前完成', d(2024, 12, 25, '之前完成')],
  ['≤472.11万元', q('<=', 472.11, '万元')], ['1项', q('=', 1, '项')], ['≤96.75万元', q('<=', 96.75, '万元')],
  ['≥5 万人', q('>=', 5, '万人')], ['2024 年 12 月 31 日之前全部完成', d(2024, 12, 31, '之前全部完成')], ['≤517.93 万元', q('<=', 517.93, '万元')],
  ['不断提升', text], ['≤1 个', q('<=', 1, '个')], ['≤7 项', q('<=', 7, '项')], ['≤115.49 万元', q('<=', 115.49, '万元')], ['持续维护稳定', text],
  ['经济效益指标', text],
];

const strip = (s: string) => s.replace(/\s+/g, '');

describe('typed target values', () => {
  it('types every 指标值 of the reference', () => {
    const doc = parsePublished(referenceText());
    const values = new Set(doc.projects.flatMap((p) => p.indicators.filter((r) => !r.isPlaceholder).map((r) => r.value)));
    const table = new Map(REFERENCE);
    for (const v of values) {
      expect(table.has(v), `参考文档中的指标值“${v}”应在期望表中`).toBe(true);
      expect(parseTarget(v), v).toEqual(table.get(v));
    }
    expect(values.size).toBe(REFERENCE.length - 1);
  });

  it('prints every quantity and deadline of the reference back as printed, whitespace aside', () => {
    for (const [printed, t] of REFERENCE) {
      if (t.kind === 'text') expect(renderTarget(t)).toBeNull();
      else expect(strip(renderTarget(t)!), printed).toBe(strip(printed));
    }
  });

  it.each<[string, TargetValue]>([
    ['＞90％', q('>', 90, '%')],
    ['＜5 件', q('<', 5, '件')],
    ['＝100％', q('=', 100, '%')],
    ['>=95%', q('>=', 95, '%')],
    ['<= 3 天', q('<=', 3, '天')],
    ['≧80%', q('>=', 80, '%')],
    ['≦2 小时', q('<=', 2, '小时')],
    ['═100%', q('=', 100, '%')],
    ['﹦100%', q('=', 100, '%')],
    ['﹥90%', q('>', 90, '%')],
    ['﹤5 件', q('<', 5, '件')],
    ['90%以上', q('>=', 90, '%')],
    ['5 万元以下', q('<=', 5, '万元')],
    ['不低于 62%', q('>=', 62, '%')],
    ['不高于10%', q('<=', 10, '%')],
    ['不超过 20 万元', q('<=', 20, '万元')],
    ['大于 3 次', q('>', 3, '次')],
    ['小于1%', q('<', 1, '%')],
    ['至少 2 场', q('>=', 2, '场')],
    ['1 2 0 0 人', q('=', 1200, '人')],
    ['375万平方米', q('=', 375, '万平方米')],
    ['１００％', q('=', 100, '%')],
    ['98.5%', q('=', 98.5, '%')],
    ['30', q('=', 30, '')],
    ['2024年12月', d(2024, 12, null)],
    ['6 月底前', d(null, 6, null, '底前')],
    ['2024 年 6 月 30 日', d(2024, 6, 30)],
    ['大于等于90%', q('>=', 90, '%')],
    ['大于或等于 95%', q('>=', 95, '%')],
    ['小于等于 5 件', q('<=', 5, '件')],
    ['小于或等于10万元', q('<=', 10, '万元')],
    ['≤-5%', q('<=', -5, '%')],
    ['－3.5％', q('=', -3.5, '%')],
    ['≥25℃', q('>=', 25, '℃')],
    ['≤ 30 °C', q('<=', 30, '℃')],
    ['3个工作日内', q('<=', 3, '个工作日')],
    ['3 个工作日内完成', q('<=', 3, '个工作日')],
    ['30 天以内', q('<=', 30, '天')],
    ['15日内办结', q('<=', 15, '日')],
    ['2 月 29 日前', d(null, 2, 29, '前')],
    ['2024 年 2 月 29 日', d(2024, 2, 29)],
  ])('reads %s', (input, expected) => {
    expect(parseTarget(input)).toEqual(expected);
  });

  it.each(['有效提升', '13 月 1 日前完成', '提升 5 个百分点以上的服务', '2024 法治工作经费', '', '   ', '≥', '第 1 季度', '2 月 31 日前完成', '4月31日', '2023 年 2 月 29 日', '1-2 个'])('leaves %s as text', (input) => {
    expect(parseTarget(input)).toEqual(text);
  });

  it.each(['大于等于90%', '≤-5%', '≥25℃', '3个工作日内', '3 个工作日内完成', '不低于 62%', '90%以上'])(
    'keeps the printed form of %s when the row is stored',
    (printed) => {
      const t = parseTarget(printed);
      expect(t.kind).toBe('quantity');
      expect(printedValue(printed, t)).toBe(printed);
    },
  );

  it('prints new forms in the published style', () => {
    expect(renderTarget(q('<=', -5, '%'))).toBe('≤-5%');
    expect(renderTarget(q('>=', 25, '℃'))).toBe('≥25℃');
    expect(renderTarget(q('<=', 3, '个工作日'))).toBe('≤3 个工作日');
  });

  it('prints typed values in the published style', () => {
    expect(renderTarget(q('>=', 92, '%'))).toBe('≥92%');
    expect(renderTarget(q('=', 100, '%'))).toBe('100%');
    expect(renderTarget(q('<=', 300, '件'))).toBe('≤300 件');
    expect(renderTarget(q('>', 0.1, ''))).toBe('>0.1');
    expect(renderTarget(d(null, 12, 20, '前完成'))).toBe('12 月 20 日前完成');
    expect(renderTarget(d(2024, 12, null))).toBe('2024 年 12 月');
  });

  it('formats numbers without float noise or exponents', () => {
    expect(formatNumber(472.11)).toBe('472.11');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
    expect(formatNumber(1e21)).toBe('1000000000000000000000');
    expect(formatNumber(27000)).toBe('27000');
  });
});
