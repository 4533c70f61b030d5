/** Test data for the exporters: the reference's tables as a section. */
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
