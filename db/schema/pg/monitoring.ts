import { bigint, boolean, doublePrecision, index, integer, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { projects } from './projects';
import { unitYears } from './units';
import { users } from './users';
import { LIGHTS, PROJECT_STATUSES } from '../enums';

/** A monitoring round (绩效运行监控) of a unit-year: data of months 1–X, due by a deadline. */
export const monitoringRounds = pgTable(
  'monitoring_rounds',
  {
    id: serial('id').primaryKey(),
    unitYearId: integer('unit_year_id')
      .notNull()
      .references(() => unitYears.id, { onDelete: 'restrict' }),
    /** X of 1–X月. */
    month: integer('month').notNull(),
    /** YYYY-MM-DD; a report not submitted by its end is overdue. */
    deadline: text('deadline').notNull(),
    openedBy: integer('opened_by').references(() => users.id),
    openedAt: bigint('opened_at', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('monitoring_rounds_unit_year_month').on(t.unitYearId, t.month)],
);

/**
 * One approved table's report in a round. Lights are computed by lib/domain/lights on every save and
 * stored, so the dashboard counts and sorts without reading the rows.
 */
export const monitoringReports = pgTable(
  'monitoring_reports',
  {
    id: serial('id').primaryKey(),
    roundId: integer('round_id')
      .notNull()
      .references(() => monitoringRounds.id, { onDelete: 'cascade' }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'restrict' }),
    status: text('status', { enum: PROJECT_STATUSES }).notNull().default('draft'),
    version: integer('version').notNull().default(1),
    /** 全年预算数, 1–X月执行数, 全年预计执行数: integer 元. */
    budgetYuan: bigint('budget_yuan', { mode: 'number' }).notNull(),
    executedYuan: bigint('executed_yuan', { mode: 'number' }),
    forecastYuan: bigint('forecast_yuan', { mode: 'number' }),
    goalProgress: text('goal_progress').notNull().default(''),
    analysis: text('analysis').notNull().default(''),
    needsRectification: boolean('needs_rectification').notNull().default(false),
    rectification: text('rectification').notNull().default(''),
    fundsLight: text('funds_light', { enum: LIGHTS }).notNull().default('none'),
    /** 执行率 against 序时进度 (%), null until 执行数 is given. */
    fundsProgress: doublePrecision('funds_progress'),
    light: text('light', { enum: LIGHTS }).notNull().default('none'),
    redCount: integer('red_count').notNull().default(0),
    yellowCount: integer('yellow_count').notNull().default(0),
    updatedBy: integer('updated_by').references(() => users.id),
    submittedBy: integer('submitted_by').references(() => users.id),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('monitoring_reports_round_project').on(t.roundId, t.projectId),
    // Covers the dashboard's counts per round (light × status) without reading the rows.
    index('monitoring_reports_round_light_status').on(t.roundId, t.light, t.status),
    index('monitoring_reports_project').on(t.projectId),
  ],
);

/** One indicator row of a report, keyed by the indicator's rowKey. */
export const monitoringEntries = pgTable(
  'monitoring_entries',
  {
    id: serial('id').primaryKey(),
    reportId: integer('report_id')
      .notNull()
      .references(() => monitoringReports.id, { onDelete: 'cascade' }),
    rowKey: text('row_key').notNull(),
    actual: text('actual').notNull().default(''),
    forecast: text('forecast').notNull().default(''),
    /** JSON array of deviation reason codes (see lib/monitoring/schemas.ts). */
    reasons: text('reasons').notNull().default('[]'),
    reasonText: text('reason_text').notNull().default(''),
    likelihood: text('likelihood'),
    note: text('note').notNull().default(''),
    /** The row's own 累计/非累计 setting; null: by the unit. */
    cumulative: boolean('cumulative'),
    light: text('light', { enum: LIGHTS }).notNull().default('none'),
    progress: doublePrecision('progress'),
  },
  (t) => [uniqueIndex('monitoring_entries_report_row').on(t.reportId, t.rowKey)],
);

/** A workflow step of a report (submit, return, approve, revise), with its reason. */
export const monitoringEvents = pgTable(
  'monitoring_events',
  {
    id: serial('id').primaryKey(),
    reportId: integer('report_id')
      .notNull()
      .references(() => monitoringReports.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    userId: integer('user_id')
      .notNull()
      .references(() => users.id),
    reason: text('reason'),
    /** `row:<rowKey>` comments of a return, as JSON [{target, body}]. */
    comments: text('comments').notNull().default('[]'),
    version: integer('version').notNull(),
    at: bigint('at', { mode: 'number' }).notNull(),
  },
  (t) => [index('monitoring_events_report').on(t.reportId, t.at)],
);

export type MonitoringRoundRow = typeof monitoringRounds.$inferSelect;
export type MonitoringReportRow = typeof monitoringReports.$inferSelect;
export type MonitoringEntryRow = typeof monitoringEntries.$inferSelect;
export type MonitoringEventRow = typeof monitoringEvents.$inferSelect;
