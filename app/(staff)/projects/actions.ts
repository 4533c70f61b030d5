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
import { addComment } from '@/lib/projects/commands/comment';
import { duplicateTable, startNextYear } from '@/lib/projects/commands/copy-table';
import { createTable } from '@/lib/projects/commands/create-table';
import { deleteTable } from '@/lib/projects/commands/delete-table';
import { saveTable } from '@/lib/projects/commands/save-table';
import { transitionTable } from '@/lib/projects/commands/transition-table';
import type { WorkflowAction } from '@/lib/domain/workflow';

export const createTableAction = defineAction({
  name: 'project.create',
  schema: createTableInput,
  run: (input, ctx) => createTable(ctx, input.unitYearId, input.table),
  revalidate: () => ['/projects'],
});

export const saveTableAction = defineAction({
  name: 'project.save',
  schema: saveTableInput,
  // No revalidation: every page is rendered per request, and re-rendering one here would slow each save.
  run: (input, ctx) => saveTable(ctx, input.projectId, input.version, input.table),
});

export const deleteTableAction = defineAction({
  name: 'project.delete',
  schema: projectRefInput.extend({ version: z.number().int().positive() }),
  run: (input, ctx) => deleteTable(ctx, input.projectId, input.version),
  revalidate: () => ['/projects'],
});

export const duplicateTableAction = defineAction({
  name: 'project.duplicate',
  schema: projectRefInput,
  run: (input, ctx) => duplicateTable(ctx, input.projectId),
  revalidate: () => ['/projects'],
});

export const startNextYearAction = defineAction({
  name: 'project.next-year',
  schema: projectRefInput,
  run: (input, ctx) => startNextYear(ctx, input.projectId),
  revalidate: () => ['/projects'],
});

function transitionAction(action: WorkflowAction) {
  return defineAction({
    name: `project.${action}`,
    schema: transitionInput,
    run: (input, ctx) => transitionTable(ctx, action, input),
    revalidate: (input) => ['/projects', '/review', `/projects/${input.projectId}`],
  });
}

export const submitTableAction = transitionAction('submit');
export const withdrawTableAction = transitionAction('withdraw');
export const returnTableAction = transitionAction('return');
export const approveTableAction = transitionAction('approve');
export const reopenTableAction = transitionAction('reopen');

/** Approves several tables; each is checked on its own and the result says which went through. */
export const bulkApproveAction = defineAction({
  name: 'project.bulk-approve',
  schema: bulkApproveInput,
  run: (input, ctx) =>
    input.items.map((item) => {
      try {
        const r = transitionTable(ctx, 'approve', item);
        return { projectId: item.projectId, ok: true as const, version: r.version, code: null, message: null };
      } catch (error) {
        const f = fail(error, 'project.bulk-approve');
        return { projectId: item.projectId, ok: false as const, version: null, code: f.ok ? null : f.code, message: f.ok ? null : f.message };
      }
    }),
  revalidate: () => ['/projects', '/review'],
});

export const addCommentAction = defineAction({
  name: 'project.comment',
  schema: projectRefInput.extend({
    target: z.string().max(80).nullable(),
    body: z.string().trim().min(1, '请填写意见').max(LIMITS.reasonLength, `意见不能超过 ${LIMITS.reasonLength} 字`),
  }),
  run: (input, ctx) => addComment(ctx, input.projectId, input.target, input.body),
  revalidate: (input) => [`/projects/${input.projectId}`],
});

/**
 * Does nothing, reads nothing: the benchmark's floor for the cost of Next's action machinery on the
 * same server (`npm run bench` compares the real save with it).
 */
export async function noopAction(): Promise<null> {
  return null;
}
