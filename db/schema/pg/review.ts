import { bigint, index, integer, pgTable, primaryKey, serial, text } from 'drizzle-orm/pg-core';
import { projects } from './projects';
import { users } from './users';

/**
 * A workflow transition of a table (submit, return, approve, reopen, …). Append-only: triggers in
 * migration 0002 refuse UPDATE and DELETE, including the cascade from deleting a project.
 */
export const reviewEvents = pgTable(
  'review_events',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason'),
    /** The table version the transition acted on. */
    version: integer('version').notNull(),
    at: bigint('at', { mode: 'number' }).notNull(),
  },
  (t) => [index('review_events_project').on(t.projectId, t.at)],
);

/** A reviewer's comment, on the whole table or on one field or indicator row. Append-only, like events. */
export const reviewComments = pgTable(
  'review_comments',
  {
    id: serial('id').primaryKey(),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    eventId: integer('event_id').references(() => reviewEvents.id, { onDelete: 'set null' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    /** `goal`, `budget.total`, `row:<rowKey>`, or null for the whole table. */
    target: text('target'),
    body: text('body').notNull(),
    at: bigint('at', { mode: 'number' }).notNull(),
  },
  (t) => [index('review_comments_project').on(t.projectId, t.at)],
);

export type ReviewEventRow = typeof reviewEvents.$inferSelect;
export type ReviewCommentRow = typeof reviewComments.$inferSelect;
