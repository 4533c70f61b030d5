/**
 * The typed reading of a 指标值 (target value). Parsing and printing live in
 * `target-value-parse.ts` and `target-value-render.ts`; this file holds the shapes only.
 */
export const COMPARATORS = ['>=', '<=', '=', '>', '<'] as const;
export type Comparator = (typeof COMPARATORS)[number];

export type QuantityTarget = {
  kind: 'quantity';
  op: Comparator;
  number: number;
  /** As written, `万` kept with the unit: `%`, `万元`, `件`, `万平方米`, `T`, or '' for a bare number. */
  unit: string;
};

export type DeadlineTarget = {
  kind: 'deadline';
  year: number | null;
  month: number;
  day: number | null;
  /** What follows the date as printed (`前完成`, `之前完成全部工作`); printing keeps it. */
  suffix?: string;
};

export type TextTarget = { kind: 'text' };

export type TargetValue = QuantityTarget | DeadlineTarget | TextTarget;
export type TargetKind = TargetValue['kind'];
