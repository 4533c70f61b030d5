/** The record of each table's last import (issue 19 item 6): written by the import, read by its preview. */
import { eq, inArray } from 'drizzle-orm';
import { db, first, now } from '../client';
import { projectImports, type ProjectImportRow } from '../schema';

/** Records that an import just wrote the table: its version and content digest after the write. */
export async function recordProjectImport(projectId: number, version: number, contentHash: string, userId: number | null): Promise<void> {
  const at = now();
  await db()
    .insert(projectImports)
    .values({ projectId, version, contentHash, userId, at })
    .onConflictDoUpdate({ target: projectImports.projectId, set: { version, contentHash, userId, at } });
}

export async function findProjectImport(projectId: number): Promise<ProjectImportRow | undefined> {
  return first(db().select().from(projectImports).where(eq(projectImports.projectId, projectId)));
}

/** The records of several tables at once (the preview of a document asks for all its drafts). */
export async function listProjectImports(projectIds: readonly number[]): Promise<ProjectImportRow[]> {
  if (projectIds.length === 0) return [];
  return db().select().from(projectImports).where(inArray(projectImports.projectId, [...projectIds]));
}
