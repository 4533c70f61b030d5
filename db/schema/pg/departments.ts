import { bigint, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { unitYears } from './units';
import { users } from './users';

/** 编报截止日期: the date by which a unit-year's tables should be submitted, set by an administrator. */
export const unitYearDeadlines = pgTable('unit_year_deadlines', {
  unitYearId: integer('unit_year_id')
    .primaryKey()
    .references(() => unitYears.id, { onDelete: 'cascade' }),
  /** `YYYY-MM-DD`, the last day (inclusive) in China Standard Time. */
  dueOn: text('due_on').notNull(),
  setBy: integer('set_by').references(() => users.id, { onDelete: 'set null' }),
  setAt: bigint('set_at', { mode: 'number' }).notNull(),
});

export type UnitYearDeadlineRow = typeof unitYearDeadlines.$inferSelect;

/**
 * 两级审核 for a unit-year (issue 18): its tables are approved first by the department (部门审核) and
 * then by the finance level (财政审核). No row, or `reviewLevels` 1, is the default single review.
 */
export const unitYearReviewSettings = pgTable('unit_year_review_settings', {
  unitYearId: integer('unit_year_id')
    .primaryKey()
    .references(() => unitYears.id, { onDelete: 'cascade' }),
  /** 1 or 2. */
  reviewLevels: integer('review_levels').notNull().default(1),
  setBy: integer('set_by').references(() => users.id, { onDelete: 'set null' }),
  setAt: bigint('set_at', { mode: 'number' }).notNull(),
});

export type UnitYearReviewSettingRow = typeof unitYearReviewSettings.$inferSelect;
