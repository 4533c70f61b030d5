/** Shared by the download route handlers: parse the query, export, answer with the right headers. */
import { Readable } from 'node:stream';
import { z } from 'zod';
import { attachment, jsonResponse } from '@/lib/http/body';
import { exportFormatSchema, exportSection } from './export';
import type { Section } from './section';

export const exportQuery = z.object({
  format: exportFormatSchema.default('xlsx'),
  all: z.literal('1').optional(),
  cover: z.literal('1').optional(),
  project: z.string().max(60).optional(),
});

export function parseExportQuery(request: Request) {
  return exportQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
}

export async function exportResponse(section: Section, format: z.infer<typeof exportFormatSchema>, includeCover: boolean): Promise<Response> {
  if (section.tables.length === 0) {
    return jsonResponse({ ok: false, message: '没有可导出的表（默认只导出已审核的表；勾选“包括未审核的表”可导出全部）' }, 404);
  }
  const doc = await exportSection(section, format, { includeCover });
  return new Response(Readable.toWeb(doc.body) as ReadableStream, {
    headers: {
      'content-type': doc.contentType,
      'content-disposition': attachment(doc.filename),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
