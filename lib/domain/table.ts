/**
 * One project's performance-target table (绩效目标表), the type every part of the app shares:
 * the parser produces it, the renderer and exports print it, the rules check it, the editor
 * edits it and `db/` stores it.
 */
import type { TargetValue } from './target-value';

/**
 * A cumulative disbursement checkpoint: by the end of `month`, `percent` % is spent. A draft may hold a
 * point whose percent is not filled in yet (null), e.g. next year's plan, reported until it is filled.
 */
export type ScheduleCheckpoint = { month: number; percent: number | null };

export type IndicatorRow = {
  /** Stable identity of the row across saves (comments and history refer to it). */
  key?: string;
  level1: string;
  level2: string;
  /** 三级指标: the indicator's own name. */
  name: string;
  /** 绩效指标描述 */
  description: string;
  /** 指标值 as printed. */
  value: string;
  /** 指标值 as typed; printing a quantity or deadline gives `value` back (whitespace aside). */
  target: TargetValue;
  /** 指标值确定依据 */
  basis: string;
  /** A `无X指标` row: the category does not apply. Its cells normally all read `无<level2>`. */
  isPlaceholder: boolean;
  /** 中长期/实施期 指标值 as printed, when the table gives one beside the 年度 value. */
  longtermValue?: string;
};

/** Amounts are 万元 as decimal strings with two places (`"10.00"`), never binary floats. */
export type Budget = { total: string; fiscal: string; other: string | null };

export type TargetTable = {
  code: string;
  name: string;
  budget: Budget;
  /** 资金用途 */
  purpose: string;
  /** 绩效目标, as printed: numbered goals in one text (`1. …2. …`). */
  goal: string;
  /** 中长期/总体目标 as printed, when the table gives one beside the 年度 goal. */
  longtermGoal?: string;
  /** The unit the source printed its amounts in; `budget` is always 万元. Absent when read from 万元 tables of our own layout. */
  amountUnit?: '元' | '万元';
  schedule: ScheduleCheckpoint[];
  indicators: IndicatorRow[];
};

export type UnitRef = { code: string; name: string };
