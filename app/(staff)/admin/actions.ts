'use server';

import { z } from 'zod';
import {
  createUnit,
  createUnitYear,
  createUser,
  renameUnit,
  resetPassword,
  setMembership,
  setUserAdmin,
  setUserDisabled,
  updateUnitYearSettings,
} from '@/lib/admin/commands';
import {
  membershipInput,
  unitInput,
  unitYearInput,
  unitYearRefInput,
  unitYearUpdateInput,
  userAdminInput,
  userCreateInput,
  userDisableInput,
  userRefInput,
} from '@/lib/admin/schemas';
import { defineAction } from '@/lib/actions/define';
import { grantRole } from '@/lib/departments/commands/grant-role';
import { renumberUnitYear } from '@/lib/projects/commands/renumber-unit-year';

const paths = () => ['/admin', '/admin/units', '/admin/users', '/projects'];

export const createUnitAction = defineAction({
  name: 'createUnitAction',
  schema: unitInput,
  run: (i, ctx) => createUnit(ctx, i.code, i.name),
  revalidate: paths,
});

export const renameUnitAction = defineAction({
  name: 'renameUnitAction',
  schema: z.object({ unitId: z.number().int().positive(), name: unitInput.shape.name }),
  run: (i, ctx) => renameUnit(ctx, i.unitId, i.name),
  revalidate: paths,
});

export const createUnitYearAction = defineAction({
  name: 'createUnitYearAction',
  schema: unitYearInput,
  run: (i, ctx) => createUnitYear(ctx, i.unitId, i.year, i.frameworkId, i.projectExpenditure),
  revalidate: paths,
});

export const updateUnitYearAction = defineAction({
  name: 'updateUnitYearAction',
  schema: unitYearUpdateInput,
  run: (i, ctx) => updateUnitYearSettings(ctx, i.unitYearId, i),
  revalidate: paths,
});

export const renumberUnitYearAction = defineAction({
  name: 'renumberUnitYearAction',
  schema: unitYearRefInput,
  run: (i, ctx) => renumberUnitYear(ctx, i.unitYearId),
  revalidate: () => [...paths(), '/exports', '/disclosure'],
});

export const createUserAction = defineAction({
  name: 'createUserAction',
  schema: userCreateInput,
  run: (i, ctx) => createUser(ctx, i),
  revalidate: paths,
});

export const setUserDisabledAction = defineAction({
  name: 'setUserDisabledAction',
  schema: userDisableInput,
  run: (i, ctx) => setUserDisabled(ctx, i.userId, i.isDisabled),
  revalidate: paths,
});

export const setUserAdminAction = defineAction({
  name: 'setUserAdminAction',
  schema: userAdminInput,
  run: (i, ctx) => setUserAdmin(ctx, i.userId, i.isAdmin),
  revalidate: paths,
});

export const resetPasswordAction = defineAction({
  name: 'resetPasswordAction',
  schema: userRefInput,
  run: (i, ctx) => resetPassword(ctx, i.userId),
  revalidate: paths,
});

export const setMembershipAction = defineAction({
  name: 'setMembershipAction',
  // With `isThisUnitOnly` a grant also sets its reach (仅本单位 or 本单位及下级单位, issue 18).
  schema: membershipInput.extend({ isMember: z.boolean(), isThisUnitOnly: z.boolean().optional() }),
  run: async (i, ctx) => {
    if (i.isMember && i.isThisUnitOnly !== undefined) await grantRole(ctx, { userId: i.userId, unitId: i.unitId, role: i.role, isThisUnitOnly: i.isThisUnitOnly });
    else await setMembership(ctx, i.userId, i.unitId, i.role, i.isMember);
  },
  revalidate: paths,
});
