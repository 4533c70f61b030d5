import { z } from 'zod';
import '@/lib/domain/schemas';

const id = z.number({ error: '编号无效' }).int().positive();

export const moveUnitInput = z.object({ unitId: id, parentId: id.nullable() });

/** A provisioning sheet as the browser read it: base64 of at most 10 MB of XLSX or CSV. */
export const provisioningInput = z.object({
  kind: z.enum(['units', 'users'], { error: '请选择导入单位还是用户' }),
  file: z.string({ error: '请选择文件' }).min(1, '请选择文件').max(14_000_000, '文件不能超过 10 MB').regex(/^[A-Za-z0-9+/=]+$/, '文件内容无效'),
});

export const deadlineInput = z.object({
  unitYearId: id,
  dueOn: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
    .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), '日期无效')
    .nullable(),
});

/** 审核级数 of a unit-year: 1 (the default) or 2 (部门审核, then 财政审核). */
export const reviewLevelsInput = z.object({
  unitYearId: id,
  reviewLevels: z.union([z.literal(1), z.literal(2)], { error: '审核级数只能是一级或两级' }),
});
