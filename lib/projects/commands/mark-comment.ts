import { write } from '@/db/client';
import { getComment, insertCommentMark } from '@/db/queries/review';
import { notFound } from '@/lib/actions/errors';
import { serverAction } from '@/lib/auth/operations';
import { authorizeOnProject, projectFor } from '../access';
import { auditProject, type Who } from './shared';

/**
 * The owner marks a reviewer's comment 已处理 (or takes the mark back), so the reviewer sees what was
 * done before reading the table again. Marks are appended; the latest one per comment counts.
 */
export async function markComment(who: Who, projectId: number, commentId: number, isHandled: boolean): Promise<void> {
  await write(async () => {
    const scope = await projectFor(who.actor, projectId, 'project.edit');
    await authorizeOnProject(serverAction('markCommentAction'), scope, who.actor);
    const comment = await getComment(commentId);
    if (!comment || comment.projectId !== projectId) throw notFound('审核意见');
    await insertCommentMark({ commentId, userId: who.actor.id, isHandled });
    await auditProject(who, isHandled ? 'comment-handled' : 'comment-reopened', projectId, scope.unitId, { commentId });
  });
}
