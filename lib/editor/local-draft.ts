/**
 * Unsaved edits kept in the browser (localStorage), so a closed tab or a crash loses no typing. Pure
 * over a Storage-like object: one entry per table and the version the edits started from, so edits
 * made on version 3 are never offered over a version 4 someone saved since.
 */
import type { TableInput } from '@/lib/domain/schemas';

/** The table being edited: an existing table by id, a new one by its unit-year. */
export type DraftRef = { projectId: number | null; unitYearId: number; version: number | null };
export type LocalDraft = { savedAt: number; values: TableInput };
export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem' | 'key' | 'length'>;

const PREFIX = 'pt-unsaved:';

function tablePart(ref: DraftRef): string {
  return ref.projectId === null ? `new-${ref.unitYearId}` : `p${ref.projectId}`;
}

export function draftKey(ref: DraftRef): string {
  return `${PREFIX}${tablePart(ref)}:v${ref.version ?? 0}`;
}

function isTableLike(v: unknown): v is TableInput {
  if (!v || typeof v !== 'object') return false;
  const t = v as Record<string, unknown>;
  return typeof t.name === 'string' && typeof t.code === 'string' && Array.isArray(t.indicators) && Array.isArray(t.schedule);
}

/** Keeps the values; a full or refused storage (private mode, quota) only costs the local copy. */
export function keepLocalDraft(storage: DraftStorage, ref: DraftRef, values: TableInput, now: number): boolean {
  try {
    storage.setItem(draftKey(ref), JSON.stringify({ savedAt: now, values }));
    return true;
  } catch {
    return false;
  }
}

/** The kept edits of this table and version, or null (nothing kept, or unreadable: then it is removed). */
export function readLocalDraft(storage: DraftStorage, ref: DraftRef): LocalDraft | null {
  const key = draftKey(ref);
  let raw: string | null;
  try {
    raw = storage.getItem(key);
  } catch {
    return null;
  }
  if (raw === null) return null;
  try {
    const parsed = JSON.parse(raw) as Partial<LocalDraft>;
    if (typeof parsed.savedAt === 'number' && isTableLike(parsed.values)) return { savedAt: parsed.savedAt, values: parsed.values };
  } catch {
    // fall through: a damaged entry is dropped
  }
  discardLocalDraft(storage, ref);
  return null;
}

export function discardLocalDraft(storage: DraftStorage, ref: DraftRef): void {
  try {
    storage.removeItem(draftKey(ref));
  } catch {
    // nothing to do: storage unavailable
  }
}

/** Drops this table's entries for other versions (superseded once a newer version is open). */
export function pruneOtherVersions(storage: DraftStorage, ref: DraftRef): void {
  const own = `${PREFIX}${tablePart(ref)}:v`;
  const keep = draftKey(ref);
  const stale: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (k && k.startsWith(own) && k !== keep) stale.push(k);
  }
  stale.forEach((k) => storage.removeItem(k));
}

/** Whether a kept draft is worth offering: it differs from what the page opened with. */
export function isWorthOffering(draft: LocalDraft | null, opened: TableInput): draft is LocalDraft {
  return draft !== null && JSON.stringify(draft.values) !== JSON.stringify(opened);
}
