'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { defineAction } from '@/lib/actions/define';
import { changePassword as changeOwnPassword } from '@/lib/auth/commands/change-password';
import { signOut as endSignedInSession } from '@/lib/auth/commands/sign-out';
import { clearSessionCookie, clientAddress, readSession, replaceSession, sentDeviceToken } from '@/lib/auth/request';
import { changePasswordSchema } from '@/lib/auth/schemas';

/** Allowed with or without a session, and while a reset password must still be changed. */
export async function signOut(): Promise<void> {
  const session = await readSession();
  const token = await clearSessionCookie();
  await endSignedInSession(token, session?.actor ?? null, session ? await clientAddress() : null);
  redirect('/login');
}

export const changePassword = defineAction({
  name: 'changePassword',
  schema: changePasswordSchema,
  run: async (input, ctx) => {
    const { userId } = await changeOwnPassword({ ...ctx, device: await sentDeviceToken() }, input);
    // Every session of this user ended above; this browser continues under a fresh token.
    await replaceSession(userId, ctx.ip, (await headers()).get('user-agent'));
    return null;
  },
});
