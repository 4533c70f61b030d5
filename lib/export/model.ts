/** What the exporters take: a unit-year's section (or one table of it), data only. */
import { formatWanyuan, sumYuan, wanyuanToYuan } from '@/lib/domain/money';
import type { TargetTable, UnitRef } from '@/lib/domain/table';

export type ExportTable = { number: number; table: TargetTable; isDraft: boolean };

/** What the cover list and the titles need of a table, without its rows. */
export type TableSummary = { number: number; code: string; name: string; total: string; isDraft: boolean };

export type ExportSection = {
  unit: UnitRef;
  year: number;
  projectExpenditure: string | null;
  /**
   * The tables in print order: a list, or a source that loads them as they are drawn (a long section
   * read from the database is never held whole in memory).
   */
  tables: readonly ExportTable[] | AsyncIterable<ExportTable>;
  /** One per table, in order; required when `tables` is not a list. */
  summaries?: readonly TableSummary[];
  /** Add a list of projects and amounts whose total should equal 项目支出. */
  includeCover: boolean;
  /** When the content last changed: the documents' own date (so equal data gives equal bytes). */
  asOf: Date;
};

export const SECTION_TITLE = '五、单位项目预算安排情况及绩效目标';

/**
 * The grid's column widths in Excel character units (CJK characters take about two), summing to fit
 * A4 portrait; the PDF scales the same proportions to its page.
 */
export const COLUMN_WIDTHS = [12, 13, 18, 13, 12, 14, 18] as const;

export function tableTitle(t: ExportTable): string {
  return `${t.number}、${t.table.name}绩效目标表${t.isDraft ? '（草稿）' : ''}`;
}

/** A section whose tables are a list (tests, the benchmark, small exports). */
export type ListedSection = ExportSection & { tables: ExportTable[] };

function isList(tables: ExportSection['tables']): tables is readonly ExportTable[] {
  return Array.isArray(tables);
}

export function summaryOf(t: ExportTable): TableSummary {
  return { number: t.number, code: t.table.code, name: t.table.name, total: t.table.budget.total, isDraft: t.isDraft };
}

export function summariesOf(section: ExportSection): readonly TableSummary[] {
  if (section.summaries) return section.summaries;
  if (isList(section.tables)) return section.tables.map(summaryOf);
  throw new Error('summaries are required when tables are not a list');
}

export type CoverList = {
  rows: TableSummary[];
  total: string;
  projectExpenditure: string | null;
  /** total − 项目支出 in 万元, or null when 项目支出 is unknown. */
  difference: string | null;
  /** What the 合计 counts, printed under the list so a difference from 项目支出 is read rightly. */
  note: string;
};

/**
 * An approved-only list leaves the drafts out of its 合计, so it falls short of 项目支出 until every
 * table is approved; a reader who is not told takes that difference for an error.
 */
export function coverNote(summaries: readonly TableSummary[], difference: string | null): string {
  const drafts = summaries.filter((t) => t.isDraft).length;
  if (drafts > 0) return `合计含 ${drafts} 张未审核的表（标注“草稿”）。`;
  // Only a shortfall can come from the drafts left out; a 合计 above 项目支出 is an error either way.
  const gap = difference?.startsWith('-') ? '合计与单位项目支出的差额可能来自这些表，不一定是错误。' : '';
  return `本清单只含已审核的表，未审核的表（草稿）不计入合计。${gap}`;
}

export function coverList(section: Pick<ExportSection, 'projectExpenditure'>, summaries: readonly TableSummary[]): CoverList {
  const totalYuan = sumYuan(summaries.map((t) => wanyuanToYuan(t.total)));
  const difference = section.projectExpenditure === null ? null : formatWanyuan(totalYuan - wanyuanToYuan(section.projectExpenditure));
  return {
    rows: [...summaries],
    total: formatWanyuan(totalYuan),
    projectExpenditure: section.projectExpenditure,
    difference,
    note: coverNote(summaries, difference),
  };
}

/** Excel sheet names: at most 31 characters, none of []:*?/\, unique within the workbook. */
export function sheetNamer(): (wanted: string) => string {
  const used = new Set<string>();
  return (wanted) => {
    const base = wanted.replace(/[[\]:*?/\\]/g, '').slice(0, 31) || '表';
    let name = base;
    for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)}_${i}`;
    used.add(name.toLowerCase());
    return name;
  };
}
