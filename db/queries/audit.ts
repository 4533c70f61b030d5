import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import { db, now, prepared } from '../client';
import { auditLog, users, type AuditRow } from '../schema';

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

/** An entry as the audit_log row's values, written at `at`. */
export function auditValues(entry: AuditEntry, at = now()) {
  return {
    at,
    userId: entry.userId,
    username: entry.username,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId ?? null,
    unitId: entry.unitId ?? null,
    changes: entry.changes === undefined ? null : JSON.stringify(entry.changes),
    ip: entry.ip ?? null,
  };
}

export async function appendAudit(entry: AuditEntry): Promise<void> {
  const p = (name: string) => sql.placeholder(name);
  await prepared('audit.insert', (d) =>
    d
      .insert(auditLog)
      .values({
        at: p('at'),
        userId: p('userId'),
        username: p('username'),
        action: p('action'),
        entity: p('entity'),
        entityId: p('entityId'),
        unitId: p('unitId'),
        changes: p('changes'),
        ip: p('ip'),
      })
      .prepare('audit_insert'),
  ).execute(auditValues(entry));
}

/** The insert of appendAudit as a statement, for a write that sends its parts as one (a save on PostgreSQL). */
export function auditInsertSql(entry: AuditEntry): SQL {
  return db().insert(auditLog).values(auditValues(entry)).getSQL();
}

export async function listAuditFor(entity: string, entityId: number): Promise<AuditRow[]> {
  return db()
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
}

/** The same trail with each person's display name (张编制) as it is now; null when the account is gone. */
export async function listAuditNamed(entity: string, entityId: number): Promise<(AuditRow & { displayName: string | null })[]> {
  const rows = await db()
    .select({ row: auditLog, displayName: users.displayName })
    .from(auditLog)
    .leftJoin(users, eq(users.id, auditLog.userId))
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
    .orderBy(asc(auditLog.at), asc(auditLog.id));
  return rows.map((r) => ({ ...r.row, displayName: r.displayName }));
}

export async function listRecentAudit(limit: number, offset = 0): Promise<AuditRow[]> {
  return db().select().from(auditLog).orderBy(desc(auditLog.id)).limit(limit).offset(offset);
}
