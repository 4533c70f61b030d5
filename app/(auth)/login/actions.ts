'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { zodFieldErrors } from '@/lib/actions/define';
import type { ActionResult } from '@/lib/actions/result';
import { clientAddress, deviceTokenForSignIn, replaceSession, setDeviceCookie } from '@/lib/auth/request';
import { safeNextPath, signInSchema } from '@/lib/auth/schemas';
import { checkCredentials } from '@/lib/auth/sign-in';

/** The username comes back so the form can keep it after a failed attempt (React resets the form). */
export type SignInState = (ActionResult<null> & { username?: string }) | null;

/** Public in lib/auth/operations.ts: this is how a session starts. */
export async function signIn(_prev: SignInState, form: FormData): Promise<SignInState> {
  // Anyone can post to an action: a body that is not the form gets an answer, not a 500.
  if (!(form instanceof FormData)) return { ok: false, code: 'invalid', message: '请填写用户名和密码', fieldErrors: {} };
  const parsed = signInSchema.safeParse({
    username: form.get('username') ?? '',
    password: form.get('password') ?? '',
    next: form.get('next') ?? undefined,
  });
  if (!parsed.success) {
    return { ok: false, code: 'invalid', message: '请填写用户名和密码', fieldErrors: zodFieldErrors(parsed.error), username: String(form.get('username') ?? '').slice(0, 64) };
  }
  const ip = await clientAddress();
  let destination: string;
  try {
    const device = await deviceTokenForSignIn();
    const result = await checkCredentials(parsed.data.username, parsed.data.password, ip, 'sign-in', device);
    if (!result.ok) return { ok: false, code: 'denied', message: result.message, fieldErrors: {}, username: parsed.data.username };
    await replaceSession(result.user.id, ip, (await headers()).get('user-agent'));
    await setDeviceCookie(device);
    // Without an explicit destination, home decides (a reviewer lands on 我的待办).
    destination = result.user.mustChangePassword ? '/account/password' : parsed.data.next ? safeNextPath(parsed.data.next) : '/';
  } catch (error) {
    console.error('[sign-in]', error);
    return { ok: false, code: 'error', message: '登录时出错，请稍后重试', fieldErrors: {} };
  }
  redirect(destination);
}
