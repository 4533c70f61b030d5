/** Chinese wording of what zod found wrong in a JSON input, naming the field. */
import type { z } from 'zod';

export function describeIssue(issue: z.core.$ZodIssue, input: unknown): string {
  const where = issue.path.join('.');
  if (issue.code === 'unrecognized_keys') return `不认识的字段 ${issue.keys.map((k) => `"${k}"`).join('、')}`;
  let value: unknown = input;
  for (const key of issue.path) value = typeof value === 'object' && value !== null ? (value as Record<PropertyKey, unknown>)[key] : undefined;
  if ((issue.code === 'invalid_type' || issue.code === 'invalid_union') && value === undefined) return `缺少字段 "${where}"`;
  if (issue.code === 'invalid_type' || issue.code === 'invalid_union') return `"${where}" 的类型不对（应为${issue.code === 'invalid_union' ? '字符串或数字' : issue.expected === 'string' ? '字符串' : issue.expected === 'number' ? '数字' : issue.expected === 'boolean' ? ' true 或 false' : issue.expected === 'array' ? '数组' : '对象'}）`;
  return where ? `"${where}" ${issue.message}` : issue.message;
}
