/** The unit tree as pure rules: its display order, and whether a move would close a cycle. */

export type TreeUnit = { id: number; code: string; parentId: number | null };

/**
 * Depth-first, children by code: the indented list an administrator reads. A unit whose parent is not
 * in the list stands at the top, so a partial list still shows every unit once.
 */
export function treeOrder<U extends TreeUnit>(units: readonly U[]): { unit: U; depth: number }[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<number | null, U[]>();
  for (const u of units) {
    const key = u.parentId !== null && ids.has(u.parentId) ? u.parentId : null;
    const list = children.get(key) ?? [];
    list.push(u);
    children.set(key, list);
  }
  for (const list of children.values()) list.sort((a, b) => a.code.localeCompare(b.code));
  const out: { unit: U; depth: number }[] = [];
  const seen = new Set<number>();
  const visit = (parent: number | null, depth: number): void => {
    for (const u of children.get(parent) ?? []) {
      if (seen.has(u.id)) continue;
      seen.add(u.id);
      out.push({ unit: u, depth });
      visit(u.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/**
 * Moving `unitId` under a parent whose chain upwards (the parent itself first) is `parentChain` closes
 * a cycle when the unit is on that chain: it would sit below itself.
 */
export function wouldCloseCycle(unitId: number, parentChain: readonly number[]): boolean {
  return parentChain.includes(unitId);
}
