/** Ends the session a browser holds, and records the sign-out of the user it belonged to (if any). */
import { write } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import type { Actor } from '../permissions';
import { endSession } from '../session';

export async function signOut(token: string | undefined, actor: Actor | null, ip: string | null): Promise<void> {
  await write(async () => {
    await endSession(token);
    if (actor) await appendAudit({ userId: actor.id, username: actor.username, action: 'logout', entity: 'user', entityId: actor.id, ip });
  });
}
