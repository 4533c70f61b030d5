/** The library search's input, as the editor, 挑选指标 and the API send it (query-string values are text). */
import { z } from 'zod';

const text = (max: number, label: string) => z.string().trim().max(max, `${label}最多 ${max} 字`);
const flag = z.union([z.boolean(), z.enum(['1', '0', 'true', 'false'])]).transform((v) => v === true || v === '1' || v === 'true');

export const librarySearchInput = z.strictObject({
  q: text(100, '搜索文字').default(''),
  preferLevel2: text(50, '二级指标').optional(),
  level1: text(50, '一级指标').optional(),
  level2: text(50, '二级指标').optional(),
  unitId: z.coerce.number().int('单位应为整数').positive('单位应为正整数').optional(),
  standard: flag.optional(),
  limit: z.coerce.number().int('条数应为整数').min(1, '条数至少为 1').max(50, '条数最多为 50').optional(),
});

export type LibrarySearchInput = z.infer<typeof librarySearchInput>;

/** Reads a query string; empty values count as absent, so `?level2=` means no filter. */
export function searchInputFromParams(params: URLSearchParams): z.ZodSafeParseResult<LibrarySearchInput> {
  const raw: Record<string, string> = {};
  for (const [k, v] of params) if (v !== '') raw[k] = v;
  return librarySearchInput.safeParse(raw);
}

const entryId = (label: string) => z.coerce.number({ error: `请选择${label}` }).int(`${label}无效`).positive(`${label}无效`);

/** 管理 › 指标库: retire (or restore) an entry. */
export const retireEntryInput = z.strictObject({ entryId: entryId('指标'), isRetired: flag });
/** Merge entry `fromId` into `intoId` (its key then counts there). */
export const mergeEntriesInput = z.strictObject({ fromId: entryId('要合并的指标'), intoId: entryId('合并到的指标') });
/** The standard library's XLSX or CSV, base64. */
export const standardFileInput = z.strictObject({
  file: z.string({ error: '请选择文件' }).min(1, '请选择文件').max(14_000_000, '文件不能超过 10 MB').regex(/^[A-Za-z0-9+/=]+$/, '文件内容无效'),
});
/** The administration list's query string. */
export const curationQuery = z.object({
  q: text(100, '搜索文字').catch(''),
  show: z.enum(['active', 'retired', 'standard']).catch('active'),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
