import { Readable } from 'node:stream';
import { currentSession } from '@/lib/auth/request';
import { departmentBody, departmentDocument, departmentDocumentQuery, departmentFilename } from '@/lib/departments/document';
import { attachment, downloadError } from '@/lib/http/body';
import { exportGate } from '@/lib/http/export-gate';
import { parseId } from '@/lib/http/params';
import { answeringUnavailable } from '@/lib/http/route-errors';

const TYPES = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', pdf: 'application/pdf' } as const;

/** A department's approved tables of one year in one document (issue 18): whoever may export the department. */
async function get(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const session = await currentSession();
  if (!session) return downloadError(request, '请先登录', 401);
  const q = departmentDocumentQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!q.success) return downloadError(request, `下载参数有误：${q.error.issues[0]?.message ?? '请检查参数'}`, 400);
  const id = parseId((await params).id);
  const doc = id ? await departmentDocument(session.actor, id, q.data.year) : null;
  if (!doc) return downloadError(request, '没有权限导出此部门', 403);
  if (doc.tables === 0) return downloadError(request, `${doc.year} 年度此部门各单位还没有已审核的表`, 404);
  const headers = { 'content-type': TYPES[q.data.format], 'content-disposition': attachment(departmentFilename(doc, q.data.format)), 'cache-control': 'no-store' };
  if (request.method === 'HEAD') return new Response(null, { headers });
  // The same gate as other large exports: memory stays bounded however many are asked for at once.
  const release = await exportGate.acquire(doc.tables, request.signal);
  if (!release) return downloadError(request, '当前正在生成的大型导出较多，请稍后再试', 503, { 'retry-after': '30' });
  const body = departmentBody(doc, q.data.format);
  body.once('close', release);
  request.signal.addEventListener('abort', () => body.destroy(), { once: true });
  return new Response(Readable.toWeb(body) as ReadableStream, { headers });
}

export const GET = answeringUnavailable(get);
