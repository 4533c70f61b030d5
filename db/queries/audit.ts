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

type AuditValues = ReturnType<typeof auditValues>;

/** The audit_log row's columns, each value `value(its key in auditValues)`: a placeholder or a bound value. */
function auditColumns<V>(value: (key: keyof AuditValues) => V) {
  return {
    at: value('at'),
    userId: value('userId'),
    username: value('username'),
    action: value('action'),
    entity: value('entity'),
    entityId: value('entityId'),
    unitId: value('unitId'),
    changes: value('changes'),
    ip: value('ip'),
  };
}

export async function appendAudit(entry: AuditEntry): Promise<void> {
  await prepared('audit.insert', (d) =>
    d
      .insert(auditLog)
      .values(auditColumns((key) => sql.placeholder(key)))
      .prepare('audit_insert'),
  ).execute(auditValues(entry));
}

/**
 * The insert of appendAudit as a part of a larger statement (a save on PostgreSQL): each value is
 * `bind(prefix + key)`, and auditBindings gives the values under those names.
 */
export function auditInsertSql(bind: (key: string) => SQL, prefix: string): SQL {
  return db()
    .insert(auditLog)
    .values(auditColumns((key) => bind(prefix + key)))
    .getSQL();
}

export function auditBindings(entry: AuditEntry, prefix: string): Record<string, unknown> {
  return Object.fromEntries(Object.entries(auditValues(entry)).map(([key, value]) => [prefix + key, value]));
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
