'use server';

import { z } from 'zod';
import { defineAction, fail } from '@/lib/actions/define';
import {
  bulkApproveInput,
  createTableInput,
  projectRefInput,
  saveTableInput,
  transitionInput,
} from '@/lib/domain/schemas';
import { LIMITS } from '@/lib/domain/limits';
import { textField } from '@/lib/domain/text';
import { markComment } from '@/lib/projects/commands/mark-comment';
import { addComment } from '@/lib/projects/commands/comment';
import { duplicateTable, startNextYear } from '@/lib/projects/commands/copy-table';
import { createTable } from '@/lib/projects/commands/create-table';
import { deleteTable } from '@/lib/projects/commands/delete-table';
import { saveTable } from '@/lib/projects/commands/save-table';
import { transitionTable, type RequestedTransition } from '@/lib/projects/commands/transition-table';
import type { ServerActionName } from '@/lib/auth/operations';

export const createTableAction = defineAction({
  name: 'createTableAction',
  schema: createTableInput,
  run: (input, ctx) => createTable(ctx, input.unitYearId, input.table),
  revalidate: () => ['/projects'],
});

export const saveTableAction = defineAction({
  name: 'saveTableAction',
  schema: saveTableInput,
  // No revalidation: every page is rendered per request, and re-rendering one here would slow each save.
  run: (input, ctx) => saveTable(ctx, input.projectId, input.version, input.table),
});

export const deleteTableAction = defineAction({
  name: 'deleteTableAction',
  schema: projectRefInput.extend({ version: z.number().int().positive() }),
  run: (input, ctx) => deleteTable(ctx, input.projectId, input.version),
  revalidate: () => ['/projects'],
});

export const duplicateTableAction = defineAction({
  name: 'duplicateTableAction',
  schema: projectRefInput,
  run: (input, ctx) => duplicateTable(ctx, input.projectId),
  revalidate: () => ['/projects'],
});

export const startNextYearAction = defineAction({
  name: 'startNextYearAction',
  schema: projectRefInput,
  run: (input, ctx) => startNextYear(ctx, input.projectId),
  revalidate: () => ['/projects'],
});

function transitionAction(action: RequestedTransition, name: ServerActionName) {
  return defineAction({
    name,
    schema: transitionInput,
    run: (input, ctx) => transitionTable(ctx, action, input),
    revalidate: (input) => ['/projects', '/review', `/projects/${input.projectId}`],
  });
}

export const submitTableAction = transitionAction('submit', 'submitTableAction');
export const withdrawTableAction = transitionAction('withdraw', 'withdrawTableAction');
export const returnTableAction = transitionAction('return', 'returnTableAction');
export const approveTableAction = transitionAction('approve', 'approveTableAction');
export const reopenTableAction = transitionAction('reopen', 'reopenTableAction');

/** Approves several tables; each is checked on its own and the result says which went through. */
export const bulkApproveAction = defineAction({
  name: 'bulkApproveAction',
  schema: bulkApproveInput,
  // One after another, each in its own transaction: one refusal must not undo the others.
  run: async (input, ctx) => {
    const results = [];
    for (const item of input.items) {
      try {
        const r = await transitionTable(ctx, 'approve', { ...item, reason: input.note });
        results.push({ projectId: item.projectId, ok: true as const, version: r.version, code: null, message: null });
      } catch (error) {
        const f = fail(error, 'project.bulk-approve');
        results.push({ projectId: item.projectId, ok: false as const, version: null, code: f.ok ? null : f.code, message: f.ok ? null : f.message });
      }
    }
    return results;
  },
  revalidate: () => ['/projects', '/review'],
});

export const markCommentAction = defineAction({
  name: 'markCommentAction',
  schema: projectRefInput.extend({
    commentId: z.number({ error: '意见无效' }).int('意见无效').positive('意见无效'),
    isHandled: z.boolean({ error: '请说明是否已处理' }),
  }),
  run: (input, ctx) => markComment(ctx, input.projectId, input.commentId, input.isHandled),
  revalidate: (input) => [`/projects/${input.projectId}`, `/projects/${input.projectId}/edit`],
});

export const addCommentAction = defineAction({
  name: 'addCommentAction',
  schema: projectRefInput.extend({
    target: textField('意见位置').max(80).nullable(),
    body: textField('意见').min(1, '请填写意见').max(LIMITS.reasonLength, `意见不能超过 ${LIMITS.reasonLength} 字`),
  }),
  run: (input, ctx) => addComment(ctx, input.projectId, input.target, input.body),
  revalidate: (input) => [`/projects/${input.projectId}`],
});

/**
 * Does nothing, reads nothing: the benchmark's floor for the cost of Next's action machinery on the
 * same server (`npm run bench` compares the real save with it). Public in lib/auth/operations.ts for
 * that reason: it needs no session because it touches no data.
 */
export async function noopAction(): Promise<null> {
  return null;
}
