/**
 * Whether a stored draft is still what its last import wrote (issue 19 item 6). The import records the
 * table's version and a digest of its content (table project_imports); the preview compares the draft
 * with it and warns before the import overwrites edits made in the app since. The digest is of the
 * content only (row keys and status changes left out), so submitting and reopening an untouched table
 * does not count as an edit.
 */
import { createHash } from 'node:crypto';
import type { TargetTable } from '@/lib/domain/table';
import { formatTime } from '@/lib/format/time';

/** JSON with object keys sorted, so the digest does not depend on the order fields were assembled in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined && v !== null);
    return `{${entries
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function tableDigest(table: TargetTable): string {
  const content = { ...table, indicators: table.indicators.map(({ key: _key, ...row }) => row) };
  return createHash('sha256').update(canonical(content)).digest('hex');
}

export type ImportRecord = { version: number; contentHash: string; at: number };

/**
 * `as-imported`: the draft is what the last import left; `edited`: changed in the app after it;
 * `unknown`: no import is recorded (typed in the app, or imported before imports were recorded).
 */
export type DraftFreshness = {
  state: 'as-imported' | 'edited' | 'unknown';
  importedAt: number | null;
  importedVersion: number | null;
  version: number;
  /** The warning shown in the preview; null when there is nothing to warn about. */
  message: string | null;
};

export function draftFreshness(record: ImportRecord | undefined, draft: { version: number; table: TargetTable }): DraftFreshness {
  const version = draft.version;
  if (!record) {
    return {
      state: 'unknown',
      importedAt: null,
      importedVersion: null,
      version,
      message: '没有此草稿的导入记录（在应用中填写，或在记录导入时间之前导入）：无法判断是否在应用中修改过，覆盖前请核对差别',
    };
  }
  const base = { importedAt: record.at, importedVersion: record.version, version };
  if (record.contentHash === tableDigest(draft.table)) return { ...base, state: 'as-imported', message: null };
  return {
    ...base,
    state: 'edited',
    message: `此草稿在 ${formatTime(record.at).slice(0, 16)} 导入（第 ${record.version} 版）后在应用中修改过（现为第 ${version} 版）：覆盖将丢失这些修改，请核对差别`,
  };
}
