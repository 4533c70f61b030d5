'use server';

import { defineAction } from '@/lib/actions/define';
import { setUnitYearDeadline } from '@/lib/departments/commands/set-deadline';
import { setUnitYearReviewLevels } from '@/lib/departments/commands/set-review-levels';
import { deadlineInput, reviewLevelsInput } from '@/lib/departments/schemas';

export const setDeadlineAction = defineAction({
  name: 'setDeadlineAction',
  schema: deadlineInput,
  run: (i, ctx) => setUnitYearDeadline(ctx, i.unitYearId, i.dueOn),
  revalidate: () => ['/departments'],
});

export const setReviewLevelsAction = defineAction({
  name: 'setReviewLevelsAction',
  schema: reviewLevelsInput,
  run: (i, ctx) => setUnitYearReviewLevels(ctx, i.unitYearId, i.reviewLevels),
  revalidate: () => ['/departments', '/review', '/tasks'],
});
