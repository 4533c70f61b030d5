/**
 * Importing the standard library from the administrators' XLSX (or CSV): a preview says per row whether
 * it creates, updates or leaves an entry unchanged and lists every row's errors; the import writes only
 * a file without errors, in one transaction. Importing the same file again changes nothing.
 */
import { write } from '@/db/client';
import { findEntryByKey, upsertStandardEntry, type StandardFields } from '@/db/queries/library-curation';
import type { LibraryEntryRow } from '@/db/schema';
import { denied, invalid } from '@/lib/actions/errors';
import { can } from '@/lib/auth/permissions';
import { readSheetRows } from '@/lib/departments/import/read-rows';
import type { Who } from '@/lib/projects/commands/shared';
import { readStandardSheet, type PlannedStandard, type StandardRowError } from '../standard-sheet';
import { auditLibrary } from './audit';

export type StandardPreviewRow = { row: number; label: string; action: 'create' | 'update' | 'unchanged' };
export type StandardPreview = { rows: StandardPreviewRow[]; errors: StandardRowError[]; counts: Record<StandardPreviewRow['action'], number> };

const orNull = (s: string) => (s === '' ? null : s);

function fieldsOf(p: PlannedStandard): StandardFields {
  const f = p.fields;
  return { name: f.name, explanation: orNull(f.explanation), method: orNull(f.method), reference: orNull(f.reference), frameworkCode: f.framework, measureUnit: orNull(f.measureUnit), basis: orNull(f.basis) };
}

function actionOf(existing: LibraryEntryRow | undefined, fields: StandardFields): StandardPreviewRow['action'] {
  if (!existing) return 'create';
  const same = existing.isStandard && (Object.keys(fields) as (keyof StandardFields)[]).every((k) => existing[k] === fields[k]);
  return same ? 'unchanged' : 'update';
}

async function plan(file: string): Promise<{ planned: PlannedStandard[]; errors: StandardRowError[] }> {
  const read = await readFile(file);
  // A key an administrator merged away counts towards another entry: making it standard would hide it.
  const planned: PlannedStandard[] = [];
  const errors = [...read.errors];
  for (const p of read.planned) {
    const existing = await findEntryByKey(p.key);
    if (existing?.mergedInto != null) errors.push({ row: p.row, message: `第 ${p.row} 行：“${p.fields.name}”已合并到另一条指标，请改用合并后的名称` });
    else planned.push(p);
  }
  return { planned, errors: errors.sort((a, b) => a.row - b.row) };
}

async function readFile(file: string): Promise<{ planned: PlannedStandard[]; errors: StandardRowError[] }> {
  let rows;
  try {
    rows = await readSheetRows(Buffer.from(file, 'base64'));
  } catch (error) {
    throw invalid(error instanceof Error && /[\u4e00-\u9fff]/.test(error.message) ? error.message : '无法读取文件：请上传 XLSX 或 CSV 文件', { file: ['无法读取文件'] });
  }
  return readStandardSheet(rows);
}

async function classify(planned: readonly PlannedStandard[]): Promise<{ p: PlannedStandard; existing: LibraryEntryRow | undefined; action: StandardPreviewRow['action'] }[]> {
  const out = [];
  for (const p of planned) {
    const existing = await findEntryByKey(p.key);
    out.push({ p, existing, action: actionOf(existing, fieldsOf(p)) });
  }
  return out;
}

export async function previewStandardLibrary(who: Who, file: string): Promise<StandardPreview> {
  if (!can(who.actor, 'admin.manage', null)) throw denied();
  const { planned, errors } = await plan(file);
  const rows = (await classify(planned)).map(({ p, action }) => ({ row: p.row, label: `${p.fields.level1} · ${p.fields.level2} · ${p.fields.name}`, action }));
  const counts = { create: 0, update: 0, unchanged: 0 };
  for (const r of rows) counts[r.action]++;
  return { rows, errors, counts };
}

export async function importStandardLibrary(who: Who, file: string): Promise<Record<StandardPreviewRow['action'], number>> {
  if (!can(who.actor, 'admin.manage', null)) throw denied();
  const { planned, errors } = await plan(file);
  if (errors.length > 0) throw invalid(`文件有 ${errors.length} 行有错，未导入任何内容：${errors[0]!.message}`, { file: errors.map((e) => e.message) });
  return write(async () => {
    const counts = { create: 0, update: 0, unchanged: 0 };
    for (const { p, existing, action } of await classify(planned)) {
      counts[action]++;
      if (action === 'unchanged') continue;
      const id = await upsertStandardEntry(p.key, fieldsOf(p), existing?.id ?? null);
      await auditLibrary(who, action === 'create' ? 'create' : 'update', id, { level1: p.key.level1, level2: p.key.level2, ...fieldsOf(p) });
    }
    return counts;
  });
}
