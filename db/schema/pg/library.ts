import { sql } from 'drizzle-orm';
import { bigint, boolean, index, integer, pgTable, primaryKey, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { projects } from './projects';

/**
 * The indicator library (指标库): one entry per (一级, 二级, normalised 三级 name), learned from the rows
 * of approved tables and curated by administrators. The counts here are an aggregate kept up to date
 * when a table is approved or reopened (and rebuilt by `pt library rebuild`), so a search never groups
 * the raw indicator rows.
 */
export const libraryEntries = pgTable(
  'library_entries',
  {
    id: serial('id').primaryKey(),
    level1: text('level1').notNull(),
    level2: text('level2').notNull(),
    /** The normalised 三级 name the entry is keyed and searched by. */
    nameKey: text('name_key').notNull(),
    /** The name as people write it (the first seen, or the administrator's). */
    name: text('name').notNull(),
    /** Approved tables (all units) that use it. */
    uses: integer('uses').notNull().default(0),
    isStandard: boolean('is_standard').notNull().default(false),
    /** 指标解释, 计算方法, 取值参考 and the framework of a standard entry. */
    explanation: text('explanation'),
    method: text('method'),
    reference: text('reference'),
    frameworkCode: text('framework_code'),
    /** 计量单位 and 指标值确定依据 of a standard entry, as the administrators' XLSX gives them. */
    measureUnit: text('measure_unit'),
    basis: text('basis'),
    isRetired: boolean('is_retired').notNull().default(false),
    /** Set when an administrator merged this entry into another; rows with this key count there. */
    mergedInto: integer('merged_into'),
    updatedAt: bigint('updated_at', { mode: 'number' }).notNull(),
  },
  (t) => [
    uniqueIndex('library_entries_key').on(t.level1, t.level2, t.nameKey),
    index('library_entries_uses').on(t.uses, t.id),
    index('library_entries_level2_uses').on(t.level2, t.uses, t.id),
    // text_pattern_ops: a prefix LIKE uses the index whatever the database's collation.
    index('library_entries_name').on(t.nameKey.op('text_pattern_ops')),
    // Partial: statistics cannot tell the planner how few entries are standard.
    index('library_entries_standard').on(t.uses).where(sql`is_standard = true`),
  ],
);

/**
 * The characters and character pairs of each entry's name (an n-gram index): a search reads the entries
 * holding the query's rarest pair instead of matching the query against every name.
 */
export const libraryGrams = pgTable(
  'library_grams',
  {
    gram: text('gram').notNull(),
    entryId: integer('entry_id')
      .notNull()
      .references(() => libraryEntries.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.gram, t.entryId] })],
);

/** Uses of an entry per unit, so a user who sees only their units counts only those. */
export const libraryEntryUnits = pgTable(
  'library_entry_units',
  {
    entryId: integer('entry_id')
      .notNull()
      .references(() => libraryEntries.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id').notNull(),
    uses: integer('uses').notNull(),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.unitId] }), index('library_entry_units_unit').on(t.unitId, t.entryId)],
);

/**
 * How often each value, unit, comparator, basis and description was used with an entry, per unit and
 * for all units together (unit_id 0), so both an administrator's and a unit's search read a few rows.
 */
export const libraryFacets = pgTable(
  'library_facets',
  {
    entryId: integer('entry_id')
      .notNull()
      .references(() => libraryEntries.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id').notNull(),
    kind: text('kind', { enum: ['value', 'unit', 'comparator', 'basis', 'description'] }).notNull(),
    text: text('text').notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.unitId, t.kind, t.text] }), index('library_facets_top').on(t.entryId, t.unitId, t.kind, t.count)],
);

/** Which approved tables an entry was learned from (unit, year and table through the project). */
export const librarySources = pgTable(
  'library_sources',
  {
    entryId: integer('entry_id')
      .notNull()
      .references(() => libraryEntries.id, { onDelete: 'cascade' }),
    projectId: integer('project_id')
      .notNull()
      .references(() => projects.id, { onDelete: 'cascade' }),
    unitId: integer('unit_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.projectId] }), index('library_sources_project').on(t.projectId)],
);

export type LibraryEntryRow = typeof libraryEntries.$inferSelect;
export type LibraryFacetRow = typeof libraryFacets.$inferSelect;
