'use server';

import { defineAction } from '@/lib/actions/define';
import { decideAdjustment } from '@/lib/adjustments/commands/decide-adjustment';
import { proposeAdjustment } from '@/lib/adjustments/commands/propose-adjustment';
import { decideAdjustmentInput, proposeAdjustmentInput } from '@/lib/adjustments/schemas';

export const proposeAdjustmentAction = defineAction({
  name: 'proposeAdjustmentAction',
  schema: proposeAdjustmentInput,
  run: (input, ctx) => proposeAdjustment(ctx, input),
  revalidate: (input) => [`/projects/${input.projectId}/adjust`],
});

export const approveAdjustmentAction = defineAction({
  name: 'approveAdjustmentAction',
  schema: decideAdjustmentInput,
  run: (input, ctx) => decideAdjustment(ctx, 'approve', input),
});

export const returnAdjustmentAction = defineAction({
  name: 'returnAdjustmentAction',
  schema: decideAdjustmentInput,
  run: (input, ctx) => decideAdjustment(ctx, 'return', input),
});
