import type { Framework } from '../framework';
import type { LastYearRow } from '../last-year';
import type { TargetTable } from '../table';
import type { LightThresholds } from '../lights';
import type { GradeThresholds } from '../scoring';
import type { Measured, ThresholdRule } from './thresholds';

export type Severity = 'error' | 'warning';

/** One thing wrong with a table: a stable rule id, where (a path in the table's own shape) and what to do. */
export type Finding = { severity: Severity; rule: string; project: string; path: string; message: string };

export type RuleProfile = {
  /** Rule ids that do not apply in this unit-year. */
  disabledRules: string[];
  /** Share of quantitative rows (quantity or deadline) below which a warning is given. */
  minQuantitativeShare: number;
  /** Satisfaction targets below this percentage get a warning. */
  minSatisfaction: number;
  /** A cost target below this fraction of the budget gets a warning. */
  costFarBelowRatio: number;
  /** The project code format (a regular expression). */
  codePattern: string;
  /** Progress (%) from which a monitored row is yellow, green and blue (绩效运行监控). */
  lightThresholds: LightThresholds;
  /** Lowest 自评得分 of 优, 良 and 中 (绩效自评); some provinces use 80/70/60. */
  gradeThresholds: GradeThresholds;
};

export type RuleContext = {
  framework: Framework;
  year: number;
  profile: RuleProfile;
  /** Told every value a threshold rule compares, whether or not it breaks the rule (see thresholds.ts). */
  measure?: <R extends ThresholdRule>(rule: R, value: Measured[R]) => void;
  /** Last year's rows of the table a table continues (lib/domain/last-year.ts), when known; null when none. */
  lastYear?: (table: TargetTable) => readonly LastYearRow[] | null;
};

export type MentionInput = { name: string; amount: string; line: number };
export type UnitYearInput = {
  tables: TargetTable[];
  projectExpenditure: string | null;
  /** Projects named with amounts in the budget narrative of an imported document. */
  mentions?: MentionInput[];
  /** Each table's printed title, when it came from a document. */
  titles?: { code: string; title: string }[];
};

/** What every rule family gets: the table, the context, and a way to report. */
export type Check = (table: TargetTable, ctx: RuleContext, report: Report) => void;
export type Report = (rule: string, path: string, message: string) => void;
