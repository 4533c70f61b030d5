/** What recognising a table yields for the preview, and what a caller may correct before recognising again. */
import type { ColumnMeaning } from './columns';
import type { AmountUnit } from './amounts';
import type { Field } from './header-fields';
import type { RecognisedRow } from './indicator-rows';

export type RecognisedColumn = {
  /** 0-based; the preview shows `第 ${index + 1} 列`. */
  index: number;
  header: string;
  meaning: ColumnMeaning;
  /** `第 4 列 → 指标值` */
  text: string;
  isOverridden: boolean;
};

export type RecognisedField = { field: Field; label: string; meaning: string; value: string; line: number | null };

/** A cell the recogniser was not sure of: `row` is the indicator row's index, null for a header field. */
export type UnsureCell = { row: number | null; field: string; reason: string };

export type TableKind = 'targets' | 'self-evaluation' | 'template';

export type TableRecognition = {
  /** Position among the tables recognised in the document; overrides are keyed by it. */
  index: number;
  /** Where it came from (`文本`, `第 2 个表格`, `工作表“Sheet1”`) and where it starts. */
  source: string;
  line: number | null;
  kind: TableKind;
  title: string;
  fields: RecognisedField[];
  columns: RecognisedColumn[];
  amountUnit: AmountUnit;
  /** False when the table printed no unit and 万元 was assumed. */
  isAmountUnitPrinted: boolean;
  rows: RecognisedRow[];
  unsure: UnsureCell[];
  /** Why the table is not imported (a 自评表, a blank template), in Chinese; null for a target table. */
  refusal: string | null;
};

export type TableOverride = {
  /** A column's meaning by its 0-based index in the indicator header. */
  columns?: Record<number, ColumnMeaning>;
  amountUnit?: AmountUnit;
};

/** Corrections by table index, as the preview collects them. */
export type Overrides = Record<number, TableOverride>;
