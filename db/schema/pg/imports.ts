import { bigint, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { projects } from './projects';
import { users } from './users';

/**
 * When a table was last written by an import, at which version and with which content (issue 19 item 6):
 * the import preview compares the stored draft with this to warn that the draft was edited in the app
 * after its last import, so that overwriting it would lose those edits. One row per table, replaced by
 * every import that creates or updates it.
 */
export const projectImports = pgTable('project_imports', {
  projectId: integer('project_id')
    .primaryKey()
    .references(() => projects.id, { onDelete: 'cascade' }),
  /** The table's version right after the import wrote it. */
  version: integer('version').notNull(),
  /** A digest of the table's content as the import left it (see lib/projects/import-record.ts). */
  contentHash: text('content_hash').notNull(),
  userId: integer('user_id').references(() => users.id, { onDelete: 'set null' }),
  at: bigint('at', { mode: 'number' }).notNull(),
});

export type ProjectImportRow = typeof projectImports.$inferSelect;
