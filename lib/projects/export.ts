/**
 * One place that turns a section into a downloadable document in any of the four formats. Every format
 * streams: the first bytes leave before the last table is read, tables are read a batch at a time, and
 * a slow or vanished reader holds the export back (or stops it) instead of filling memory.
 */
import { PassThrough, Readable } from 'node:stream';
import { z } from 'zod';
import { coverList, type CoverList, type ExportSection } from '@/lib/export/model';
import { writePdf } from '@/lib/export/pdf';
import { writeXlsx } from '@/lib/export/xlsx';
import { interchangeHead, tableToInterchange } from '@/lib/format/published/interchange';
import { renderDocumentHead, renderDocumentTable } from '@/lib/format/published/render';
import { streamSectionTables, type Section } from './section';

export const EXPORT_FORMATS = ['xlsx', 'pdf', 'text', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const exportFormatSchema = z.enum(EXPORT_FORMATS, { error: '格式应为 xlsx、pdf、text 或 json' });

export const TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  text: 'text/plain; charset=utf-8',
  json: 'application/json; charset=utf-8',
};
const EXTENSIONS: Record<ExportFormat, string> = { xlsx: 'xlsx', pdf: 'pdf', text: 'txt', json: 'json' };

export type ExportDocument = { contentType: string; filename: string; body: Readable };
export type ExportOptions = { includeCover: boolean };

export function exportFilename(section: Section, format: ExportFormat): string {
  const one = section.entries.length === 1 ? section.entries[0]! : null;
  const draft = section.entries.some((t) => t.isDraft) ? '（含草稿）' : '';
  const what = one ? `${one.number}、${one.name}绩效目标表` : `${section.unit.name}${section.year}年度项目绩效目标表`;
  return `${section.unit.code}-${what}${draft}.${EXTENSIONS[format]}`;
}

function cover(section: Section, opts: ExportOptions): CoverList | undefined {
  return opts.includeCover ? coverList(section, section.entries) : undefined;
}

/** The published text, a table at a time (the same bytes as renderDocument). */
async function* textParts(section: Section, opts: ExportOptions): AsyncGenerator<Buffer> {
  yield Buffer.from(renderDocumentHead(section, { cover: cover(section, opts) }));
  let isFirst = true;
  for await (const t of streamSectionTables(section)) {
    yield Buffer.from(renderDocumentTable(t, isFirst));
    isFirst = false;
  }
}

const PROJECTS_SLOT = '\u0000projects';

/**
 * The interchange JSON, a project at a time, laid out exactly as JSON.stringify(document, null, 2)
 * would: the head is stringified around a placeholder that the projects then replace.
 */
async function* jsonParts(section: Section, opts: ExportOptions): AsyncGenerator<Buffer> {
  const whole = JSON.stringify({ ...interchangeHead(section, { cover: cover(section, opts) }), projects: [PROJECTS_SLOT], problems: [] }, null, 2);
  const [before, after] = whole.split(JSON.stringify(PROJECTS_SLOT)) as [string, string];
  yield Buffer.from(before);
  let isFirst = true;
  for await (const t of streamSectionTables(section)) {
    const json = JSON.stringify(tableToInterchange(t.table, { number: t.number, isDraft: t.isDraft }), null, 2).replace(/\n/g, '\n    ');
    yield Buffer.from(`${isFirst ? '' : ',\n    '}${json}`);
    isFirst = false;
  }
  yield Buffer.from(after);
}

/** The section as the PDF and XLSX writers take it: summaries now, tables read as they are drawn. */
export function exportData(section: Section, opts: ExportOptions): ExportSection {
  return {
    unit: section.unit,
    year: section.year,
    projectExpenditure: section.projectExpenditure,
    summaries: section.entries,
    tables: { [Symbol.asyncIterator]: () => streamSectionTables(section) },
    includeCover: opts.includeCover,
    asOf: section.asOf,
  };
}

function written(write: (data: ExportSection, out: PassThrough) => Promise<void>, data: ExportSection): Readable {
  const out = new PassThrough();
  // A failure after the first bytes can only end the download early; the reader sees it cut short.
  write(data, out).catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}

function bodyOf(section: Section, format: ExportFormat, opts: ExportOptions): Readable {
  if (format === 'xlsx') return written(writeXlsx, exportData(section, opts));
  if (format === 'pdf') return written(writePdf, exportData(section, opts));
  return Readable.from(format === 'text' ? textParts(section, opts) : jsonParts(section, opts), { objectMode: false });
}

export function exportSection(section: Section, format: ExportFormat, opts: ExportOptions): ExportDocument {
  return { contentType: TYPES[format], filename: exportFilename(section, format), body: bodyOf(section, format, opts) };
}
