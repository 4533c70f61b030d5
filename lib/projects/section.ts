/** A unit-year's section 五 (its tables in print order) as exports and the public page need it. */
import { listProjectsOfUnitYear } from '@/db/queries/projects';
import { findUnitYearSummaryByCode, getUnitYearSummary, type UnitYearSummary } from '@/db/queries/units';
import { formatWanyuan } from '@/lib/domain/money';
import type { TargetTable, UnitRef } from '@/lib/domain/table';
import { loadTables } from './read';

export type SectionTable = { number: number; table: TargetTable; isDraft: boolean; projectId: number; status: string };

export type Section = {
  unitYearId: number;
  unit: UnitRef;
  year: number;
  projectExpenditure: string | null;
  tables: SectionTable[];
  /** The latest change to any of the tables. */
  asOf: Date;
};

/**
 * Approved tables by default; `includeDrafts` adds the others, marked as drafts. `projectCode` narrows
 * to one table (its number N is kept).
 */
export function loadSection(summary: UnitYearSummary, opts: { includeDrafts: boolean; projectCode?: string }): Section {
  const rows = listProjectsOfUnitYear(summary.id, opts.includeDrafts ? undefined : ['approved']);
  const chosen = opts.projectCode ? rows.filter((p) => p.code === opts.projectCode) : rows;
  const numbers = new Map(rows.map((p, i) => [p.id, i + 1]));
  const asOf = new Date(Math.max(0, ...chosen.map((p) => p.updatedAt)));
  return {
    asOf,
    unitYearId: summary.id,
    unit: { code: summary.unitCode, name: summary.unitName },
    year: summary.year,
    projectExpenditure: summary.projectExpenditureYuan === null ? null : formatWanyuan(summary.projectExpenditureYuan),
    tables: loadTables(chosen.map((p) => p.id)).map(({ project, table }) => ({
      number: numbers.get(project.id) ?? project.position,
      table,
      isDraft: project.status !== 'approved',
      projectId: project.id,
      status: project.status,
    })),
  };
}

export function sectionByCode(unitCode: string, year: number, opts: { includeDrafts: boolean; projectCode?: string }): Section | null {
  const summary = findUnitYearSummaryByCode(unitCode, year);
  return summary ? loadSection(summary, opts) : null;
}

export function sectionById(unitYearId: number, opts: { includeDrafts: boolean; projectCode?: string }): Section | null {
  const summary = getUnitYearSummary(unitYearId);
  return summary ? loadSection(summary, opts) : null;
}
