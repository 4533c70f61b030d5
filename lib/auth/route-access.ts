/** Route handlers' side of lib/auth/operations.ts: decide on a ROUTES row and answer refusals as JSON. */
import 'server-only';
import { jsonResponse } from '@/lib/http/body';
import { decide, decideCaller, route, type Decision, type RouteName, type Target } from './operations';
import type { Actor } from './permissions';
import { readSession } from './request';

export type RouteGate = { ok: true; actor: Actor | null } | { ok: false; response: Response };

const STATUS: Record<Exclude<Decision, 'allow'>, number> = { unauthenticated: 401, 'password-change': 403, denied: 403, author: 403, state: 409, level: 403, 'same-reviewer': 403 };

function refusal(decision: Exclude<Decision, 'allow'>, label: string): Response {
  const message = {
    unauthenticated: '请先登录',
    'password-change': '管理员重置了你的密码：请先修改密码',
    denied: `没有权限${label}`,
    author: `不能${label}自己编制或提交的表`,
    state: `当前状态下不能${label}`,
    // No route makes a review decision today; these answer should one ever do.
    level: `不在此表等待的审核级别，不能${label}`,
    'same-reviewer': `部门审核与财政审核须由不同的人完成，不能${label}`,
  }[decision];
  return jsonResponse({ ok: false, message, ...(decision === 'password-change' ? { mustChangePassword: true } : {}) }, STATUS[decision]);
}

/**
 * Checks the caller against a route's row; with `target` (the unit, and a table's status) also the
 * permission in that unit. Without it only whether the caller may use the route at all.
 */
export async function checkRoute(name: RouteName, target?: Target): Promise<RouteGate> {
  const session = await readSession();
  const caller = { actor: session?.actor ?? null, mustChangePassword: session?.mustChangePassword ?? false };
  const op = route(name);
  const decision = target ? decide(op, caller, target) : decideCaller(op, caller);
  return decision === 'allow' ? { ok: true, actor: caller.actor } : { ok: false, response: refusal(decision, op.label) };
}
