/** What the exporters take: a unit-year's section (or one table of it), data only. */
import { formatWanyuan, sumYuan, wanyuanToYuan } from '@/lib/domain/money';
import type { TargetTable, UnitRef } from '@/lib/domain/table';

export type ExportTable = { number: number; table: TargetTable; isDraft: boolean };

export type ExportSection = {
  unit: UnitRef;
  year: number;
  projectExpenditure: string | null;
  tables: ExportTable[];
  /** Add a list of projects and amounts whose total should equal 项目支出. */
  includeCover: boolean;
  /** When the content last changed: the documents' own date (so equal data gives equal bytes). */
  asOf: Date;
};

export const SECTION_TITLE = '五、单位项目预算安排情况及绩效目标';

export function tableTitle(t: ExportTable): string {
  return `${t.number}、${t.table.name}绩效目标表${t.isDraft ? '（草稿）' : ''}`;
}

export type CoverList = {
  rows: { number: number; code: string; name: string; total: string; isDraft: boolean }[];
  total: string;
  projectExpenditure: string | null;
  /** total − 项目支出 in 万元, or null when 项目支出 is unknown. */
  difference: string | null;
};

export function coverList(section: ExportSection): CoverList {
  const totalYuan = sumYuan(section.tables.map((t) => wanyuanToYuan(t.table.budget.total)));
  return {
    rows: section.tables.map((t) => ({ number: t.number, code: t.table.code, name: t.table.name, total: t.table.budget.total, isDraft: t.isDraft })),
    total: formatWanyuan(totalYuan),
    projectExpenditure: section.projectExpenditure,
    difference: section.projectExpenditure === null ? null : formatWanyuan(totalYuan - wanyuanToYuan(section.projectExpenditure)),
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

/** Lets other requests run between tables of a long export. */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
