import { currentSession } from '@/lib/auth/request';
import { can } from '@/lib/auth/permissions';
import { downloadError } from '@/lib/http/body';
import { exportResponse, parseExportQuery } from '@/lib/projects/export-route';
import { sectionById } from '@/lib/projects/section';
import { getUnitYear } from '@/db/queries/units';
import { parseId } from '@/lib/http/params';

/** A unit-year's section 五 for staff: approved tables, or all with `all=1` (drafts marked). */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const session = await currentSession();
  if (!session) return downloadError(request, '请先登录', 401);
  const id = parseId((await params).id);
  const unitYear = id ? getUnitYear(id) : undefined;
  if (!unitYear || !can(session.actor, 'project.export', unitYear.unitId)) return downloadError(request, '没有权限导出此单位', 403);
  const q = parseExportQuery(request);
  if (!q.success) return downloadError(request, `下载参数有误：${q.error.issues[0]?.message ?? '请检查格式参数'}`, 400);
  const section = sectionById(unitYear.id, { includeDrafts: q.data.all === '1', projectCode: q.data.project });
  if (!section) return downloadError(request, '预算年度不存在', 404);
  return exportResponse(request, section, q.data.format, q.data.cover === '1');
}
