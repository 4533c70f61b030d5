/** Test data for the exporters: the reference's tables as a section. */
import type ExcelJS from 'exceljs';
import { parsePublished } from '@/lib/format/published/parse';
import { referenceText } from '@/lib/format/published/testing/reference';
import type { IndicatorRow } from '@/lib/domain/table';
import type { ListedSection } from './model';

export function referenceSection(opts: { includeCover?: boolean; drafts?: number[] } = {}): ListedSection {
  const doc = parsePublished(referenceText());
  return {
    unit: doc.unit!,
    year: doc.year!,
    projectExpenditure: doc.projectExpenditure,
    tables: doc.projects.map(({ source: _s, ...table }, i) => ({ number: i + 1, table, isDraft: (opts.drafts ?? []).includes(i + 1) })),
    includeCover: opts.includeCover ?? false,
    asOf: new Date(Date.UTC(2024, 0, 15)),
  };
}

/** A table with `rows` indicator rows (for page breaks). */
export function longSection(rows: number): ListedSection {
  const s = referenceSection();
  const base = s.tables[0]!.table;
  const indicators: IndicatorRow[] = Array.from({ length: rows }, (_, i) => ({
    ...base.indicators[i % 4]!,
    name: `第${i + 1}项指标`,
    description: `第${i + 1}项指标的描述，用来测试换页时表头是否重复`,
  }));
  return { ...s, tables: [{ number: 1, table: { ...base, indicators }, isDraft: false }] };
}

/** A read-back cell's value: a formula's cached result, else its own. */
export function cellNumberOrText(cell: ExcelJS.Cell): string | number | null {
  const v = cell.value;
  if (v !== null && typeof v === 'object' && 'formula' in v) return (v.result as number | undefined) ?? null;
  return v as string | number | null;
}

/**
 * What a spreadsheet shows for a cell, for the number formats the export uses (`0.00`, `0%`,
 * `0.0%`…): the read-back tests compare this with the printed text as well as the value.
 */
export function displayedText(cell: ExcelJS.Cell): string {
  const v = cellNumberOrText(cell);
  if (v === null || v === undefined) return '';
  if (typeof v !== 'number') return String(v);
  const fmt = cell.numFmt ?? 'General';
  const percent = /^0(?:\.(0+))?%$/.exec(fmt);
  if (percent) return `${(v * 100).toFixed(percent[1]?.length ?? 0)}%`;
  const fixed = /^0(?:\.(0+))?$/.exec(fmt);
  if (fixed) return v.toFixed(fixed[1]?.length ?? 0);
  return String(v);
}
