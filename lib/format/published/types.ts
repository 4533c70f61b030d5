/** What reading a published disclosure yields, beyond the tables themselves. */
import type { TargetTable, UnitRef } from '@/lib/domain/table';

export type ParseProblem = {
  /** 1-based line in the input, or null when the problem concerns the whole document. */
  line: number | null;
  /** The table's title or code when the problem is inside a table. */
  table: string | null;
  /** Chinese: what was found, where, and what was expected. */
  message: string;
  /** The heading line of the table the problem belongs to (its `source.line`), so a problem can be tied to its table. */
  tableLine?: number;
  /**
   * The table's number (its `source.number`) where heading lines do not tell tables apart: two sheets of
   * a workbook both start at row 1. Set by the layout recogniser; the disclosure reader's lines are unique.
   */
  tableNumber?: number;
  /** Set on the problem that says a whole table was skipped (it is not in `projects`). */
  isTableSkipped?: true;
};

/** A project named with an amount in the budget narrative (`…信访维稳业务经费 10 万元，…`). */
export type NarrativeMention = { name: string; amount: string; line: number };

/** Where a table came from: its title (`N、<title>绩效目标表`), number N and first line. */
export type TableSource = { title: string; number: number; line: number };

export type ParsedTable = TargetTable & { source: TableSource };

export type PublishedDocument = {
  unit: UnitRef | null;
  year: number | null;
  /** The unit's 项目支出 (万元, two places) from its 单位预算支出总表, when the document has one. */
  projectExpenditure: string | null;
  projects: ParsedTable[];
  mentions: NarrativeMention[];
  problems: ParseProblem[];
};
