import { currentSession } from '@/lib/auth/request';
import { jsonResponse } from '@/lib/http/body';
import { projectView } from '@/lib/projects/overview';
import { parseId } from '@/lib/http/params';
import { answeringUnavailable } from '@/lib/http/route-errors';

/** A table with its version and status, for API clients (the same checks as the overview page). */
async function get(_request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const session = await currentSession();
  if (!session) return jsonResponse({ ok: false, message: '请先登录' }, 401);
  const id = parseId((await params).id);
  const view = id ? await projectView(session.actor, id) : null;
  if (!view) return jsonResponse({ ok: false, message: '表不存在或没有权限查看' }, 404);
  const { project, table, findings } = view;
  return jsonResponse({
    ok: true,
    project: { id: project.id, unitYearId: project.unitYearId, status: project.status, version: project.version, position: project.position, updatedAt: project.updatedAt },
    table,
    findings,
  });
}

export const GET = answeringUnavailable(get);
