import { appendAudit } from '@/db/queries/audit';
import type { Who } from '@/lib/projects/commands/shared';

export type { Who };

export async function auditReport(who: Who, action: string, reportId: number, unitId: number, changes?: unknown): Promise<void> {
  await appendAudit({ userId: who.actor.id, username: who.actor.username, action, entity: 'monitoring-report', entityId: reportId, unitId, changes, ip: who.ip });
}
