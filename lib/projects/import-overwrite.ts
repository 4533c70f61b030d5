/**
 * Importing over a stored draft (issue 19 item 6): what the preview shows of each draft the import would
 * overwrite (its diff and whether it was edited in the app since its last import), the server's own
 * check that each was confirmed (覆盖草稿) at the version shown, and the record of what an import wrote.
 */
import { listProjectImports, recordProjectImport } from '@/db/queries/imports';
import type { ProjectRow } from '@/db/schema';
import { ActionError } from '@/lib/actions/errors';
import type { TableChange } from '@/lib/domain/diff';
import type { TargetTable } from '@/lib/domain/table';
import type { ImportItem, ImportOptions } from './import';
import { draftFreshness, tableDigest, type DraftFreshness, type ImportRecord } from './import-record';
import { loadTables } from './read';

/** What an update would do to a stored draft: shown in the preview, confirmed table by table. */
export type DraftOverwrite = {
  projectId: number;
  /** The draft's version the preview compared with; the confirmation names it. */
  version: number;
  /** The draft in the app → the document's table. */
  changes: TableChange[];
  freshness: DraftFreshness;
  isConfirmed: boolean;
};

/** The last import of each of these stored tables, by project id (one query for the whole document). */
export async function importRecords(existing: readonly ProjectRow[]): Promise<Map<number, ImportRecord>> {
  return new Map((await listProjectImports(existing.map((p) => p.id))).map((r) => [r.projectId, r]));
}

/** Null unless the import would overwrite a stored draft with different content. */
export function draftOverwrite(
  w: { parsed: { code: string }; existing: ProjectRow | undefined; before: TargetTable | null; changes: TableChange[] },
  records: ReadonlyMap<number, ImportRecord>,
  confirmed: ImportOptions['overwrite'],
): DraftOverwrite | null {
  if (!w.existing || !w.before || w.existing.status !== 'draft' || w.changes.length === 0) return null;
  const version = w.existing.version;
  return {
    projectId: w.existing.id,
    version,
    changes: w.changes,
    freshness: draftFreshness(records.get(w.existing.id), { version, table: w.before }),
    isConfirmed: confirmed === 'all' || confirmed?.[w.parsed.code] === version,
  };
}

/**
 * The server's own check of the per-table confirmation: every stored draft the import would overwrite
 * must have been confirmed at the version the preview showed, whatever the page sent.
 */
export function assertOverwritesConfirmed(items: readonly ImportItem[], opts: ImportOptions): void {
  const missing = items.filter((i) => i.action === 'update' && i.draft && !i.draft.isConfirmed);
  if (missing.length === 0) return;
  const named = missing.map((i) => `表 ${i.number}「${i.name}」`).join('、');
  const moved = missing.some((i) => typeof opts.overwrite === 'object' && opts.overwrite[i.code] !== undefined);
  throw new ActionError(
    'invalid',
    moved
      ? `${named}在预览之后又被修改，未导入：请重新预览，核对差别后再勾选“覆盖草稿”`
      : `${named}将覆盖库中的草稿，未导入：请在预览中核对差别，逐表勾选“覆盖草稿”后再导入`,
  );
}

/** Remembers what the import just wrote (read back as stored), so a later preview can tell an edit since. */
export async function recordImports(projectIds: readonly number[], userId: number): Promise<void> {
  for (const { project, table } of await loadTables(projectIds)) await recordProjectImport(project.id, project.version, tableDigest(table), userId);
}
