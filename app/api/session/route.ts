import { signOut } from '@/lib/auth/commands/sign-out';
import { signInSchema } from '@/lib/auth/schemas';
import { clearSessionCookie, clientAddress, deviceTokenForSignIn, readSession, replaceSession, setDeviceCookie } from '@/lib/auth/request';
import { checkRoute } from '@/lib/auth/route-access';
import { checkCredentials } from '@/lib/auth/sign-in';
import { jsonResponse, readBodyCapped } from '@/lib/http/body';
import { refuseCrossOrigin } from '@/lib/http/route-guard';
import { answeringUnavailable } from '@/lib/http/route-errors';

/**
 * Sign-in for programmatic clients (JSON), with the same delays as the form.
 * Who may call each method is in lib/auth/operations.ts (ROUTES).
 */
export async function POST(request: Request): Promise<Response> {
  // Login CSRF: a page elsewhere must not sign the visitor's browser into another account. A browser
  // marks a request from another origin as such, and an HTML form cannot send application/json (a
  // script would need a CORS preflight, which is never granted).
  const forged = refuseCrossOrigin(request);
  if (forged) return forged;
  const mediaType = request.headers.get('content-type')?.split(';')[0]?.trim().toLowerCase();
  if (mediaType !== 'application/json') return jsonResponse({ ok: false, message: '请求应为 JSON（Content-Type: application/json）' }, 415);
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(await readBodyCapped(request, 4096)));
  } catch {
    return jsonResponse({ ok: false, message: '请求应为 JSON：{"username": "…", "password": "…"}' }, 400);
  }
  const parsed = signInSchema.safeParse(body);
  if (!parsed.success) return jsonResponse({ ok: false, message: '请填写用户名和密码' }, 400);
  const ip = await clientAddress();
  const device = await deviceTokenForSignIn();
  const result = await checkCredentials(parsed.data.username, parsed.data.password, ip, 'sign-in', device);
  if (!result.ok) return jsonResponse({ ok: false, message: result.message }, result.reason === 'delayed' || result.reason === 'busy' ? 429 : 401);
  await replaceSession(result.user.id, ip, request.headers.get('user-agent'));
  await setDeviceCookie(device);
  const user = { username: result.user.username, displayName: result.user.displayName };
  if (result.user.mustChangePassword) {
    // The session may only change the password (the changePassword action) or sign out.
    return jsonResponse({ ok: true, user, mustChangePassword: true, message: '管理员重置了密码：请先修改密码，其他操作在此之前都会被拒绝' });
  }
  return jsonResponse({ ok: true, user, mustChangePassword: false });
}

async function get(): Promise<Response> {
  const gate = await checkRoute('GET /api/session');
  if (!gate.ok) return gate.response;
  const { actor } = gate;
  if (!actor) return jsonResponse({ ok: false, message: '请先登录' }, 401);
  return jsonResponse({ ok: true, user: { username: actor.username, displayName: actor.displayName, isAdmin: actor.isAdmin } });
}

export async function DELETE(request: Request): Promise<Response> {
  const forged = refuseCrossOrigin(request);
  if (forged) return forged;
  const session = await readSession();
  const token = await clearSessionCookie();
  await signOut(token, session?.actor ?? null, session ? await clientAddress() : null);
  return jsonResponse({ ok: true });
}

export const GET = answeringUnavailable(get);
