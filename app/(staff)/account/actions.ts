'use server';

import { redirect } from 'next/navigation';
import { transaction } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { deleteSessionsOfUser, getUser, setPassword } from '@/db/queries/users';
import { defineAction } from '@/lib/actions/define';
import { invalid } from '@/lib/actions/errors';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { checkPasswordPolicy } from '@/lib/auth/policy';
import { clearSessionCookie, clientAddress, currentActor, setSessionCookie } from '@/lib/auth/request';
import { changePasswordSchema } from '@/lib/auth/schemas';
import { createSession, endSession } from '@/lib/auth/session';

export async function signOut(): Promise<void> {
  const actor = await currentActor();
  const token = await clearSessionCookie();
  endSession(token);
  if (actor) {
    appendAudit({ userId: actor.id, username: actor.username, action: 'logout', entity: 'user', entityId: actor.id, ip: await clientAddress() });
  }
  redirect('/login');
}

export const changePassword = defineAction({
  name: 'account.change-password',
  schema: changePasswordSchema,
  run: async (input, ctx) => {
    const user = getUser(ctx.actor.id);
    if (!user || !(await verifyPassword(input.current, user.passwordHash))) {
      throw invalid('当前密码不正确', { current: ['当前密码不正确'] });
    }
    const policy = checkPasswordPolicy(input.password, user.username);
    if (policy) throw invalid(policy, { password: [policy] });
    if (input.current === input.password) throw invalid('新密码不能与当前密码相同', { password: ['新密码不能与当前密码相同'] });
    const hash = await hashPassword(input.password);
    transaction(() => {
      setPassword(user.id, hash, false);
      deleteSessionsOfUser(user.id);
      appendAudit({ userId: user.id, username: user.username, action: 'change-password', entity: 'user', entityId: user.id, ip: ctx.ip });
    });
    // Other sessions of this user end; this one continues under a fresh token.
    const { token, expiresAt } = createSession(user.id, ctx.ip, null);
    await setSessionCookie(token, expiresAt);
    return null;
  },
});
