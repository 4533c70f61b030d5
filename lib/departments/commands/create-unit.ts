import { write } from '@/db/client';
import { insertUnitUnder } from '@/db/queries/departments';
import { findUnitByCode } from '@/db/queries/units';
import { invalid, notFound } from '@/lib/actions/errors';
import { requireAdmin } from '@/lib/projects/access';
import type { Who } from '@/lib/projects/commands/shared';
import { auditAdmin } from '../audit';

/** A new unit, at the top or under the unit coded `parentCode`. */
export async function createUnitInTree(who: Who, input: { code: string; name: string; parentCode?: string | null }): Promise<{ unitId: number }> {
  requireAdmin(who.actor);
  return write(async () => {
    if (await findUnitByCode(input.code)) throw invalid(`单位编码 ${input.code} 已存在`, { code: ['单位编码已存在'] });
    const parent = input.parentCode ? await findUnitByCode(input.parentCode) : null;
    if (input.parentCode && !parent) throw notFound(`上级单位 ${input.parentCode} `);
    const u = await insertUnitUnder(input.code, input.name, parent?.id ?? null);
    await auditAdmin(who, 'create', 'unit', u.id, { code: input.code, name: input.name, parent: parent?.code ?? null }, u.id);
    return { unitId: u.id };
  });
}
