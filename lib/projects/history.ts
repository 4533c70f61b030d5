/** The readable history of a table: every audited step with its changes. */
import { listAuditNamed } from '@/db/queries/audit';
import type { TableChange } from '@/lib/domain/diff';

export type HistoryEntry = {
  id: number;
  at: number;
  who: string;
  action: string;
  changes: TableChange[];
  reason: string | null;
  note: string | null;
  /** The comments a transition carried (a return's row comments), as written. */
  comments: { target: string | null; targetLabel: string | null; body: string }[];
  /** An import that overwrote a stored draft (one update with its diff), not one that created the table. */
  isOverwrite: boolean;
};

function parse(json: string | null): unknown {
  if (!json) return null;
  try {
    return JSON.parse(json);
  } catch {
    return null;
  }
}

function commentList(v: unknown): { target: string | null; targetLabel: string | null; body: string }[] {
  if (!Array.isArray(v)) return [];
  return v.flatMap((c: unknown) => {
    if (typeof c !== 'object' || c === null) return [];
    const { target, targetLabel, body } = c as Record<string, unknown>;
    return typeof body === 'string' ? [{ target: typeof target === 'string' ? target : null, targetLabel: typeof targetLabel === 'string' ? targetLabel : null, body }] : [];
  });
}

/**
 * Imports record `{ changes, overwrote }` when they update a draft (issue 19 item 6); older ones kept only
 * the list, where an update shows in a change from a value it had (a create's diff starts from nothing).
 */
function isOverwriteImport(action: string, data: unknown, changes: readonly TableChange[]): boolean {
  if (action !== 'import') return false;
  if (typeof data === 'object' && data !== null && 'overwrote' in data) return true;
  return changes.some((c) => c.kind === 'row-removed' || c.kind === 'row-changed' || c.kind === 'rows-reordered' || (c.kind === 'field' && c.before !== null));
}

function isChangeList(v: unknown): v is TableChange[] {
  return Array.isArray(v) && v.every((c) => typeof c === 'object' && c !== null && 'kind' in c);
}

export async function projectHistory(projectId: number): Promise<HistoryEntry[]> {
  return (await listAuditNamed('project', projectId)).map((row) => {
    const data = parse(row.changes);
    const obj = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
    const nested = obj.changes;
    const changes = isChangeList(data) ? data : isChangeList(nested) ? nested : [];
    return {
      id: row.id,
      at: row.at,
      // People by the name colleagues know them by; the sign-in name only when the account is gone.
      who: row.displayName ?? row.username ?? '（未知）',
      action: row.action,
      changes,
      reason: typeof obj.reason === 'string' ? obj.reason : null,
      note: typeof obj.body === 'string' ? obj.body : null,
      comments: commentList(obj.comments),
      isOverwrite: isOverwriteImport(row.action, data, changes),
    };
  });
}
