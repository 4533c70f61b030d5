/**
 * The questions asked before an approval: approving freezes a table (only an administrator can reopen
 * it), so 审核通过 and 批量审核通过 are confirmed in a dialog that also takes an optional sign-off note.
 */
import { LIMITS } from '@/lib/domain/limits';
import type { WorkflowAction } from '@/lib/domain/workflow';
import type { QueueRow } from './queue-selection';

export type ApprovalQuestion = { title: string; body: string; confirmLabel: string; noteLabel: string; noteMaxLength: number };

const NOTE_LABEL = '签署意见（可选，记入审核记录）';

export function approveQuestion(name: string, warningCount: number): ApprovalQuestion {
  const warned = warningCount > 0 ? `此表有 ${warningCount} 条提醒，请确认已逐条看过。` : '';
  return {
    title: `审核通过“${name}”？`,
    body: `${warned}审核通过后此表只读，需由管理员填写理由才能重新打开。`,
    confirmLabel: '确认审核通过',
    noteLabel: NOTE_LABEL,
    noteMaxLength: LIMITS.reasonLength,
  };
}

export function bulkApproveQuestion(rows: readonly QueueRow[]): ApprovalQuestion {
  const warned = rows.filter((r) => r.warningCount > 0);
  const names = warned.map((r) => `“${r.name}”`).join('、');
  return {
    title: `审核通过 ${rows.length} 张表？`,
    body: `${warned.length > 0 ? `其中 ${warned.length} 张有提醒（${names}），是逐张勾选的。` : '所选的表都没有提醒。'}审核通过后这些表只读，需由管理员填写理由才能重新打开。`,
    confirmLabel: `确认审核通过 ${rows.length} 张`,
    noteLabel: `${NOTE_LABEL}，同一条意见记入每张表`,
    noteMaxLength: LIMITS.reasonLength,
  };
}

/**
 * Whether a workflow button is disabled. 审核通过 waits while another action's form (退回修改 with its
 * reason and comments) is open, so a half-written return is never overtaken by an approval.
 */
export function isWorkflowButtonDisabled(action: WorkflowAction, openForm: WorkflowAction | null, isPending: boolean): boolean {
  if (isPending) return true;
  return action === 'approve' && openForm !== null;
}

/** The note as the action takes it: trimmed, and left out when empty. */
export function noteOrUndefined(note: string): string | undefined {
  const t = note.trim();
  return t === '' ? undefined : t;
}

/** What the page says once a workflow action went through (the badge alone is easy to miss). */
export const DEPT_APPROVED_MESSAGE = '部门审核已通过，等待财政审核。';

export const DONE_MESSAGES: Record<Exclude<WorkflowAction, 'revise'>, string> = {
  submit: '已提交审核，等待审核人审核；审核前可以撤回。',
  withdraw: '已撤回，此表回到草稿，可以继续编辑。',
  return: '已退回，编制人会看到退回理由和意见。',
  approve: '已审核通过，此表现在只读。',
  reopen: '已重新打开，此表回到草稿。',
};
