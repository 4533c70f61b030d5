import { bigint, boolean, index, integer, pgTable, primaryKey, serial, text } from 'drizzle-orm/pg-core';
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
    /**
     * The label of the field or row as it read when the comment was written (`指标「案件受理量」（数量指标）`):
     * renaming the row later must not make the record say something else was commented on. Null for the whole table.
     */
    targetLabel: text('target_label'),
    body: text('body').notNull(),
    at: bigint('at', { mode: 'number' }).notNull(),
  },
  (t) => [index('review_comments_project').on(t.projectId, t.at)],
);

/**
 * The owner marking a reviewer's comment 已处理 (or taking the mark back): one row per change, the latest
 * per comment counts, so the reviewer sees which are handled and the record keeps who said so when.
 */
export const commentMarks = pgTable(
  'comment_marks',
  {
    id: serial('id').primaryKey(),
    commentId: integer('comment_id')
      .notNull()
      .references(() => reviewComments.id, { onDelete: 'cascade' }),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    isHandled: boolean('is_handled').notNull(),
    at: bigint('at', { mode: 'number' }).notNull(),
  },
  (t) => [index('comment_marks_comment').on(t.commentId, t.at)],
);

export type ReviewEventRow = typeof reviewEvents.$inferSelect;
export type ReviewCommentRow = typeof reviewComments.$inferSelect;
export type CommentMarkRow = typeof commentMarks.$inferSelect;
