/**
 * What waits for a user (issue 19 item 1): 待我填写 (drafts and returned tables they may edit), 被退回
 * (the returned ones among them, to fix first), 待我审核 (submitted tables in units they review). Counts go
 * beside the navigation; a reviewer's home is this list. 即将逾期 is the seam for deadlines: when the
 * departments/deadlines capability lands, it fills `dueSoon` here and the page shows it as a fourth list.
 */
import { listTaskTables, type TaskRow } from '@/db/queries/tasks';
import { unitsWith, type Actor } from '@/lib/auth/permissions';

export type { TaskRow };
export type TaskList = { rows: TaskRow[]; total: number };
export type Tasks = { toFill: TaskList; returned: TaskList; toReview: TaskList; dueSoon: TaskList | null };

const SHOWN = 50;

export async function myTasks(actor: Actor): Promise<Tasks> {
  const editable = unitsWith(actor, 'project.edit');
  const reviewable = unitsWith(actor, 'project.review');
  return {
    toFill: await listTaskTables(editable, ['draft', 'returned'], SHOWN),
    returned: await listTaskTables(editable, ['returned'], SHOWN),
    toReview: await listTaskTables(reviewable, ['submitted'], SHOWN),
    dueSoon: null,
  };
}

/** The count beside the navigation: what the user can act on now (待我填写 + 待我审核). */
export function taskCount(t: Tasks): number {
  return t.toFill.total + t.toReview.total;
}

/** Whether the user's home is the task list rather than the project list: they review and do not write. */
export function landsOnTasks(actor: Actor): boolean {
  const reviewable = unitsWith(actor, 'project.review');
  const editable = unitsWith(actor, 'project.edit');
  return (reviewable === null || reviewable.length > 0) && editable !== null && editable.length === 0;
}
