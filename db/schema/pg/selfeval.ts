import { bigint, boolean, index, integer, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { projects } from './projects';
import { unitYears } from './units';
import { users } from './users';
import { PROJECT_STATUSES } from '../enums';

/**
 * The self-evaluation (绩效自评) of a unit-year, opened once after the year closes. It also carries the
 * unit-year's 公开自评 switch: approved self-evaluations show on the public pages only while it is on.
 */
export const selfEvalRounds = pgTable(
  'selfeval_rounds',
  {
    id: serial('id').primaryKey(),
    unitYearId: integer('unit_year_id')
      .notNull()
      .references(() => unitYears.id, { onDelete: 'restrict' }),
    isPublic: boolean('is_public').notNull().default(false),
    openedBy: integer('opened_by').references(() => users.id),
    openedAt: bigint('opened_at', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('selfeval_rounds_unit_year').on(t.unitYearId)],
);

/**
 * One approved table's 自评表. What was typed is kept as JSON (lib/selfeval/data.ts: funds, 实际完成情况,
 * each row's 实际完成值, 分值, 得分, 偏差原因); the score and grade are computed by lib/domain/scoring on
 * every save and stored, so the unit-year page adds up and counts without reading the JSON.
 */
export const selfEvals = pgTable(
  'selfevals',
  {
    id: serial('id').primaryKey(),
    roundId: integer('round_id')
      .notNull()
      .references(() => selfEvalRounds.id, { onDelete: 'cascade' }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'restrict' }),
    status: text('status', { enum: PROJECT_STATUSES }).notNull().default('draft'),
    version: integer('version').notNull().default(1),
    data: text('data').notNull(),
    /** 自评得分 in hundredths of a point; null while any row cannot be scored. */
    scoreCents: integer('score_cents'),
    grade: text('grade'),
    updatedBy: integer('updated_by').references(() => users.id),
    submittedBy: integer('submitted_by').references(() => users.id),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('selfevals_round_project').on(t.roundId, t.projectId),
    index('selfevals_project').on(t.projectId),
    // Covers the unit-year page's average and distribution (count and sum per grade): read from the
    // index alone, 100,000 自评表 add up within the page's budget (scripts/bench/selfeval.ts).
    index('selfevals_round_grade_score').on(t.roundId, t.grade, t.scoreCents),
  ],
);

/** A workflow step of a self-evaluation (submit, return, approve, revise), with its reason. */
export const selfEvalEvents = pgTable(
  'selfeval_events',
  {
    id: serial('id').primaryKey(),
    selfEvalId: integer('selfeval_id')
      .notNull()
      .references(() => selfEvals.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason'),
    version: integer('version').notNull(),
    at: bigint('at', { mode: 'number' }).notNull(),
  },
  (t) => [index('selfeval_events_selfeval').on(t.selfEvalId, t.at)],
);

export type SelfEvalRoundRow = typeof selfEvalRounds.$inferSelect;
export type SelfEvalRow = typeof selfEvals.$inferSelect;
export type SelfEvalEventRow = typeof selfEvalEvents.$inferSelect;
