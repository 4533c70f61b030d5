import { write } from '@/db/client';
import { insertComment } from '@/db/queries/review';
import { serverAction } from '@/lib/auth/operations';
import { authorizeOnProject, projectFor } from '../access';
import { assertCommentTargets, auditProject, type Who } from './shared';

/** A comment on a table (target null) or on one field / row (`goal`, `row:<key>`). */
export async function addComment(who: Who, projectId: number, target: string | null, body: string): Promise<{ id: number }> {
  return write(async () => {
    const scope = await projectFor(who.actor, projectId, 'project.comment');
    await authorizeOnProject(serverAction('addCommentAction'), scope, who.actor);
    const [targetLabel = null] = await assertCommentTargets(scope.project.id, [target], () => 'target');
    const c = await insertComment({ projectId: scope.project.id, eventId: null, userId: who.actor.id, target, targetLabel, body });
    await auditProject(who, 'comment', scope.project.id, scope.unitId, { target, targetLabel, body });
    return { id: c.id };
  });
}
