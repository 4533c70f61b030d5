import { index, integer, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { frameworks } from './frameworks';

export const units = sqliteTable(
  'units',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** e.g. `441001` */
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    /** The unit above (财政局 → 主管部门 → 本级/下属单位); null at the top. Never a cycle (lib/departments). */
    parentId: integer('parent_id').references((): AnySQLiteColumn => units.id, { onDelete: 'restrict' }),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('units_parent').on(t.parentId)],
);

/** A unit's budget year: the framework in force, its 项目支出 and the rule profile reviewers use. */
export const unitYears = sqliteTable(
  'unit_years',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    year: integer('year').notNull(),
    frameworkId: integer('framework_id')
      .notNull()
      .references(() => frameworks.id, { onDelete: 'restrict' }),
    /** 项目支出 in integer 元, null until known. */
    projectExpenditureYuan: integer('project_expenditure_yuan'),
    /** JSON of the rule profile (thresholds, disabled rules); null means the defaults. */
    ruleProfile: text('rule_profile'),
    createdAt: integer('created_at').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [uniqueIndex('unit_years_unit_year').on(t.unitId, t.year)],
);

export type UnitRow = typeof units.$inferSelect;
export type UnitYearRow = typeof unitYears.$inferSelect;
