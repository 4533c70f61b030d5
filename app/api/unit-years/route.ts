import { currentSession } from '@/lib/auth/request';
import { jsonResponse } from '@/lib/http/body';
import { visibleUnitYears } from '@/lib/projects/list';

/** The unit-years the signed-in user may see. */
export async function GET(): Promise<Response> {
  const session = await currentSession();
  if (!session) return jsonResponse({ ok: false, message: '请先登录' }, 401);
  return jsonResponse({ ok: true, unitYears: await visibleUnitYears(session.actor) });
}
