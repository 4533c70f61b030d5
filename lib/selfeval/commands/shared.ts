import { appendAudit } from '@/db/queries/audit';
import type { Who } from '@/lib/projects/commands/shared';

export type { Who };

export async function auditSelfEval(who: Who, action: string, selfEvalId: number, unitId: number, changes?: unknown): Promise<void> {
  await appendAudit({ userId: who.actor.id, username: who.actor.username, action, entity: 'selfeval', entityId: selfEvalId, unitId, changes, ip: who.ip });
}
