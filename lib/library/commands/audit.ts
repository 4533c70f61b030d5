import { appendAudit } from '@/db/queries/audit';
import type { Who } from '@/lib/projects/commands/shared';

/** Curation is audited as `library-entry` (or `library` for a whole import), never unit-scoped. */
export async function auditLibrary(who: Who, action: string, entityId: number | null, changes: unknown): Promise<void> {
  await appendAudit({ userId: who.actor.id, username: who.actor.username, action, entity: entityId === null ? 'library' : 'library-entry', entityId, unitId: null, changes, ip: who.ip });
}
