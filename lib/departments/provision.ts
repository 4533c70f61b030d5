/** The administration page's bulk import: one entry for units or users, preview or apply. */
import { invalid } from '@/lib/actions/errors';
import type { Who } from '@/lib/projects/commands/shared';
import { importUnits, previewUnitImport } from './commands/import-units';
import { importUsers, previewUserImport } from './commands/import-users';
import type { RowError } from './import/plan-units';

export type ProvisionKind = 'units' | 'users';

/** One line a row of the preview shows: what happens to it. */
export type PreviewRow = { row: number; label: string; action: 'create' | 'update' | 'unchanged'; detail: string };
export type ProvisionPreview = { rows: PreviewRow[]; errors: RowError[]; counts: Record<'create' | 'update' | 'unchanged', number> };

function decode(file: string): Uint8Array {
  const bytes = Buffer.from(file, 'base64');
  if (bytes.length === 0) throw invalid('文件是空的', { file: ['文件是空的'] });
  return new Uint8Array(bytes);
}

function counted(rows: PreviewRow[], errors: RowError[]): ProvisionPreview {
  const counts = { create: 0, update: 0, unchanged: 0 };
  for (const r of rows) counts[r.action]++;
  return { rows, errors, counts };
}

export async function previewProvisioning(who: Who, kind: ProvisionKind, file: string): Promise<ProvisionPreview> {
  const bytes = decode(file);
  if (kind === 'units') {
    const plan = await previewUnitImport(who, bytes);
    const rows = plan.items.map((i) => ({ row: i.row, label: `${i.code} ${i.name}`, action: i.action, detail: [i.parentCode ? `上级 ${i.parentCode}` : '顶层', ...i.changes.map((c) => `改${c}`)].join('，') }));
    return counted(rows, plan.errors);
  }
  const plan = await previewUserImport(who, bytes);
  const role = (r: { role: string; unitCode: string; isThisUnitOnly: boolean }) => `${r.role === 'owner' ? '编制人' : '审核人'}:${r.unitCode}${r.isThisUnitOnly ? '(仅本单位)' : ''}`;
  const rows = plan.items.map((i) => ({
    row: i.row,
    label: `${i.username}（${i.displayName}）`,
    action: i.action,
    detail: [...(i.isAdmin ? ['管理员'] : []), ...i.roles.map(role), ...(i.action === 'create' ? [i.password ? '初始密码见文件' : '生成初始密码'] : []), ...i.changes.map((c) => `改${c}`)].join('，'),
  }));
  return counted(rows, plan.errors);
}

export type ProvisionResult = { created: number; updated: number; unchanged: number; generated: { username: string; password: string }[] };

export async function applyProvisioning(who: Who, kind: ProvisionKind, file: string): Promise<ProvisionResult> {
  const bytes = decode(file);
  if (kind === 'units') return { ...(await importUnits(who, bytes)), generated: [] };
  return importUsers(who, bytes);
}
