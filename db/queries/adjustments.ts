import { and, asc, desc, eq, inArray, max, sql } from 'drizzle-orm';
import { db, first, now } from '../client';
import { tableAdjustments, users, type ProjectStatus, type TableAdjustmentRow } from '../schema';

export type AdjustmentInsert = Omit<TableAdjustmentRow, 'id' | 'seq' | 'version' | 'decidedBy' | 'decisionReason' | 'createdAt' | 'updatedAt'>;

export async function insertAdjustment(a: AdjustmentInsert): Promise<TableAdjustmentRow> {
  const last = await first(db().select({ n: max(tableAdjustments.seq) }).from(tableAdjustments).where(eq(tableAdjustments.projectId, a.projectId)));
  const at = now();
  const [row] = await db()
    .insert(tableAdjustments)
    .values({ ...a, seq: Number(last?.n ?? 0) + 1, createdAt: at, updatedAt: at })
    .returning();
  return row!;
}

export async function getAdjustment(id: number): Promise<TableAdjustmentRow | undefined> {
  return first(db().select().from(tableAdjustments).where(eq(tableAdjustments.id, id)));
}

export type AdjustmentView = TableAdjustmentRow & { proposedByName: string | null };

/** Every adjustment of a table, oldest first. */
export async function listAdjustments(projectId: number): Promise<AdjustmentView[]> {
  const rows = await db()
    .select({ a: tableAdjustments, name: users.displayName })
    .from(tableAdjustments)
    .leftJoin(users, eq(users.id, tableAdjustments.proposedBy))
    .where(eq(tableAdjustments.projectId, projectId))
    .orderBy(asc(tableAdjustments.seq));
  return rows.map((r) => ({ ...r.a, proposedByName: r.name }));
}

/** The adjustment in force: the latest approved one. */
export async function latestApprovedAdjustment(projectId: number): Promise<TableAdjustmentRow | undefined> {
  return first(
    db()
      .select()
      .from(tableAdjustments)
      .where(and(eq(tableAdjustments.projectId, projectId), eq(tableAdjustments.status, 'approved')))
      .orderBy(desc(tableAdjustments.seq))
      .limit(1),
  );
}

/**
 * The approved adjustments of each of many tables, oldest first (those with none are absent), in one query a
 * batch. Each adjustment lists only the rows it changes, so the table in force needs them all, not the latest.
 */
export async function approvedAdjustments(projectIds: readonly number[]): Promise<Map<number, TableAdjustmentRow[]>> {
  const out = new Map<number, TableAdjustmentRow[]>();
  for (let i = 0; i < projectIds.length; i += 500) {
    const rows = await db()
      .select()
      .from(tableAdjustments)
      .where(and(inArray(tableAdjustments.projectId, projectIds.slice(i, i + 500)), eq(tableAdjustments.status, 'approved')))
      .orderBy(asc(tableAdjustments.seq));
    for (const r of rows) {
      const list = out.get(r.projectId);
      if (list) list.push(r);
      else out.set(r.projectId, [r]);
    }
  }
  return out;
}

export async function hasPendingAdjustment(projectId: number): Promise<boolean> {
  const row = await first(
    db()
      .select({ id: tableAdjustments.id })
      .from(tableAdjustments)
      .where(and(eq(tableAdjustments.projectId, projectId), eq(tableAdjustments.status, 'submitted')))
      .limit(1),
  );
  return row !== undefined;
}

export async function decideAdjustment(
  id: number,
  expected: { status: ProjectStatus; version: number },
  to: ProjectStatus,
  userId: number,
  reason: string | null,
): Promise<TableAdjustmentRow | null> {
  const row = await first(
    db()
      .update(tableAdjustments)
      .set({ status: to, version: sql`${tableAdjustments.version} + 1`, decidedBy: userId, decisionReason: reason, updatedAt: now() })
      .where(and(eq(tableAdjustments.id, id), eq(tableAdjustments.status, expected.status), eq(tableAdjustments.version, expected.version)))
      .returning(),
  );
  return row ?? null;
}
