import { and, asc, eq, inArray } from 'drizzle-orm';
import { db, first, now } from '../client';
import { auditLog, commentMarks, reviewComments, reviewEvents, users, type ReviewCommentRow, type ReviewEventRow } from '../schema';

export async function insertReviewEvent(e: Omit<ReviewEventRow, 'id' | 'at'>): Promise<ReviewEventRow> {
  const [row] = await db()
    .insert(reviewEvents)
    .values({ ...e, at: now() })
    .returning();
  return row!;
}

export async function insertComment(c: Omit<ReviewCommentRow, 'id' | 'at'>): Promise<ReviewCommentRow> {
  const [row] = await db()
    .insert(reviewComments)
    .values({ ...c, at: now() })
    .returning();
  return row!;
}

export type EventView = ReviewEventRow & { userName: string };
export type CommentView = ReviewCommentRow & { userName: string };

export async function listReviewEvents(projectId: number): Promise<EventView[]> {
  const rows = await db()
    .select({ e: reviewEvents, userName: users.displayName })
    .from(reviewEvents)
    .innerJoin(users, eq(users.id, reviewEvents.userId))
    .where(eq(reviewEvents.projectId, projectId))
    .orderBy(asc(reviewEvents.at), asc(reviewEvents.id));
  return rows.map((r) => ({ ...r.e, userName: r.userName }));
}

export async function listComments(projectId: number): Promise<CommentView[]> {
  const rows = await db()
    .select({ c: reviewComments, userName: users.displayName })
    .from(reviewComments)
    .innerJoin(users, eq(users.id, reviewComments.userId))
    .where(eq(reviewComments.projectId, projectId))
    .orderBy(asc(reviewComments.at), asc(reviewComments.id));
  return rows.map((r) => ({ ...r.c, userName: r.userName }));
}

/** Whether the table was ever submitted, reviewed or commented on: that conversation is kept for good. */
export async function hasReviewHistory(projectId: number): Promise<boolean> {
  const event = await first(db().select({ id: reviewEvents.id }).from(reviewEvents).where(eq(reviewEvents.projectId, projectId)).limit(1));
  if (event) return true;
  return (await first(db().select({ id: reviewComments.id }).from(reviewComments).where(eq(reviewComments.projectId, projectId)).limit(1))) !== undefined;
}

const AUTHORING = ['create', 'update', 'import', 'duplicate', 'submit'];
/** Audit actions whose changes name the table a copy was made from (复制: `from`; 生成下一年度的表: `fromProject`). */
const COPYING = ['duplicate', 'create'];

/**
 * Whether the user ever created, edited, imported or submitted the project — or any table it was copied
 * from, however many copies back (separation of duties follows copies: who wrote the source wrote the copy).
 */
export async function hasUserTouchedProject(projectId: number, userId: number): Promise<boolean> {
  const seen = new Set<number>([projectId]);
  let ids = [projectId];
  for (let depth = 0; ids.length > 0 && depth < 50; depth++) {
    const edited = await first(
      db()
        .select({ id: auditLog.id })
        .from(auditLog)
        .where(and(eq(auditLog.entity, 'project'), inArray(auditLog.entityId, ids), eq(auditLog.userId, userId), inArray(auditLog.action, AUTHORING)))
        .limit(1),
    );
    if (edited) return true;
    ids = (await sourcesOf(ids)).filter((id) => !seen.has(id));
    for (const id of ids) seen.add(id);
  }
  return false;
}

async function sourcesOf(ids: readonly number[]): Promise<number[]> {
  const rows = await db()
    .select({ changes: auditLog.changes })
    .from(auditLog)
    .where(and(eq(auditLog.entity, 'project'), inArray(auditLog.entityId, [...ids]), inArray(auditLog.action, COPYING)));
  const out: number[] = [];
  for (const r of rows) {
    if (!r.changes) continue;
    try {
      const c = JSON.parse(r.changes) as { from?: unknown; fromProject?: unknown };
      const source = typeof c.from === 'number' ? c.from : typeof c.fromProject === 'number' ? c.fromProject : null;
      if (source !== null) out.push(source);
    } catch {
      // An audit row whose changes are not JSON names no source.
    }
  }
  return out;
}

export async function getComment(id: number): Promise<ReviewCommentRow | null> {
  return (await first(db().select().from(reviewComments).where(eq(reviewComments.id, id)))) ?? null;
}

export async function insertCommentMark(m: { commentId: number; userId: number; isHandled: boolean }): Promise<void> {
  await db().insert(commentMarks).values({ ...m, at: now() });
}

/** Each comment's latest 已处理 mark on the table, with who set it and when. */
export async function listCommentMarks(projectId: number): Promise<Map<number, { isHandled: boolean; userName: string; at: number }>> {
  const rows = await db()
    .select({ commentId: commentMarks.commentId, isHandled: commentMarks.isHandled, at: commentMarks.at, userName: users.displayName })
    .from(commentMarks)
    .innerJoin(reviewComments, eq(reviewComments.id, commentMarks.commentId))
    .innerJoin(users, eq(users.id, commentMarks.userId))
    .where(eq(reviewComments.projectId, projectId))
    .orderBy(asc(commentMarks.at), asc(commentMarks.id));
  return new Map(rows.map((r) => [r.commentId, { isHandled: r.isHandled, userName: r.userName, at: r.at }]));
}
