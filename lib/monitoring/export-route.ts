/** The monitoring download routes: session, permission (in the loaders), format, headers. */
import { currentSession } from '@/lib/auth/request';
import { attachment, downloadError } from '@/lib/http/body';
import type { Actor } from '@/lib/auth/permissions';
import { monitoringFormat, renderSheets, type MonitoringExport } from './export';

export async function monitoringDownload(
  request: Request,
  rawId: string,
  load: (actor: Actor, id: number) => Promise<MonitoringExport | null>,
): Promise<Response> {
  const session = await currentSession();
  if (!session) return downloadError(request, '请先登录', 401);
  const id = Number(rawId);
  const found = Number.isSafeInteger(id) && id > 0 ? await load(session.actor, id) : null;
  if (!found) return downloadError(request, '没有权限导出此监控表，或它不存在', 403);
  const format = monitoringFormat.safeParse(new URL(request.url).searchParams.get('format') ?? undefined);
  if (!format.success) return downloadError(request, '下载参数有误：格式应为 xlsx、pdf 或 json', 400);
  const { body, type } = await renderSheets(found, format.data);
  return new Response(new Uint8Array(body), {
    headers: {
      'content-type': type,
      'content-disposition': attachment(`${found.name}.${format.data}`),
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
  });
}
