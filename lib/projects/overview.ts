/** What the table overview, preview and history pages show, loaded with the actor's rights checked. */
import { getUnitYearSummary, type UnitYearSummary } from '@/db/queries/units';
import { listComments, listReviewEvents, type CommentView, type EventView } from '@/db/queries/review';
import type { ProjectRow } from '@/db/schema';
import { can, type Actor, type Permission } from '@/lib/auth/permissions';
import type { Finding } from '@/lib/domain/rules';
import type { TargetTable } from '@/lib/domain/table';
import { isEditable, TRANSITIONS, type WorkflowAction } from '@/lib/domain/workflow';
import { projectFor } from './access';
import { findingsOf } from './findings';
import { loadTable } from './read';
import { displayNameOf } from './commands/shared';
import { hasUserTouchedProject } from '@/db/queries/review';

export type ProjectView = {
  project: ProjectRow;
  table: TargetTable;
  unitYear: UnitYearSummary;
  findings: Finding[];
  updatedByName: string | null;
  rights: {
    canEdit: boolean;
    canCreate: boolean;
    canComment: boolean;
    canExport: boolean;
    actions: WorkflowAction[];
  };
};

/** Loads a table for a page; null when it does not exist or the actor may not see it. */
export function projectView(actor: Actor, projectId: number, permission: Permission = 'project.view'): ProjectView | null {
  let scope;
  try {
    scope = projectFor(actor, projectId, permission);
  } catch {
    return null;
  }
  const loaded = loadTable(projectId);
  const unitYear = getUnitYearSummary(scope.unitYear.id);
  if (!loaded || !unitYear) return null;
  const { project } = loaded;
  const unitId = scope.unitId;
  const actions = (Object.values(TRANSITIONS) as (typeof TRANSITIONS)[WorkflowAction][])
    .filter((t) => t.action !== 'revise' && t.from.includes(project.status) && can(actor, t.permission, unitId))
    .filter((t) => t.action !== 'approve' || (project.submittedBy !== actor.id && !hasUserTouchedProject(project.id, actor.id)))
    .map((t) => t.action);
  return {
    project,
    table: loaded.table,
    unitYear,
    findings: findingsOf(loaded.table, scope.unitYear),
    updatedByName: displayNameOf(project.updatedBy),
    rights: {
      canEdit: isEditable(project.status) && can(actor, 'project.edit', unitId),
      canCreate: can(actor, 'project.create', unitId),
      canComment: can(actor, 'project.comment', unitId),
      canExport: can(actor, 'project.export', unitId),
      actions,
    },
  };
}

export function reviewConversation(projectId: number): { events: EventView[]; comments: CommentView[] } {
  return { events: listReviewEvents(projectId), comments: listComments(projectId) };
}
