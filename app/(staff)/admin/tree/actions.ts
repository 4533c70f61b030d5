'use server';

import { defineAction } from '@/lib/actions/define';
import { moveUnit } from '@/lib/departments/commands/move-unit';
import { moveUnitInput } from '@/lib/departments/schemas';

export const moveUnitAction = defineAction({
  name: 'moveUnitAction',
  schema: moveUnitInput,
  run: (i, ctx) => moveUnit(ctx, i.unitId, i.parentId),
  revalidate: () => ['/admin/tree', '/admin/units', '/projects', '/review'],
});
