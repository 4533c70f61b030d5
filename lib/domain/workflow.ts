/**
 * The review workflow as a table: which action moves a table from which status to which, and the
 * permission it needs. Mutations look the action up here and re-check the status in their transaction.
 */
import type { Permission } from '@/lib/auth/permissions';
import { RECORDED_LABELS } from './review-levels';

/** `dept_approved` occurs only in a year reviewed at two levels (lib/domain/review-levels.ts). */
export const STATUSES = ['draft', 'submitted', 'returned', 'dept_approved', 'approved'] as const;
export type Status = (typeof STATUSES)[number];

export const STATUS_LABELS: Record<Status, string> = {
  draft: '草稿',
  submitted: '已提交',
  returned: '已退回',
  dept_approved: '部门已审核',
  approved: '已审核',
};

export const WORKFLOW_ACTIONS = ['submit', 'withdraw', 'return', 'approve', 'reopen', 'revise'] as const;
export type WorkflowAction = (typeof WORKFLOW_ACTIONS)[number];

export type Transition = {
  action: WorkflowAction;
  label: string;
  from: readonly Status[];
  to: Status;
  permission: Permission;
  needsReason: boolean;
};

export const TRANSITIONS: Record<WorkflowAction, Transition> = {
  submit: { action: 'submit', label: '提交审核', from: ['draft'], to: 'submitted', permission: 'project.submit', needsReason: false },
  withdraw: { action: 'withdraw', label: '撤回', from: ['submitted'], to: 'draft', permission: 'project.submit', needsReason: false },
  // At two levels the department's approval leads to dept_approved, not approved: lib/domain/review-levels.ts reviewStep.
  return: { action: 'return', label: '退回修改', from: ['submitted', 'dept_approved'], to: 'returned', permission: 'project.review', needsReason: true },
  approve: { action: 'approve', label: '审核通过', from: ['submitted', 'dept_approved'], to: 'approved', permission: 'project.review', needsReason: false },
  reopen: { action: 'reopen', label: '重新打开', from: ['approved'], to: 'draft', permission: 'project.reopen', needsReason: true },
  // The owner's first save of a returned table takes it back to draft.
  revise: { action: 'revise', label: '开始修改', from: ['returned'], to: 'draft', permission: 'project.edit', needsReason: false },
};

/** Statuses in which the owner may change the table's content. */
export const EDITABLE_STATUSES: readonly Status[] = ['draft', 'returned'];

export function isEditable(status: Status): boolean {
  return EDITABLE_STATUSES.includes(status);
}

/**
 * What a table's title carries on staff pages before it is approved: a draft (or a returned table, back
 * with its owner) is （草稿）; a submitted one waits for review and says so, not that it is a draft.
 */
export function titleMark(status: Status): string {
  if (status === 'approved') return '';
  if (status === 'dept_approved') return '（部门已审核，待财政审核）';
  return status === 'submitted' ? '（已提交，待审核）' : '（草稿）';
}

export function transitionFor(action: WorkflowAction, from: Status): Transition | null {
  const t = TRANSITIONS[action];
  return t.from.includes(from) ? t : null;
}

export const ACTION_LABELS: Record<string, string> = {
  create: '新建',
  update: '保存',
  import: '导入',
  delete: '删除',
  duplicate: '复制',
  comment: '提出意见',
  'comment-handled': '将意见标为已处理',
  'comment-reopened': '取消意见的已处理',
  renumber: '重新编号',
  ...Object.fromEntries(Object.values(TRANSITIONS).map((t) => [t.action, t.label])),
  ...RECORDED_LABELS,
};
