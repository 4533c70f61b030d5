'use server';

import { defineAction } from '@/lib/actions/define';
import { setUnitYearDeadline } from '@/lib/departments/commands/set-deadline';
import { deadlineInput } from '@/lib/departments/schemas';

export const setDeadlineAction = defineAction({
  name: 'setDeadlineAction',
  schema: deadlineInput,
  run: (i, ctx) => setUnitYearDeadline(ctx, i.unitYearId, i.dueOn),
  revalidate: () => ['/departments'],
});
