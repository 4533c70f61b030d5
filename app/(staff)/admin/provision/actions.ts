'use server';

import { defineAction } from '@/lib/actions/define';
import { applyProvisioning, previewProvisioning } from '@/lib/departments/provision';
import { provisioningInput } from '@/lib/departments/schemas';

export const previewProvisioningAction = defineAction({
  name: 'previewProvisioningAction',
  schema: provisioningInput,
  run: (i, ctx) => previewProvisioning(ctx, i.kind, i.file),
});

export const importProvisioningAction = defineAction({
  name: 'importProvisioningAction',
  schema: provisioningInput,
  run: (i, ctx) => applyProvisioning(ctx, i.kind, i.file),
  revalidate: () => ['/admin/tree', '/admin/units', '/admin/users'],
});
