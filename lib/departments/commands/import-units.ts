/** Units from an XLSX or CSV sheet: a preview with every bad row, then the import in one transaction. */
import { write } from '@/db/client';
import { appendAuditMany, insertUnitsMany, setUnitParent } from '@/db/queries/departments';
import type { AuditEntry } from '@/db/queries/audit';
import { listUnits, updateUnitName } from '@/db/queries/units';
import { invalid } from '@/lib/actions/errors';
import { requireAdmin } from '@/lib/projects/access';
import type { Who } from '@/lib/projects/commands/shared';
import { planUnitImport, type RowError, type UnitPlan } from '../import/plan-units';
import { readSheetRows, type SheetRow } from '../import/read-rows';

export type ImportCounts = { created: number; updated: number; unchanged: number };

/** All bad rows in one refusal: nothing is imported until every row is right. */
export function rowErrorsRefusal(errors: readonly RowError[]) {
  const lines = errors.map((e) => `第 ${e.row} 行：${e.messages.join('；')}`);
  return invalid(`文件中有 ${errors.length} 行有误，未导入任何内容：\n${lines.join('\n')}`, { file: lines });
}

export async function previewUnitImport(who: Who, bytes: Uint8Array): Promise<UnitPlan> {
  requireAdmin(who.actor);
  return planUnitImport(await readSheetRows(bytes), await listUnits());
}

export async function importUnits(who: Who, bytes: Uint8Array): Promise<ImportCounts> {
  requireAdmin(who.actor);
  const rows: SheetRow[] = await readSheetRows(bytes);
  return write(async () => {
    // Planned again inside the transaction, against the units as they are now.
    const existing = await listUnits();
    const plan = planUnitImport(rows, existing);
    if (plan.errors.length > 0) throw rowErrorsRefusal(plan.errors);
    const ids = new Map(existing.map((u) => [u.code, u.id]));
    const codeOf = new Map(existing.map((u) => [u.id, u.code]));
    const audits: AuditEntry[] = [];
    const log = (action: string, unitId: number, changes: unknown) =>
      audits.push({ userId: who.actor.id, username: who.actor.username, action, entity: 'unit', entityId: unitId, unitId, changes, ip: who.ip });
    // New units a level at a time, parents first, a few statements in all; the plan proved every
    // parent is in the file or already there, so each round places at least one unit.
    let pending = plan.items.filter((i) => i.action === 'create');
    while (pending.length > 0) {
      const ready = pending.filter((i) => i.parentCode === null || ids.has(i.parentCode));
      if (ready.length === 0) throw new Error('unit import: a parent was never placed');
      for (const u of await insertUnitsMany(ready.map((i) => ({ code: i.code, name: i.name, parentId: i.parentCode === null ? null : ids.get(i.parentCode)! })))) ids.set(u.code, u.id);
      for (const i of ready) log('create', ids.get(i.code)!, { code: i.code, name: i.name, parent: i.parentCode });
      pending = pending.filter((i) => !ready.includes(i));
    }
    for (const it of plan.items.filter((i) => i.action === 'update')) {
      const before = existing.find((u) => u.code === it.code)!;
      if (it.changes.includes('名称')) {
        await updateUnitName(before.id, it.name);
        log('update', before.id, [{ field: 'name', before: before.name, after: it.name }]);
      }
      if (it.changes.includes('上级单位')) {
        await setUnitParent(before.id, it.parentCode === null ? null : ids.get(it.parentCode)!);
        log('move', before.id, [{ field: 'parent', before: before.parentId === null ? null : (codeOf.get(before.parentId) ?? null), after: it.parentCode }]);
      }
    }
    await appendAuditMany(audits);
    const count = (a: string) => plan.items.filter((i) => i.action === a).length;
    return { created: count('create'), updated: count('update'), unchanged: count('unchanged') };
  });
}
