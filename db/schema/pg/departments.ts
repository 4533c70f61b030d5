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
