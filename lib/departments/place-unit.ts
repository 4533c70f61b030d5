/** Puts a unit under another (or at the top), inside the caller's write(): cycle check, then audit. */
import { listAncestorIds, setUnitParent } from '@/db/queries/departments';
import { getUnit } from '@/db/queries/units';
import type { UnitRow } from '@/db/schema';
import { invalid, notFound } from '@/lib/actions/errors';
import { wouldCloseCycle } from '@/lib/domain/unit-tree';
import type { Who } from '@/lib/projects/commands/shared';
import { auditAdmin } from './audit';

/** Must run inside write(): the check and the move see the same tree. True when the unit moved. */
export async function placeUnit(who: Who, unit: UnitRow, parentId: number | null): Promise<boolean> {
  if (unit.parentId === parentId) return false;
  let parentCode: string | null = null;
  if (parentId !== null) {
    const parent = await getUnit(parentId);
    if (!parent) throw notFound('上级单位');
    if (wouldCloseCycle(unit.id, await listAncestorIds(parentId))) {
      const message = parent.id === unit.id ? '单位不能作为自己的上级' : `${parent.code} 是 ${unit.code} 的下级单位，不能作为它的上级`;
      throw invalid(message, { parent: [message] });
    }
    parentCode = parent.code;
  }
  const before = unit.parentId === null ? null : ((await getUnit(unit.parentId))?.code ?? null);
  await setUnitParent(unit.id, parentId);
  await auditAdmin(who, 'move', 'unit', unit.id, [{ field: 'parent', before, after: parentCode }], unit.id);
  return true;
}
