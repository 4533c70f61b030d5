'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { transaction } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { deleteSessionsOfUser, setPassword } from '@/db/queries/users';
import { defineAction } from '@/lib/actions/define';
import { ActionError, invalid } from '@/lib/actions/errors';
import { hashPassword } from '@/lib/auth/password';
import { checkPasswordPolicy } from '@/lib/auth/policy';
import { clearSessionCookie, clientAddress, readSession, replaceSession } from '@/lib/auth/request';
import { changePasswordSchema } from '@/lib/auth/schemas';
import { endSession } from '@/lib/auth/session';
import { checkCredentials } from '@/lib/auth/sign-in';

/** Allowed with or without a session, and while a reset password must still be changed. */
export async function signOut(): Promise<void> {
  const session = await readSession();
  const token = await clearSessionCookie();
  endSession(token);
  if (session) {
    const { actor } = session;
    appendAudit({ userId: actor.id, username: actor.username, action: 'logout', entity: 'user', entityId: actor.id, ip: await clientAddress() });
  }
  redirect('/login');
}

export const changePassword = defineAction({
  name: 'changePassword',
  schema: changePasswordSchema,
  run: async (input, ctx) => {
    // Guesses at the current password count toward the same lockout as sign-in attempts.
    const check = await checkCredentials(ctx.actor.username, input.current, ctx.ip, 'change-password');
    if (!check.ok) {
      if (check.reason === 'invalid') throw invalid(check.message, { current: [check.message] });
      throw new ActionError('denied', check.message);
    }
    const user = check.user;
    const policy = checkPasswordPolicy(input.password, user.username);
    if (policy) throw invalid(policy, { password: [policy] });
    if (input.current === input.password) throw invalid('新密码不能与当前密码相同', { password: ['新密码不能与当前密码相同'] });
    const hash = await hashPassword(input.password);
    transaction(() => {
      setPassword(user.id, hash, false);
      deleteSessionsOfUser(user.id);
      appendAudit({ userId: user.id, username: user.username, action: 'change-password', entity: 'user', entityId: user.id, ip: ctx.ip });
    });
    // Every session of this user ended above; this browser continues under a fresh token.
    await replaceSession(user.id, ctx.ip, (await headers()).get('user-agent'));
    return null;
  },
});
