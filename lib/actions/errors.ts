import { levelRefusal, type Decision, type Operation } from '@/lib/auth/operations';
import { STATUS_LABELS, type Status } from '@/lib/domain/workflow';
import type { ActionFailure, FieldErrors } from './result';

/** Thrown inside an action to refuse with a message the user sees; the wrapper turns it into a result. */
export class ActionError extends Error {
  constructor(
    readonly code: ActionFailure['code'],
    message: string,
    readonly fieldErrors: FieldErrors = {},
    readonly detail?: ActionFailure['detail'],
  ) {
    super(message);
  }
}

export const notFound = (what = '记录') => new ActionError('not-found', `${what}不存在或已被删除`);
export const denied = () => new ActionError('denied', '没有权限执行此操作');
export const invalid = (message: string, fieldErrors: FieldErrors = {}) => new ActionError('invalid', message, fieldErrors);
export const wrongState = (message: string) => new ActionError('state', message);

/** The refusal an operations-table decision stands for, in words that say why. */
export function refusalError(decision: Exclude<Decision, 'allow'>, op: Operation, status?: Status): ActionError {
  switch (decision) {
    case 'unauthenticated':
      return new ActionError('unauthenticated', '登录已过期，请重新登录');
    case 'password-change':
      return new ActionError('unauthenticated', '管理员重置了你的密码：请先在“修改密码”页设置新密码，再继续操作');
    case 'denied':
      return new ActionError('denied', `没有权限${op.label}`);
    case 'author':
      return new ActionError('denied', `不能${op.label}自己编制或提交的表（编制与审核须由不同的人完成）`);
    case 'state':
      return new ActionError('state', status ? `此表当前为“${STATUS_LABELS[status]}”，不能${op.label}` : `当前状态下不能${op.label}`);
    case 'level':
      return new ActionError('denied', levelRefusal(status === 'dept_approved' ? 'finance' : 'department'));
    case 'same-reviewer':
      return new ActionError('denied', '你已在部门审核中通过此表，财政审核须由另一位审核人完成');
  }
}
