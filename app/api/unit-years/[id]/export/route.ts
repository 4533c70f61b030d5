import { currentSession } from '@/lib/auth/request';
import { downloadError } from '@/lib/http/body';
import { exportResponse, parseExportQuery } from '@/lib/projects/export-route';
import { sectionById } from '@/lib/projects/section';
import { parseId } from '@/lib/http/params';
import { unitYearIfAllowed } from '@/lib/projects/access';
import { answeringUnavailable } from '@/lib/http/route-errors';

/** A unit-year's section 五 for staff: approved tables, or all with `all=1` (drafts marked). */
async function get(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const session = await currentSession();
  if (!session) return downloadError(request, '请先登录', 401);
  const id = parseId((await params).id);
  const unitYear = id ? await unitYearIfAllowed(session.actor, id, 'project.export') : null;
  if (!unitYear) return downloadError(request, '没有权限导出此单位', 403);
  const q = parseExportQuery(request);
  if (!q.success) return downloadError(request, `下载参数有误：${q.error.issues[0]?.message ?? '请检查格式参数'}`, 400);
  const section = await sectionById(unitYear.id, { includeDrafts: q.data.all === '1', projectCode: q.data.project });
  if (!section) return downloadError(request, '预算年度不存在', 404);
  return exportResponse(request, section, q.data.format, q.data.cover === '1');
}

export const GET = answeringUnavailable(get);
