import { write } from '@/db/client';
import { findUnitByCode, getUnit, updateUnitName } from '@/db/queries/units';
import { notFound } from '@/lib/actions/errors';
import { requireAdmin } from '@/lib/projects/access';
import type { Who } from '@/lib/projects/commands/shared';
import { auditAdmin } from '../audit';
import { placeUnit } from '../place-unit';

/**
 * Renames and/or moves the unit coded `code`. `parentCode`: undefined keeps the parent, null moves it to
 * the top. Each change is audited on its own; nothing changed writes nothing.
 */
export async function updateUnitInTree(who: Who, input: { code: string; name?: string; parentCode?: string | null }): Promise<{ unitId: number; changed: string[] }> {
  requireAdmin(who.actor);
  return write(async () => {
    const unit = await findUnitByCode(input.code);
    if (!unit) throw notFound(`单位 ${input.code} `);
    const changed: string[] = [];
    if (input.name !== undefined && input.name !== unit.name) {
      await updateUnitName(unit.id, input.name);
      await auditAdmin(who, 'update', 'unit', unit.id, [{ field: 'name', before: unit.name, after: input.name }], unit.id);
      changed.push('name');
    }
    if (input.parentCode !== undefined) {
      const parent = input.parentCode === null ? null : await findUnitByCode(input.parentCode);
      if (input.parentCode !== null && !parent) throw notFound(`上级单位 ${input.parentCode} `);
      if (await placeUnit(who, (await getUnit(unit.id))!, parent?.id ?? null)) changed.push('parent');
    }
    return { unitId: unit.id, changed };
  });
}
