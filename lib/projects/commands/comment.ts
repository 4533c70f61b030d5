import { transaction } from '@/db/client';
import { insertComment } from '@/db/queries/review';
import { serverAction } from '@/lib/auth/operations';
import { authorizeOnProject, projectFor } from '../access';
import { assertCommentTargets, auditProject, type Who } from './shared';

/** A comment on a table (target null) or on one field / row (`goal`, `row:<key>`). */
export function addComment(who: Who, projectId: number, target: string | null, body: string): { id: number } {
  return transaction(() => {
    const scope = projectFor(who.actor, projectId, 'project.comment');
    authorizeOnProject(serverAction('addCommentAction'), scope, who.actor);
    assertCommentTargets(scope.project.id, [target], () => 'target');
    const c = insertComment({ projectId: scope.project.id, eventId: null, userId: who.actor.id, target, body });
    auditProject(who, 'comment', scope.project.id, scope.unitId, { target, body });
    return { id: c.id };
  });
}
