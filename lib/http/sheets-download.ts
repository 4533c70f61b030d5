/**
 * The download routes of documents made of sheets (monitoring reports, 自评表; one or a unit-year's round):
 * session, permission (in the loader), format, the export gate, headers, and a retryable answer while the
 * database is unreachable.
 */
import type { z } from 'zod';
import type { Actor } from '@/lib/auth/permissions';
import { currentSession } from '@/lib/auth/request';
import { attachment, downloadError } from './body';
import { exportGate } from './export-gate';
import { parseId } from './params';
import { answeringUnavailable } from './route-errors';

const BUSY = '当前正在生成的大型导出较多，请稍后再试';

type Params = { params: Promise<{ id: string }> };

export type SheetsDownload<E extends { name: string; sheets: readonly unknown[] }, F extends string> = {
  /** The document, or null when it does not exist or the actor may not export it. */
  load: (actor: Actor, id: number) => Promise<E | null>;
  format: z.ZodType<F, unknown>;
  /** What the refusal says: 没有权限导出此…，或它不存在. */
  refused: string;
  render: (found: E, format: F) => Promise<{ body: Buffer; type: string }>;
};

export function sheetsDownloadRoute<E extends { name: string; sheets: readonly unknown[] }, F extends string>(
  spec: SheetsDownload<E, F>,
): (request: Request, ctx: Params) => Promise<Response> {
  return answeringUnavailable(async (request: Request, { params }: Params) => {
    const session = await currentSession();
    if (!session) return downloadError(request, '请先登录', 401);
    const id = parseId((await params).id);
    const found = id ? await spec.load(session.actor, id) : null;
    if (!found) return downloadError(request, spec.refused, 403);
    const format = spec.format.safeParse(new URL(request.url).searchParams.get('format') ?? undefined);
    if (!format.success) return downloadError(request, '下载参数有误：格式应为 xlsx、pdf 或 json', 400);
    // A round of hundreds of sheets takes its places in the gate like a section of as many tables.
    const release = await exportGate.acquire(found.sheets.length, request.signal);
    if (!release) return downloadError(request, BUSY, 503, { 'retry-after': '30' });
    try {
      const { body, type } = await spec.render(found, format.data);
      return new Response(new Uint8Array(body), {
        headers: {
          'content-type': type,
          'content-disposition': attachment(`${found.name}.${format.data}`),
          'cache-control': 'no-store',
          'x-content-type-options': 'nosniff',
        },
      });
    } finally {
      release();
    }
  });
}
