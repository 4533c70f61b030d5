/**
 * One printed 指标值 from a value spread over columns: 计算符号 / 指标值 / 计量单位 (or 指标性质 /
 * 度量单位) joined as operator + number + unit (`=3500米`, `≥85%`), whatever order the columns stand in.
 * Direction words (正向/反向) and scores are not part of the value.
 */
const OPERATOR = /^(?:[≥≤=＝><]|>=|<=|≧|≦|大于等于|小于等于|等于|大于|小于|不低于|不高于|不少于|不超过)$/;
const DIRECTION = /^(?:正向|反向|中性|定性|定量|正向指标|反向指标|中性指标|定性指标|定量指标|越大越好|越小越好|区间)$/;
const NUMBER = /^[-+]?\d[\d,]*(?:\.\d+)?$|^[-+]?\.\d+$/;

export const isOperator = (s: string) => OPERATOR.test(s.trim());
export const isDirection = (s: string) => DIRECTION.test(s.trim());
export const isNumber = (s: string) => NUMBER.test(s.trim());

export type ValuePart = { role: 'operator' | 'value' | 'unit'; text: string };

/** Parts whose columns are known (the row had every cell where the header says). */
export function joinParts(parts: readonly ValuePart[]): string {
  const of = (role: ValuePart['role']) =>
    parts
      .filter((p) => p.role === role)
      .map((p) => p.text.trim())
      .filter((t) => t !== '' && !isDirection(t));
  const operators = of('operator').filter(isOperator);
  const values = of('value');
  const units = of('unit');
  // A unit column holding a second copy of the number (an Excel date serial printed twice) adds nothing.
  const unit = units.filter((u) => !values.includes(u) && !isNumber(u));
  return `${operators.join('')}${values.join('')}${unit.join('')}`;
}

/**
 * Cells after the indicator's name whose columns are not known (empty cells vanished): operators
 * and direction words are told by their text, the first number is the value, a short word after it
 * the unit; later numbers are scores. Without a number the first remaining text is the value.
 */
export function joinByContent(cells: readonly string[]): { value: string; rest: string[] } {
  const kept = cells.map((c) => c.trim()).filter((c) => c !== '' && !isDirection(c));
  const operators = kept.filter(isOperator);
  const others = kept.filter((c) => !isOperator(c));
  const at = others.findIndex(isNumber);
  if (at < 0) return { value: `${operators.join('')}${others[0] ?? ''}`, rest: others.slice(1) };
  const isUnit = (c: string | undefined) => c !== undefined && !isNumber(c) && c.length <= 8;
  // The unit column usually follows the value; a layout with 计量单位 first puts it before.
  const unitAt = isUnit(others[at + 1]) ? at + 1 : at === 1 && isUnit(others[0]) ? 0 : -1;
  const rest = others.filter((c, i) => i !== at && i !== unitAt && !isNumber(c));
  return { value: `${operators.join('')}${others[at]}${unitAt >= 0 ? others[unitAt] : ''}`, rest };
}
