import { currentSession } from '@/lib/auth/request';
import { downloadError } from '@/lib/http/body';
import { projectScopeIfAllowed } from '@/lib/projects/access';
import { exportResponse, parseExportQuery } from '@/lib/projects/export-route';
import { sectionById } from '@/lib/projects/section';
import { parseId } from '@/lib/http/params';
import { answeringUnavailable } from '@/lib/http/route-errors';

/**
 * One table for staff, in any status: an approved table numbered as in the published section (as the
 * public page numbers it), a table not yet approved numbered in the full section and marked 草稿.
 */
async function get(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const session = await currentSession();
  if (!session) return downloadError(request, '请先登录', 401);
  const id = parseId((await params).id);
  const scope = id ? await projectScopeIfAllowed(session.actor, id, 'project.export') : null;
  if (!scope) return downloadError(request, '没有权限导出此表', 403);
  const { project, unitYear } = scope;
  const q = parseExportQuery(request);
  if (!q.success) return downloadError(request, `下载参数有误：${q.error.issues[0]?.message ?? '请检查格式参数'}`, 400);
  const section = await sectionById(unitYear.id, { includeDrafts: true, projectCode: project.code });
  if (!section) return downloadError(request, '预算年度不存在', 404);
  return exportResponse(request, section, q.data.format, false);
}

export const GET = answeringUnavailable(get);
