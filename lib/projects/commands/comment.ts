import { transaction } from '@/db/client';
import { insertComment } from '@/db/queries/review';
import { projectFor } from '../access';
import { auditProject, type Who } from './shared';

/** A comment on a table (target null) or on one field / row (`goal`, `row:<key>`). */
export function addComment(who: Who, projectId: number, target: string | null, body: string): { id: number } {
  return transaction(() => {
    const { project, unitId } = projectFor(who.actor, projectId, 'project.comment');
    const c = insertComment({ projectId: project.id, eventId: null, userId: who.actor.id, target, body });
    auditProject(who, 'comment', project.id, unitId, { target, body });
    return { id: c.id };
  });
}
