import { currentSession } from '@/lib/auth/request';
import { jsonResponse } from '@/lib/http/body';
import { visibleUnitYears } from '@/lib/projects/list';
import { answeringUnavailable } from '@/lib/http/route-errors';

/** The unit-years the signed-in user may see. */
async function get(): Promise<Response> {
  const session = await currentSession();
  if (!session) return jsonResponse({ ok: false, message: '请先登录' }, 401);
  return jsonResponse({ ok: true, unitYears: await visibleUnitYears(session.actor) });
}

export const GET = answeringUnavailable(get);
