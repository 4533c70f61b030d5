import { signInSchema } from '@/lib/auth/schemas';
import { clearSessionCookie, clientAddress, currentActor, setSessionCookie } from '@/lib/auth/request';
import { createSession, endSession } from '@/lib/auth/session';
import { checkCredentials } from '@/lib/auth/sign-in';
import { jsonResponse, readBodyCapped } from '@/lib/http/body';

/** Sign-in for programmatic clients (JSON), with the same lockout and address limits as the form. */
export async function POST(request: Request): Promise<Response> {
  let body: unknown;
  try {
    body = JSON.parse(new TextDecoder().decode(await readBodyCapped(request, 4096)));
  } catch {
    return jsonResponse({ ok: false, message: '请求应为 JSON：{"username": "…", "password": "…"}' }, 400);
  }
  const parsed = signInSchema.safeParse(body);
  if (!parsed.success) return jsonResponse({ ok: false, message: '请填写用户名和密码' }, 400);
  const ip = await clientAddress();
  const result = await checkCredentials(parsed.data.username, parsed.data.password, ip);
  if (!result.ok) return jsonResponse({ ok: false, message: result.message }, result.reason === 'rate-limited' ? 429 : 401);
  const { token, expiresAt } = createSession(result.user.id, ip, request.headers.get('user-agent'));
  await setSessionCookie(token, expiresAt);
  return jsonResponse({ ok: true, user: { username: result.user.username, displayName: result.user.displayName } });
}

export async function GET(): Promise<Response> {
  const actor = await currentActor();
  return actor
    ? jsonResponse({ ok: true, user: { username: actor.username, displayName: actor.displayName, isAdmin: actor.isAdmin } })
    : jsonResponse({ ok: false, message: '未登录' }, 401);
}

export async function DELETE(): Promise<Response> {
  endSession(await clearSessionCookie());
  return jsonResponse({ ok: true });
}
