/** Target values against what their category measures. */
import type { IndicatorRow } from '../table';
import type { Comparator } from '../target-value';
import { roleOf, rowPath, TIME_UNITS } from './helpers';
import { BREAKS } from './thresholds';
import type { Check } from './types';

const POSITIVE_RATE = /完成率|覆盖率|合格率|达标率|准确率|及时率|满意度|满意率|执行率|结案率|使用率|知晓率|到位率|受益率|通过率|妥收率|正常率/;
const NEGATIVE_RATE = /故障率|投诉率|差错率|失败率|出错率|事故率|违规率|返工率|流失率/;
const GROWTH = /增长率|增幅|增长|增速|提高率/;

function isPercent(row: IndicatorRow): boolean {
  return row.target.kind === 'quantity' && row.target.unit === '%';
}

/** A percentage no rate can meet: above 100% (`120%`, `>100%`) or below 0. `≥100%` and `100%` are fine. */
function isImpossiblePercent(op: Comparator, n: number): boolean {
  return n > 100 || (n === 100 && op === '>') || n < 0 || (n === 0 && op === '<');
}

function isValidDate(year: number, month: number, day: number): boolean {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

/** `1 个月之内`, `30 个工作日内`, `3 天以内`: a time limit, whatever it is counted from. */
const RELATIVE_LIMIT = /\d+(?:\.\d+)?\s*(?:个月|个工作日|工作日|天|日|小时|周|年)\s*(?:之内|以内|内)/;

/** Digits joined by commas (ASCII or full-width) and how they must be grouped to be a thousands separator. */
const COMMA_NUMBER = /\d+(?:[,，]\d+)+/g;
const THOUSANDS = /^\d{1,3}(?:[,，]\d{3})+$/;

/** The first number in `value` whose comma is not a thousands separator (`35,5`, `1,2,3,4`), if any. */
export function misplacedComma(value: string): string | null {
  return value.match(COMMA_NUMBER)?.find((n) => !THOUSANDS.test(n)) ?? null;
}

export const checkValues: Check = (table, ctx, report) => {
  table.indicators.forEach((row, i) => {
    if (row.isPlaceholder || !row.value) return;
    const role = roleOf(ctx.framework, row);
    const t = row.target;
    const label = `“${row.name || row.level2}”`;
    const comma = misplacedComma(row.value);
    if (comma) {
      report('value.misplaced-comma', rowPath(i, 'value'), `${label}的指标值中“${comma}”的逗号不是千位分隔符（每三位一组，如 1,234）：请写成一个数，如 35.5 或 355`);
    }
    if ((role === 'quantity' || role === 'cost') && t.kind !== 'quantity') {
      report('value.quantity-required', rowPath(i, 'value'), `${row.level2}${label}的指标值“${row.value}”应写成数值，如 ${role === 'cost' ? `≤${table.budget.total} 万元` : '≥100 件'}`);
    }
    if (role === 'timeliness') {
      // A time limit counted from another event (评审工作完成 1 个月之内发放) is a duration too, written in words.
      const ok = t.kind === 'deadline' || (t.kind === 'quantity' && (TIME_UNITS.has(t.unit) || t.unit === '%')) || RELATIVE_LIMIT.test(row.value);
      if (!ok) report('value.timeliness-form', rowPath(i, 'value'), `时效指标${label}的指标值“${row.value}”宜写成截止日期（如 12 月 20 日前完成）、时限（如 ≤30 天）或及时率（如 100%）`);
    }
    if (t.kind === 'quantity' && t.unit === '%' && isImpossiblePercent(t.op, t.number) && !GROWTH.test(row.name)) {
      report(
        'value.percent-range',
        rowPath(i, 'value'),
        `${label}的目标 ${row.value} 超出 0–100%：比率最高为 100%，请改为 0–100% 之间的值（如 ≥95% 或 100%）；若是增长率，请在三级指标名称中写明“增长率”`,
      );
    }
    if (t.kind === 'deadline') {
      const year = t.year ?? ctx.year;
      if (t.year !== null && t.year !== ctx.year) {
        report('value.deadline-outside-year', rowPath(i, 'value'), `${label}的期限在 ${t.year} 年，不在预算年度 ${ctx.year} 年内：请改为 ${ctx.year} 年内的日期，如 ${ctx.year} 年 12 月 20 日前完成`);
      } else if (!Number.isInteger(t.month) || t.month < 1 || t.month > 12 || (t.day !== null && !isValidDate(year, t.month, t.day))) {
        report('value.deadline-outside-year', rowPath(i, 'value'), `${label}的期限 ${t.month} 月${t.day === null ? '' : ` ${t.day} 日`}不是有效日期：请改为 ${ctx.year} 年内的实际日期`);
      }
    }
    if (role === 'satisfaction') {
      if (!isPercent(row)) {
        report('value.satisfaction-form', rowPath(i, 'value'), `满意度指标${label}宜写成百分比，如 ≥90%`);
      } else if (t.kind === 'quantity') {
        ctx.measure?.('value.satisfaction-low', t.number);
        if (BREAKS['value.satisfaction-low'](t.number, ctx.profile)) report('value.satisfaction-low', rowPath(i, 'value'), `满意度目标 ${row.value} 低于 ${ctx.profile.minSatisfaction}%：满意度目标一般为 ≥90% 或 ≥95%，请核实是否偏低`);
      }
    }
    if (t.kind === 'quantity') {
      const isDown = t.op === '<=' || t.op === '<';
      const isUp = t.op === '>=' || t.op === '>';
      const isNegative = role === 'cost' || NEGATIVE_RATE.test(row.name);
      if (isDown && !isNegative && (role === 'satisfaction' || POSITIVE_RATE.test(row.name))) {
        report('value.direction', rowPath(i, 'value'), `${label}越高越好，目标宜写成“≥”（下限），现为 ${row.value}`);
      } else if (isUp && isNegative) {
        report('value.direction', rowPath(i, 'value'), `${label}越低越好，目标宜写成“≤”（上限），现为 ${row.value}`);
      }
    }
  });
};
