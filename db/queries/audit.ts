import { and, asc, desc, eq } from 'drizzle-orm';
import { db, now } from '../client';
import { auditLog, type AuditRow } from '../schema';

export type AuditEntry = {
  userId: number | null;
  username: string | null;
  action: string;
  entity: string;
  entityId?: number | null;
  unitId?: number | null;
  changes?: unknown;
  ip?: string | null;
};

export function appendAudit(entry: AuditEntry): void {
  db()
    .insert(auditLog)
    .values({
      at: now(),
      userId: entry.userId,
      username: entry.username,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId ?? null,
      unitId: entry.unitId ?? null,
      changes: entry.changes === undefined ? null : JSON.stringify(entry.changes),
      ip: entry.ip ?? null,
    })
    .run();
}

export function listAuditFor(entity: string, entityId: number): AuditRow[] {
  return db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
    .orderBy(asc(auditLog.at), asc(auditLog.id))
    .all();
}

export function listRecentAudit(limit: number, offset = 0): AuditRow[] {
  return db().select().from(auditLog).orderBy(desc(auditLog.id)).limit(limit).offset(offset).all();
}
