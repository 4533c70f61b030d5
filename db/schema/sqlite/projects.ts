import { index, integer, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { unitYears } from './units';
import { users } from './users';
import { PROJECT_STATUSES, TARGET_KINDS } from '../enums';

/** A budget project and its table header. Amounts are integer 元 (exact). */
export const projects = sqliteTable(
  'projects',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    unitYearId: integer('unit_year_id')
      .notNull()
      .references(() => unitYears.id, { onDelete: 'restrict' }),
    /** Print order within the unit-year (the N of `N、…绩效目标表`). */
    position: integer('position').notNull(),
    /**
     * The N of the published section (approved tables only), fixed when the table is approved so that a later
     * approval never renumbers it; only the administrator's 重新编号 changes it. Null before the first approval
     * (tables approved before this column existed are numbered after the stored ones, in print order).
     */
    publishedNumber: integer('published_number'),
    code: text('code').notNull(),
    name: text('name').notNull(),
    totalYuan: integer('total_yuan').notNull(),
    fiscalYuan: integer('fiscal_yuan').notNull(),
    otherYuan: integer('other_yuan'),
    /**
     * An amount as the owner typed it when it is not a valid 万元 amount (`35.555`): a draft keeps it, its
     * 元 column holds 0 (null for 其他资金) meanwhile, and the rules report it until it is corrected.
     */
    totalTyped: text('total_typed'),
    fiscalTyped: text('fiscal_typed'),
    otherTyped: text('other_typed'),
    purpose: text('purpose').notNull(),
    goal: text('goal').notNull(),
    /** 中长期/总体目标 of a table read from another layout; null when it gives none. */
    longtermGoal: text('longterm_goal'),
    /** The unit the imported source printed its amounts in (元 or 万元); amounts are stored in 元 either way. */
    amountUnit: text('amount_unit', { enum: ['元', '万元'] }),
    status: text('status', { enum: PROJECT_STATUSES }).notNull().default('draft'),
    /** Optimistic lock: every save increments it; a save based on an older version is refused. */
    version: integer('version').notNull().default(1),
    errorCount: integer('error_count').notNull().default(0),
    warningCount: integer('warning_count').notNull().default(0),
    createdBy: integer('created_by').references(() => users.id),
    updatedBy: integer('updated_by').references(() => users.id),
    submittedBy: integer('submitted_by').references(() => users.id),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('projects_unit_year_code').on(t.unitYearId, t.code),
    index('projects_unit_year_position').on(t.unitYearId, t.position),
    index('projects_unit_year_status_position').on(t.unitYearId, t.status, t.position),
    index('projects_status_updated').on(t.status, t.updatedAt),
  ],
);

/** 资金支出计划: cumulative percent spent by the end of each month, in print order. */
export const checkpoints = sqliteTable(
  'checkpoints',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    month: integer('month').notNull(),
    /** Null while a draft's point is still to fill (next year's plan keeps the months, not the percents). */
    percent: real('percent'),
  },
  (t) => [index('checkpoints_project').on(t.projectId, t.position)],
);

/** One row of the indicator tree: level 1 and 2 from the framework, level 3 the owner's. */
export const indicators = sqliteTable(
  'indicators',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    /** Stable across saves, so comments and history can point at a row. */
    rowKey: text('row_key').notNull(),
    position: integer('position').notNull(),
    level1: text('level1').notNull(),
    level2: text('level2').notNull(),
    name: text('name').notNull(),
    description: text('description').notNull(),
    /** 指标值 as printed. */
    value: text('value').notNull(),
    valueKind: text('value_kind', { enum: TARGET_KINDS }).notNull(),
    comparator: text('comparator'),
    /** Target numbers are measurements, not money; kept as their decimal text to print them exactly. */
    number: text('number'),
    unit: text('unit'),
    deadlineYear: integer('deadline_year'),
    deadlineMonth: integer('deadline_month'),
    deadlineDay: integer('deadline_day'),
    deadlineSuffix: text('deadline_suffix'),
    basis: text('basis').notNull(),
    /** 中长期/实施期 指标值 as printed, when the source gives one beside the 年度 value. */
    longtermValue: text('longterm_value'),
    isPlaceholder: integer('is_placeholder', { mode: 'boolean' }).notNull().default(false),
  },
  (t) => [index('indicators_project').on(t.projectId, t.position)],
);

export type ProjectRow = typeof projects.$inferSelect;
export type CheckpointRow = typeof checkpoints.$inferSelect;
export type IndicatorDbRow = typeof indicators.$inferSelect;
