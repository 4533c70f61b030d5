/** Printing a typed 指标值 the way the published tables do (`≥92%`, `≤300 件`, `12 月 20 日前完成`). */
import type { Comparator, TargetValue } from './target-value';

const SYMBOL: Record<Comparator, string> = { '>=': '≥', '<=': '≤', '=': '', '>': '>', '<': '<' };

/** A number without exponent or float noise: 472.11, not 472.10999999. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return '';
  const rounded = Number(n.toPrecision(12));
  return rounded.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 10 });
}

/** The printed form; null for text (its printed form is the row's own value). */
export function renderTarget(t: TargetValue): string | null {
  switch (t.kind) {
    case 'quantity': {
      const unit = t.unit === '' ? '' : t.unit === '%' || t.unit === '‰' || t.unit === '℃' ? t.unit : ` ${t.unit}`;
      return `${SYMBOL[t.op]}${formatNumber(t.number)}${unit}`;
    }
    case 'deadline':
      return `${t.year !== null ? `${t.year} 年 ` : ''}${t.month} 月${t.day !== null ? ` ${t.day} 日` : ''}${t.suffix ?? ''}`;
    case 'text':
      return null;
  }
}

export const COMPARATOR_LABELS: Record<Comparator, string> = { '>=': '≥', '<=': '≤', '=': '=', '>': '>', '<': '<' };
