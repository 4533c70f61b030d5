import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { projects } from './projects';
import { users } from './users';
import { PROJECT_STATUSES } from '../enums';

/**
 * A proposed or approved adjustment (绩效目标调整) of an approved table. The table itself is never
 * changed, so the disclosure keeps the original; later stages read the latest approved adjustment.
 */
export const tableAdjustments = sqliteTable(
  'table_adjustments',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** 1 for the table's first adjustment, and so on. */
    seq: integer('seq').notNull(),
    status: text('status', { enum: PROJECT_STATUSES }).notNull(),
    version: integer('version').notNull().default(1),
    reason: text('reason').notNull(),
    budgetBeforeYuan: integer('budget_before_yuan').notNull(),
    budgetAfterYuan: integer('budget_after_yuan').notNull(),
    goalBefore: text('goal_before').notNull(),
    goalAfter: text('goal_after').notNull(),
    /** JSON [{rowKey, name, before, after, reason}] of the changed rows only. */
    rows: text('rows').notNull(),
    proposedBy: integer('proposed_by').references(() => users.id),
    decidedBy: integer('decided_by').references(() => users.id),
    decisionReason: text('decision_reason'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('table_adjustments_project_seq').on(t.projectId, t.seq), index('table_adjustments_status').on(t.status)],
);

export type TableAdjustmentRow = typeof tableAdjustments.$inferSelect;
