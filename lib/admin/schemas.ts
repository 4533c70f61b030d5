import { z } from 'zod';
import '@/lib/domain/schemas';
import { MEMBERSHIP_ROLES } from '@/db/schema/enums';
import { UNIT_CODE } from '@/lib/domain/limits';
import { textField } from '@/lib/domain/text';

const id = z.number({ error: '编号无效' }).int().positive();

export const unitInput = z.object({
  code: textField('单位编码').regex(UNIT_CODE, '单位编码应为 3–20 位字母或数字'),
  name: textField('单位名称').min(1, '请填写单位名称').max(100, '单位名称不能超过 100 字'),
});

export const unitYearInput = z.object({
  unitId: id,
  year: z.number({ error: '请填写年度' }).int().min(2000, '年度应在 2000–2100 之间').max(2100, '年度应在 2000–2100 之间'),
  frameworkId: id,
  projectExpenditure: textField('项目支出').max(20, '项目支出格式不正确').nullable(),
});

export const unitYearRefInput = z.object({ unitYearId: id });

export const unitYearUpdateInput = z.object({
  unitYearId: id,
  frameworkId: id,
  projectExpenditure: textField('项目支出').max(20, '项目支出格式不正确').nullable(),
  ruleProfile: textField('规则配置').max(10_000, '规则配置过长').nullable(),
});

export const userCreateInput = z.object({
  username: textField('用户名').regex(/^[a-zA-Z0-9_.-]{3,32}$/, '用户名应为 3–32 位字母、数字或 _ . -').transform((v) => v.toLowerCase()),
  displayName: textField('姓名').min(1, '请填写姓名').max(50, '姓名不能超过 50 字'),
  password: z.string().min(1, '请设置初始密码').max(128),
  isAdmin: z.boolean(),
});

export const userRefInput = z.object({ userId: id });
export const userDisableInput = z.object({ userId: id, isDisabled: z.boolean() });
export const userAdminInput = z.object({ userId: id, isAdmin: z.boolean() });
export const membershipInput = z.object({ userId: id, unitId: id, role: z.enum(MEMBERSHIP_ROLES) });
