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
