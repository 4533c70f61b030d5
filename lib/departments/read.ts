/** What the administration's tree page reads. */
import { listUnits } from '@/db/queries/units';
import { treeOrder } from '@/lib/domain/unit-tree';
import { requireAdmin } from '@/lib/projects/access';
import type { Actor } from '@/lib/auth/permissions';

export type TreeRow = { id: number; code: string; name: string; parentId: number | null; depth: number; childCount: number };

/** The units depth-first with their depth and how many units are directly below each. */
export async function unitTree(actor: Actor): Promise<TreeRow[]> {
  requireAdmin(actor);
  const ordered = treeOrder(await listUnits());
  const children = new Map<number, number>();
  for (const { unit } of ordered) if (unit.parentId !== null) children.set(unit.parentId, (children.get(unit.parentId) ?? 0) + 1);
  return ordered.map(({ unit, depth }) => ({ id: unit.id, code: unit.code, name: unit.name, parentId: unit.parentId, depth, childCount: children.get(unit.id) ?? 0 }));
}
