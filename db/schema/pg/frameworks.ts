import { bigint, index, integer, pgTable, primaryKey, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';

/** An indicator framework (财预〔2015〕88号, 财预〔2021〕101号 …): data, chosen per unit-year. */
export const frameworks = pgTable('frameworks', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  createdAt: bigint('created_at', { mode: 'number' }).notNull(),
});

/** One level-2 category under its level-1 section, with both orders and the role rules key on. */
export const frameworkCategories = pgTable(
  'framework_categories',
  {
    id: serial('id').primaryKey(),
    frameworkId: integer('framework_id')
      .notNull()
      .references(() => frameworks.id, { onDelete: 'cascade' }),
    level1: text('level1').notNull(),
    level1Position: integer('level1_position').notNull(),
    level2: text('level2').notNull(),
    level2Position: integer('level2_position').notNull(),
    role: text('role').notNull(),
  },
  (t) => [
    uniqueIndex('framework_categories_level2').on(t.frameworkId, t.level2),
    index('framework_categories_order').on(t.frameworkId, t.level1Position, t.level2Position),
  ],
);

export type FrameworkRow = typeof frameworks.$inferSelect;
export type FrameworkCategoryRow = typeof frameworkCategories.$inferSelect;
