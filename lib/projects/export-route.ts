/** Shared by the download route handlers: parse the query, export, answer with the right headers. */
import { Readable } from 'node:stream';
import { z } from 'zod';
import { attachment, downloadError } from '@/lib/http/body';
import { exportGate } from '@/lib/http/export-gate';
import { exportFilename, exportFormatSchema, exportSection, TYPES } from './export';
import type { Section } from './section';

export const exportQuery = z.object({
  format: exportFormatSchema.default('xlsx'),
  all: z.literal('1').optional(),
  cover: z.literal('1').optional(),
  project: z.string().max(60).optional(),
});

type Format = z.infer<typeof exportFormatSchema>;

export function parseExportQuery(request: Request) {
  return exportQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
}

/** The body as a web stream: the export is pulled as the client reads, and stops if it goes away. */
function webBody(body: Readable): ReadableStream {
  return Readable.toWeb(body) as ReadableStream;
}

const NOTHING_FOR_STAFF = '没有可导出的表（默认只导出已审核的表；勾选“包括未审核的表”可导出全部）';

const BUSY = '当前正在生成的大型导出较多，请稍后再试';

/** However the response ends, places are never held longer than this (a safety net, not a limit). */
const HOLD_AT_MOST_MS = 10 * 60_000;

/**
 * Renders through the export gate. The places are held until the body stream closes (sent in full,
 * failed, or cancelled) or the client goes away (`request.signal`): Next does not always cancel a body
 * it will not send (a client gone while the export waited, a HEAD request), so the abort destroys the
 * body itself. Memory stays bounded however many large exports are asked for at once.
 */
async function gated(request: Request, section: Section, format: Format, includeCover: boolean): Promise<ReturnType<typeof exportSection> | null> {
  const release = await exportGate.acquire(section.entries.length, request.signal);
  if (!release) return null;
  if (request.signal.aborted) {
    release();
    return null;
  }
  try {
    const doc = exportSection(section, format, { includeCover });
    const stop = () => doc.body.destroy();
    const watchdog = setTimeout(release, HOLD_AT_MOST_MS);
    watchdog.unref();
    request.signal.addEventListener('abort', stop, { once: true });
    doc.body.once('close', () => {
      clearTimeout(watchdog);
      request.signal.removeEventListener('abort', stop);
      release();
    });
    return doc;
  } catch (error) {
    release();
    throw error;
  }
}

function busy(request: Request): Response {
  return downloadError(request, BUSY, 503, { 'retry-after': '30' });
}


/**
 * The gated stream with its headers: an attachment, or inline for the JSON API. A HEAD request (Next
 * answers it with the GET handler) gets the same headers without anything being rendered.
 */
async function respond(request: Request, section: Section, format: Format, opts: { includeCover: boolean; inline: boolean }): Promise<Response> {
  const headers: Record<string, string> = { 'content-type': TYPES[format], 'cache-control': 'no-store', 'x-content-type-options': 'nosniff' };
  if (!opts.inline) headers['content-disposition'] = attachment(exportFilename(section, format));
  if (request.method === 'HEAD') return new Response(null, { headers });
  const doc = await gated(request, section, format, opts.includeCover);
  if (!doc) return busy(request);
  return new Response(webBody(doc.body), { headers });
}

/** `empty` is the answer when nothing was chosen (the public routes say so in their own words). */
export async function exportResponse(request: Request, section: Section, format: Format, includeCover: boolean, empty = NOTHING_FOR_STAFF): Promise<Response> {
  if (section.entries.length === 0) return downloadError(request, empty, 404);
  return respond(request, section, format, { includeCover, inline: false });
}

/** The section's interchange JSON served inline (the public JSON API), streamed like the downloads. */
export function interchangeResponse(request: Request, section: Section): Promise<Response> {
  return respond(request, section, 'json', { includeCover: false, inline: true });
}
