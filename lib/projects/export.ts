/** One place that turns a section into a downloadable document in any of the four formats. */
import { PassThrough, Readable } from 'node:stream';
import { z } from 'zod';
import { renderPdf } from '@/lib/export/pdf';
import { writeXlsx } from '@/lib/export/xlsx';
import { toInterchange } from '@/lib/format/published/interchange';
import { renderDocument } from '@/lib/format/published/render';
import type { Section } from './section';

export const EXPORT_FORMATS = ['xlsx', 'pdf', 'text', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const exportFormatSchema = z.enum(EXPORT_FORMATS, { error: '格式应为 xlsx、pdf、text 或 json' });

const TYPES: Record<ExportFormat, string> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
  text: 'text/plain; charset=utf-8',
  json: 'application/json; charset=utf-8',
};
const EXTENSIONS: Record<ExportFormat, string> = { xlsx: 'xlsx', pdf: 'pdf', text: 'txt', json: 'json' };

export type ExportDocument = { contentType: string; filename: string; body: Readable };

function documentOf(section: Section) {
  return {
    unit: section.unit,
    year: section.year,
    projectExpenditure: section.projectExpenditure,
    projects: section.tables.map((t) => t.table),
  };
}

export function exportFilename(section: Section, format: ExportFormat): string {
  const one = section.tables.length === 1 ? section.tables[0]! : null;
  const draft = section.tables.some((t) => t.isDraft) ? '（含草稿）' : '';
  const what = one ? `${one.number}、${one.table.name}绩效目标表` : `${section.unit.name}${section.year}年度项目绩效目标表`;
  return `${section.unit.code}-${what}${draft}.${EXTENSIONS[format]}`;
}

/** The section in the interchange JSON format (docs/interchange.md). */
export function sectionInterchange(section: Section): unknown {
  return toInterchange({ ...documentOf(section), problems: [] });
}

/** XLSX streams as it is written; PDF, text and JSON are produced whole (a section is small). */
export async function exportSection(section: Section, format: ExportFormat, opts: { includeCover: boolean }): Promise<ExportDocument> {
  const filename = exportFilename(section, format);
  const exportData = {
    unit: section.unit,
    year: section.year,
    projectExpenditure: section.projectExpenditure,
    tables: section.tables.map((t) => ({ number: t.number, table: t.table, isDraft: t.isDraft })),
    includeCover: opts.includeCover,
    asOf: section.asOf,
  };
  if (format === 'xlsx') {
    const out = new PassThrough();
    writeXlsx(exportData, out).catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
    return { contentType: TYPES.xlsx, filename, body: out };
  }
  if (format === 'pdf') return { contentType: TYPES.pdf, filename, body: Readable.from([await renderPdf(exportData)]) };
  const text = format === 'text' ? renderDocument(documentOf(section)) : JSON.stringify(sectionInterchange(section), null, 2);
  return { contentType: TYPES[format], filename, body: Readable.from([Buffer.from(text, 'utf8')]) };
}
