/**
 * A table's numbers. Its 序号 (`position`) is its place in the unit-year's working list: the list, its
 * overview, editor and preview, and every export that includes drafts print it. The published section
 * holds approved tables only and numbers them by their published number, which a table gets when it is
 * approved and keeps when others are approved later (see `db/schema/*\/projects.ts`); the administrator's
 * 重新编号 renumbers them 1…n in list order. Pure: the rows come from the caller.
 */
export type NumberedRow = { id: number; position: number; status: string; publishedNumber: number | null };

/**
 * The published number of every approved row: the stored one, or — for tables approved before numbers
 * were stored — the next numbers after the highest stored one, in list order.
 */
export function publishedNumbers(rows: readonly NumberedRow[]): Map<number, number> {
  const approved = rows.filter((r) => r.status === 'approved').sort((a, b) => a.position - b.position || a.id - b.id);
  const out = new Map<number, number>();
  let next = Math.max(0, ...approved.map((r) => r.publishedNumber ?? 0)) + 1;
  for (const r of approved) out.set(r.id, r.publishedNumber ?? next++);
  return out;
}

/** The number a table being approved now gets: after every number already given in its unit-year. */
export function nextPublishedNumber(rows: readonly NumberedRow[]): number {
  return Math.max(0, ...publishedNumbers(rows).values(), ...rows.map((r) => r.publishedNumber ?? 0)) + 1;
}

/** 重新编号: the approved tables 1…n in list order. */
export function renumbered(rows: readonly NumberedRow[]): Map<number, number> {
  const approved = rows.filter((r) => r.status === 'approved').sort((a, b) => a.position - b.position || a.id - b.id);
  return new Map(approved.map((r, i) => [r.id, i + 1]));
}

/** Why the two numbers of a table differ, in the words the staff pages use. */
export const NUMBERING_NOTE = '公开文本只收录审核通过的表，按审核通过的先后编号（以后再有表审核通过，已有编号不变）；因此公开编号可能与列表序号不同。管理员可在“预算年度”页重新编号。';
