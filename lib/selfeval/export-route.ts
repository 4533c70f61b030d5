/** The 自评表 download routes: session, permission (in the loaders), format, the export gate, headers. */
import { currentSession } from '@/lib/auth/request';
import type { Actor } from '@/lib/auth/permissions';
import { attachment, downloadError } from '@/lib/http/body';
import { exportGate } from '@/lib/http/export-gate';
import { parseId } from '@/lib/http/params';
import { answeringUnavailable } from '@/lib/http/route-errors';
import { renderSelfEvalExport, selfEvalFormat, type SelfEvalExport } from './export';

const BUSY = '当前正在生成的大型导出较多，请稍后再试';

async function download(request: Request, rawId: string, load: (actor: Actor, id: number) => Promise<SelfEvalExport | null>): Promise<Response> {
  const session = await currentSession();
  if (!session) return downloadError(request, '请先登录', 401);
  const id = parseId(rawId);
  const found = id ? await load(session.actor, id) : null;
  if (!found) return downloadError(request, '没有权限导出此自评表，或它不存在', 403);
  const format = selfEvalFormat.safeParse(new URL(request.url).searchParams.get('format') ?? undefined);
  if (!format.success) return downloadError(request, '下载参数有误：格式应为 xlsx、pdf 或 json', 400);
  // A unit-year of hundreds of 自评表 takes its places in the gate like a section of as many tables.
  const release = await exportGate.acquire(found.sheets.length, request.signal);
  if (!release) return downloadError(request, BUSY, 503, { 'retry-after': '30' });
  try {
    const { body, type } = await renderSelfEvalExport(found, format.data);
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
}

type Params = { params: Promise<{ id: string }> };

export function selfEvalDownloadRoute(load: (actor: Actor, id: number) => Promise<SelfEvalExport | null>): (request: Request, ctx: Params) => Promise<Response> {
  return answeringUnavailable(async (request: Request, { params }: Params) => download(request, (await params).id, load));
}
