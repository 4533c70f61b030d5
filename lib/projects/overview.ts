/** What the table overview, preview and history pages show, loaded with the actor's rights checked. */
import { ActionError } from '@/lib/actions/errors';
import { getUnitYearSummary, type UnitYearSummary } from '@/db/queries/units';
import { listComments, listReviewEvents, type CommentView, type EventView } from '@/db/queries/review';
import type { ProjectRow } from '@/db/schema';
import { decide, SERVER_ACTIONS } from '@/lib/auth/operations';
import { can, type Actor, type Permission } from '@/lib/auth/permissions';
import type { Finding } from '@/lib/domain/rules';
import type { TargetTable } from '@/lib/domain/table';
import { isEditable, WORKFLOW_ACTIONS, type WorkflowAction } from '@/lib/domain/workflow';
import { projectFor, projectTarget } from './access';
import { findingsOf } from './findings';
import { loadTable } from './read';
import { printedNumberOf, tableNumbers, type TableNumbers } from './section';
import { displayNameOf } from './commands/shared';

export type ProjectView = {
  project: ProjectRow;
  table: TargetTable;
  unitYear: UnitYearSummary;
  findings: Finding[];
  updatedByName: string | null;
  /** The N the table is printed with (`lib/projects/section.ts`): its published number once approved, else its 序号. */
  printedNumber: number;
  /** Its 序号 in the list and its published number, which the pages show both of when they differ. */
  numbers: TableNumbers;
  rights: {
    canEdit: boolean;
    canCreate: boolean;
    canComment: boolean;
    canExport: boolean;
    actions: WorkflowAction[];
  };
};

/** Loads a table for a page; null when it does not exist or the actor may not see it. */
export async function projectView(actor: Actor, projectId: number, permission: Permission = 'project.view'): Promise<ProjectView | null> {
  let scope;
  try {
    scope = await projectFor(actor, projectId, permission);
  } catch (error) {
    // Not there, or not allowed: “not found”. Anything else (the database away) is not a missing table.
    if (error instanceof ActionError) return null;
    throw error;
  }
  const loaded = await loadTable(projectId);
  const unitYear = await getUnitYearSummary(scope.unitYear.id);
  if (!loaded || !unitYear) return null;
  const { project } = loaded;
  const numbers = await tableNumbers(project);
  const unitId = scope.unitId;
  // The buttons offered are exactly what the server would allow (the operations table decides both).
  const actions: WorkflowAction[] = [];
  for (const action of WORKFLOW_ACTIONS) {
    if (action === 'revise') continue;
    const op = SERVER_ACTIONS[`${action}TableAction`];
    if (decide(op, { actor, mustChangePassword: false }, await projectTarget(op, project, unitId, actor)) === 'allow') actions.push(action);
  }
  return {
    project,
    table: loaded.table,
    unitYear,
    findings: await findingsOf(loaded.table, scope.unitYear),
    updatedByName: await displayNameOf(project.updatedBy),
    printedNumber: printedNumberOf(numbers),
    numbers,
    rights: {
      canEdit: isEditable(project.status) && can(actor, 'project.edit', unitId),
      canCreate: can(actor, 'project.create', unitId),
      canComment: can(actor, 'project.comment', unitId),
      canExport: can(actor, 'project.export', unitId),
      actions,
    },
  };
}

export async function reviewConversation(projectId: number): Promise<{ events: EventView[]; comments: CommentView[] }> {
  return { events: await listReviewEvents(projectId), comments: await listComments(projectId) };
}
