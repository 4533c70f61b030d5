/**
 * A unit-year's section 五 (its tables in print order) as exports and the public page need it.
 *
 * Numbering, the one rule every format and route follows (lib/projects/numbering.ts): the published
 * section holds the approved tables, numbered by their published numbers; a section that includes drafts
 * holds them all, numbered by their 序号 in the list. A single table is printed as part of the section it
 * belongs to — the published section for an approved table, the full one for a table not yet approved —
 * so the staff download, the public download and the public page give an approved table the same N.
 */
import { listNumberingRows, listProjectsOfUnitYear } from '@/db/queries/projects';
import { findUnitYearSummaryByCode, getUnitYearSummary, listPublishedUnitYears, type UnitYearOption, type UnitYearSummary } from '@/db/queries/units';
import type { ProjectRow } from '@/db/schema';
import { formatWanyuan } from '@/lib/domain/money';
import type { TargetTable, UnitRef } from '@/lib/domain/table';
import { publishedNumbers } from './numbering';
import { loadTables } from './read';

/** One table of the section without its rows: enough for titles, the cover list and file names. */
export type SectionEntry = {
  number: number;
  projectId: number;
  code: string;
  name: string;
  total: string;
  isDraft: boolean;
  status: string;
  /** The version listed; the table read later must still be this one. */
  version: number;
};

export type SectionTable = { number: number; table: TargetTable; isDraft: boolean; projectId: number; status: string };

export type Section = {
  unitYearId: number;
  unit: UnitRef;
  year: number;
  projectExpenditure: string | null;
  entries: SectionEntry[];
  /** The latest change to any of the tables. */
  asOf: Date;
};

export type SectionOptions = { includeDrafts: boolean; projectCode?: string };

function entry(p: ProjectRow, number: number): SectionEntry {
  return {
    number,
    projectId: p.id,
    code: p.code,
    name: p.name,
    total: formatWanyuan(p.totalYuan),
    isDraft: p.status !== 'approved',
    status: p.status,
    version: p.version,
  };
}

/** The entries chosen by `opts`, numbered by the rule above. */
function chooseEntries(rows: readonly ProjectRow[], opts: SectionOptions): SectionEntry[] {
  const published = publishedNumbers(rows);
  const approved = rows.filter((p) => published.has(p.id)).sort((a, b) => published.get(a.id)! - published.get(b.id)!);
  const all = (list: readonly ProjectRow[]) => list.map((p) => entry(p, p.position));
  if (opts.projectCode === undefined) return opts.includeDrafts ? all(rows) : approved.map((p) => entry(p, published.get(p.id)!));
  const p = rows.find((r) => r.code === opts.projectCode);
  if (!p) return [];
  if (p.status === 'approved') return [entry(p, published.get(p.id)!)];
  return opts.includeDrafts ? [entry(p, p.position)] : [];
}

/** A table's 序号 and, once approved, its published number (see lib/projects/numbering.ts). */
export type TableNumbers = { listNumber: number; publishedNumber: number | null };

export async function tableNumbers(project: Pick<ProjectRow, 'id' | 'unitYearId' | 'position' | 'status'>): Promise<TableNumbers> {
  if (project.status !== 'approved') return { listNumber: project.position, publishedNumber: null };
  return { listNumber: project.position, publishedNumber: publishedNumbers(await listNumberingRows(project.unitYearId)).get(project.id) ?? null };
}

/** The N a table is printed with by the rule above (its published number once approved, else its 序号). */
export function printedNumberOf(numbers: TableNumbers): number {
  return numbers.publishedNumber ?? numbers.listNumber;
}

/**
 * The date a document carries (XLSX and PDF properties): its newest table's last change, or, when
 * SOURCE_DATE_EPOCH is set (the reproducible-builds convention), that moment — so that the same data
 * loaded at different times, or on another engine, exports to the same bytes.
 */
export function documentDate(updatedAt: readonly number[]): Date {
  const fixed = Number(process.env.SOURCE_DATE_EPOCH);
  if (process.env.SOURCE_DATE_EPOCH && Number.isFinite(fixed)) return new Date(fixed * 1000);
  return new Date(Math.max(0, ...updatedAt));
}

/** Approved tables by default; `includeDrafts` adds the others, marked as drafts. `projectCode` narrows to one table. */
export async function loadSection(summary: UnitYearSummary, opts: SectionOptions): Promise<Section> {
  const rows = await listProjectsOfUnitYear(summary.id);
  const entries = chooseEntries(rows, opts);
  const chosen = new Set(entries.map((e) => e.projectId));
  return {
    asOf: documentDate(rows.filter((p) => chosen.has(p.id)).map((p) => p.updatedAt)),
    unitYearId: summary.id,
    unit: { code: summary.unitCode, name: summary.unitName },
    year: summary.year,
    projectExpenditure: summary.projectExpenditureYuan === null ? null : formatWanyuan(summary.projectExpenditureYuan),
    entries,
  };
}

/** A table changed between listing the section and reading it (a long export reads in batches). */
export class SectionChanged extends Error {
  constructor(e: SectionEntry) {
    super(`导出期间表 ${e.number}「${e.name}」被修改或删除，请重新导出`);
    this.name = 'SectionChanged';
  }
}

async function withTables(entries: readonly SectionEntry[]): Promise<SectionTable[]> {
  const loaded = new Map((await loadTables(entries.map((e) => e.projectId))).map((t) => [t.project.id, t]));
  return entries.map((e) => {
    const t = loaded.get(e.projectId);
    // Mixing tables from before and after a change (or an approval withdrawn) would publish a document
    // that never existed; the export stops instead.
    if (!t || t.project.version !== e.version || t.project.status !== e.status) throw new SectionChanged(e);
    return { number: e.number, table: t.table, isDraft: e.isDraft, projectId: e.projectId, status: e.status };
  });
}

/** All tables at once (the public page; small sections). */
export async function sectionTables(section: Section): Promise<SectionTable[]> {
  return withTables(section.entries);
}

/** Tables read per batch by a streamed export. */
const BATCH = 25;

/**
 * The tables a batch at a time, letting other requests run between batches: a long export holds only
 * the tables it is drawing, and reading them does not stall the server.
 */
export async function* streamSectionTables(section: Section): AsyncGenerator<SectionTable> {
  for (let i = 0; i < section.entries.length; i += BATCH) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    yield* await withTables(section.entries.slice(i, i + BATCH));
  }
}

export async function sectionByCode(unitCode: string, year: number, opts: SectionOptions): Promise<Section | null> {
  const summary = await findUnitYearSummaryByCode(unitCode, year);
  return summary ? loadSection(summary, opts) : null;
}

export async function sectionById(unitYearId: number, opts: SectionOptions): Promise<Section | null> {
  const summary = await getUnitYearSummary(unitYearId);
  return summary ? loadSection(summary, opts) : null;
}

export type PublishedUnitYear = UnitYearOption & { approved: number };

/** Unit-years with at least one approved table: the public disclosure index. */
export async function publishedUnitYears(): Promise<PublishedUnitYear[]> {
  return listPublishedUnitYears();
}
