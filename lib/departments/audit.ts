import { appendAudit } from '@/db/queries/audit';
import type { Who } from '@/lib/projects/commands/shared';

/** An administration change to a unit or an account, written in the command's own transaction. */
export function auditAdmin(who: Who, action: string, entity: 'unit' | 'user' | 'unit-year', entityId: number, changes: unknown, unitId: number | null = null): Promise<void> {
  return appendAudit({ userId: who.actor.id, username: who.actor.username, action, entity, entityId, unitId, changes, ip: who.ip });
}
