import { bigint, index, integer, pgTable, primaryKey, serial, text } from 'drizzle-orm/pg-core';

/**
 * Append-only record of who did what. Triggers in a migration refuse UPDATE and DELETE, so
 * no code path of the app can rewrite history.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: serial('id').primaryKey(),
    at: bigint('at', { mode: 'number' }).notNull(),
    /** null for anonymous events such as a failed sign-in. */
    userId: integer('user_id'),
    username: text('username'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: integer('entity_id'),
    unitId: integer('unit_id'),
    /** JSON: [{ path, before, after }] for updates, or a summary object. */
    changes: text('changes'),
    ip: text('ip'),
  },
  (t) => [
    index('audit_entity').on(t.entity, t.entityId, t.at),
    index('audit_at').on(t.at),
  ],
);

export type AuditRow = typeof auditLog.$inferSelect;
