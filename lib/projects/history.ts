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

function isChangeList(v: unknown): v is TableChange[] {
  return Array.isArray(v) && v.every((c) => typeof c === 'object' && c !== null && 'kind' in c);
}

export async function projectHistory(projectId: number): Promise<HistoryEntry[]> {
  return (await listAuditNamed('project', projectId)).map((row) => {
    const data = parse(row.changes);
    const obj = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
    const nested = obj.changes;
    return {
      id: row.id,
      at: row.at,
      // People by the name colleagues know them by; the sign-in name only when the account is gone.
      who: row.displayName ?? row.username ?? '（未知）',
      action: row.action,
      changes: isChangeList(data) ? data : isChangeList(nested) ? nested : [],
      reason: typeof obj.reason === 'string' ? obj.reason : null,
      note: typeof obj.body === 'string' ? obj.body : null,
      comments: commentList(obj.comments),
    };
  });
}
