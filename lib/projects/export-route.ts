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

/** The body as a web stream: the export is pulled as the client reads, and stops if it goes away. */
function webBody(body: Readable): ReadableStream {
  return Readable.toWeb(body) as ReadableStream;
}

const NOTHING_FOR_STAFF = '没有可导出的表（默认只导出已审核的表；勾选“包括未审核的表”可导出全部）';

/** `empty` is the answer when nothing was chosen (the public routes say so in their own words). */
export function exportResponse(section: Section, format: z.infer<typeof exportFormatSchema>, includeCover: boolean, empty = NOTHING_FOR_STAFF): Response {
  if (section.entries.length === 0) return jsonResponse({ ok: false, message: empty }, 404);
  const doc = exportSection(section, format, { includeCover });
  return new Response(webBody(doc.body), {
    headers: {
      'content-type': doc.contentType,
      'content-disposition': attachment(doc.filename),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}

/** The section's interchange JSON served inline (the public JSON API), streamed like the downloads. */
export function interchangeResponse(section: Section): Response {
  const doc = exportSection(section, 'json', { includeCover: false });
  return new Response(webBody(doc.body), { headers: { 'content-type': doc.contentType, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' } });
}
