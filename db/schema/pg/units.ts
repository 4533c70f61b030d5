import { bigint, index, integer, pgTable, primaryKey, serial, text, uniqueIndex, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { frameworks } from './frameworks';

export const units = pgTable(
  'units',
  {
    id: serial('id').primaryKey(),
    /** e.g. `441001` */
    code: text('code').notNull().unique(),
    name: text('name').notNull(),
    /** The unit above (财政局 → 主管部门 → 本级/下属单位); null at the top. Never a cycle (lib/departments). */
    parentId: integer('parent_id').references((): AnyPgColumn => units.id, { onDelete: 'restrict' }),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
  },
  (t) => [index('units_parent').on(t.parentId)],
);

/** A unit's budget year: the framework in force, its 项目支出 and the rule profile reviewers use. */
export const unitYears = pgTable(
  'unit_years',
  {
    id: serial('id').primaryKey(),
    unitId: integer('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'restrict' }),
    year: integer('year').notNull(),
    frameworkId: integer('framework_id')
      .notNull()
      .references(() => frameworks.id, { onDelete: 'restrict' }),
    /** 项目支出 in integer 元, null until known. */
    projectExpenditureYuan: bigint('project_expenditure_yuan', { mode: 'number' }),
    /** JSON of the rule profile (thresholds, disabled rules); null means the defaults. */
    ruleProfile: text('rule_profile'),
    createdAt: bigint('created_at', { mode: 'number' }).notNull(),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [uniqueIndex('unit_years_unit_year').on(t.unitId, t.year)],
);

export type UnitRow = typeof units.$inferSelect;
export type UnitYearRow = typeof unitYears.$inferSelect;
