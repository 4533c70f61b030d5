import { z } from 'zod';
import '@/lib/domain/schemas';
import { MEMBERSHIP_ROLES } from '@/db/schema/enums';
import { UNIT_CODE } from '@/lib/domain/limits';

const id = z.number({ error: '编号无效' }).int().positive();

export const unitInput = z.object({
  code: z.string().trim().regex(UNIT_CODE, '单位编码应为 3–20 位字母或数字'),
  name: z.string().trim().min(1, '请填写单位名称').max(100, '单位名称不能超过 100 字'),
});

export const unitYearInput = z.object({
  unitId: id,
  year: z.number({ error: '请填写年度' }).int().min(2000, '年度应在 2000–2100 之间').max(2100, '年度应在 2000–2100 之间'),
  frameworkId: id,
  projectExpenditure: z.string().trim().max(20).nullable(),
});

export const unitYearUpdateInput = z.object({
  unitYearId: id,
  frameworkId: id,
  projectExpenditure: z.string().trim().max(20).nullable(),
  ruleProfile: z.string().max(10_000).nullable(),
});

export const userCreateInput = z.object({
  username: z.string().trim().regex(/^[a-zA-Z0-9_.-]{3,32}$/, '用户名应为 3–32 位字母、数字或 _ . -'),
  displayName: z.string().trim().min(1, '请填写姓名').max(50),
  password: z.string().min(1, '请设置初始密码').max(128),
  isAdmin: z.boolean(),
});

export const userRefInput = z.object({ userId: id });
export const userDisableInput = z.object({ userId: id, isDisabled: z.boolean() });
export const userAdminInput = z.object({ userId: id, isAdmin: z.boolean() });
export const membershipInput = z.object({ userId: id, unitId: id, role: z.enum(MEMBERSHIP_ROLES) });
