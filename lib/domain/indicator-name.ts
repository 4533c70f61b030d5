import { toHalfWidth } from '@/lib/format/half-width';

/**
 * A 三级指标 name as it is compared (the library's key, last year's row): full-width forms folded,
 * whitespace, quotes and trailing punctuation dropped, so `服务对象满意度`, `服务对象满意度 ` and
 * `服务对象满意度。` are one name.
 */
export function normaliseName(name: string): string {
  return toHalfWidth(name)
    .replace(/\s+/g, '')
    .replace(/["'“”‘’「」『』《》]/g, '')
    .replace(/[。.,，;；:：、!！?？]+$/u, '')
    .toLowerCase();
}
