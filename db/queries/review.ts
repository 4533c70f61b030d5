import { and, asc, eq, inArray } from 'drizzle-orm';
import { db, now } from '../client';
import { auditLog, reviewComments, reviewEvents, users, type ReviewCommentRow, type ReviewEventRow } from '../schema';

export function insertReviewEvent(e: Omit<ReviewEventRow, 'id' | 'at'>): ReviewEventRow {
  return db()
    .insert(reviewEvents)
    .values({ ...e, at: now() })
    .returning()
    .get();
}

export function insertComment(c: Omit<ReviewCommentRow, 'id' | 'at'>): ReviewCommentRow {
  return db()
    .insert(reviewComments)
    .values({ ...c, at: now() })
    .returning()
    .get();
}

export type EventView = ReviewEventRow & { userName: string };
export type CommentView = ReviewCommentRow & { userName: string };

export function listReviewEvents(projectId: number): EventView[] {
  return db()
    .select({ e: reviewEvents, userName: users.displayName })
    .from(reviewEvents)
    .innerJoin(users, eq(users.id, reviewEvents.userId))
    .where(eq(reviewEvents.projectId, projectId))
    .orderBy(asc(reviewEvents.at), asc(reviewEvents.id))
    .all()
    .map((r) => ({ ...r.e, userName: r.userName }));
}

export function listComments(projectId: number): CommentView[] {
  return db()
    .select({ c: reviewComments, userName: users.displayName })
    .from(reviewComments)
    .innerJoin(users, eq(users.id, reviewComments.userId))
    .where(eq(reviewComments.projectId, projectId))
    .orderBy(asc(reviewComments.at), asc(reviewComments.id))
    .all()
    .map((r) => ({ ...r.c, userName: r.userName }));
}

/** Whether the table was ever submitted, reviewed or commented on: that conversation is kept for good. */
export function hasReviewHistory(projectId: number): boolean {
  const event = db().select({ id: reviewEvents.id }).from(reviewEvents).where(eq(reviewEvents.projectId, projectId)).limit(1).get();
  if (event) return true;
  return db().select({ id: reviewComments.id }).from(reviewComments).where(eq(reviewComments.projectId, projectId)).limit(1).get() !== undefined;
}

/** Whether the user ever created, edited, imported or submitted the project (separation of duties). */
export function hasUserTouchedProject(projectId: number, userId: number): boolean {
  const edited = db()
    .select({ id: auditLog.id })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.entity, 'project'),
        eq(auditLog.entityId, projectId),
        eq(auditLog.userId, userId),
        inArray(auditLog.action, ['create', 'update', 'import', 'duplicate', 'submit']),
      ),
    )
    .limit(1)
    .get();
  return edited !== undefined;
}
