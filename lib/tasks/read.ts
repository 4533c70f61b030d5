/**
 * What waits for a user (issue 19 item 1, issue 18 item 4): 待我填写 (drafts and returned tables they
 * may edit), 被退回 (the returned ones among them, to fix first), 待我审核 at their level (部门审核: submitted
 * tables; 财政审核: tables at 部门已审核; one-level years: submitted tables of every unit they review), and
 * against the 编报截止日期 of their unit-years: 已逾期 and 即将逾期 (within 3 days), tables not yet submitted.
 */
import { listDeadlinesOf } from '@/db/queries/departments';
import { listTwoLevelUnitYearIds, listWaitingTaskTables } from '@/db/queries/review-levels';
import { listTaskTables, type TaskRow } from '@/db/queries/tasks';
import { listUnitYearOptions } from '@/db/queries/units';
import { unitsWith, type Actor } from '@/lib/auth/permissions';
import { taskDeadline, todayInChina } from '@/lib/domain/rollup';
import { waitingGroups } from '@/lib/review/waiting';

export type { TaskRow };
/** `dueOn`: on the deadline lists, the unit-year's 编报截止日期. */
export type TaskList = { rows: (TaskRow & { dueOn?: string })[]; total: number };
export type Tasks = {
  toFill: TaskList;
  returned: TaskList;
  /** One-level reviews and 部门审核. */
  toReview: TaskList;
  /** 财政审核: tables the department approved. */
  toFinanceReview: TaskList;
  overdue: TaskList | null;
  dueSoon: TaskList | null;
};

const SHOWN = 50;

export async function myTasks(actor: Actor, at: number = Date.now()): Promise<Tasks> {
  const editable = unitsWith(actor, 'project.edit');
  const reviewable = unitsWith(actor, 'project.review');
  const reviewYears = await listUnitYearOptions(reviewable);
  const groups = waitingGroups(actor, reviewYears, reviewYears.length > 0 ? await listTwoLevelUnitYearIds() : new Set());
  const submitted = groups.filter((g) => g.status === 'submitted');
  const deptApproved = groups.filter((g) => g.status === 'dept_approved');
  return {
    toFill: await listTaskTables(editable, ['draft', 'returned'], SHOWN),
    returned: await listTaskTables(editable, ['returned'], SHOWN),
    toReview: await listWaitingTaskTables(submitted, SHOWN),
    toFinanceReview: await listWaitingTaskTables(deptApproved, SHOWN),
    ...(await deadlineTasks(editable, at)),
  };
}

/** The editable unit-years whose deadline is past or near, and their tables still with the owner. */
async function deadlineTasks(editable: number[] | null, at: number): Promise<{ overdue: TaskList | null; dueSoon: TaskList | null }> {
  // An administrator edits nowhere; their home is not a to-do list of every unit's drafts.
  if (editable === null || editable.length === 0) return { overdue: null, dueSoon: null };
  const years = await listUnitYearOptions(editable);
  const deadlines = await listDeadlinesOf(years.map((y) => y.id));
  if (deadlines.size === 0) return { overdue: null, dueSoon: null };
  const today = todayInChina(at);
  const list = async (state: 'overdue' | 'due-soon'): Promise<TaskList> => {
    const ids = [...deadlines].filter(([, dueOn]) => taskDeadline(dueOn, today) === state).map(([id]) => id);
    const found = await listWaitingTaskTables(
      [
        { status: 'draft', unitYearIds: ids },
        { status: 'returned', unitYearIds: ids },
      ],
      SHOWN,
    );
    return { rows: found.rows.map((r) => ({ ...r, dueOn: deadlines.get(r.unitYearId)! })), total: found.total };
  };
  return { overdue: await list('overdue'), dueSoon: await list('due-soon') };
}

/** The count beside the navigation: what the user can act on now (待我填写 + 待我审核 at either level). */
export function taskCount(t: Tasks): number {
  return t.toFill.total + t.toReview.total + t.toFinanceReview.total;
}

/** Whether the user's home is the task list rather than the project list: they review and do not write. */
export function landsOnTasks(actor: Actor): boolean {
  const reviewable = unitsWith(actor, 'project.review');
  const editable = unitsWith(actor, 'project.edit');
  return (reviewable === null || reviewable.length > 0) && editable !== null && editable.length === 0;
}
