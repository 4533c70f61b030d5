/**
 * A signed-in user changes their own password: the current one is checked as a sign-in would be (the
 * same delays; a known device skips them), the new one against the policy; then the password, the end of every session of the
 * user and the audit row are written together.
 */
import { write } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { deleteSessionsOfUser, setPassword } from '@/db/queries/users';
import { ActionError, invalid } from '@/lib/actions/errors';
import { hashPassword } from '../password';
import type { Actor } from '../permissions';
import { checkPasswordPolicy } from '../policy';
import { checkCredentials } from '../sign-in';

export type PasswordChange = { current: string; password: string };

/** Returns the user's id; the caller starts a fresh session for this browser (every other one has ended). */
export async function changePassword(who: { actor: Actor; ip: string; device?: string }, input: PasswordChange): Promise<{ userId: number }> {
  // Guesses at the current password count toward the same delays as sign-in attempts.
  const check = await checkCredentials(who.actor.username, input.current, who.ip, 'change-password', who.device);
  if (!check.ok) {
    if (check.reason === 'invalid') throw invalid(check.message, { current: [check.message] });
    throw new ActionError('denied', check.message);
  }
  const user = check.user;
  const policy = checkPasswordPolicy(input.password, user.username);
  if (policy) throw invalid(policy, { password: [policy] });
  if (input.current === input.password) throw invalid('新密码不能与当前密码相同', { password: ['新密码不能与当前密码相同'] });
  // Hashed before the transaction: nothing but database work runs inside write().
  const hash = await hashPassword(input.password);
  await write(async () => {
    await setPassword(user.id, hash, false);
    await deleteSessionsOfUser(user.id);
    await appendAudit({ userId: user.id, username: user.username, action: 'change-password', entity: 'user', entityId: user.id, ip: who.ip });
  });
  return { userId: user.id };
}
