import { downloadError, NOT_PUBLISHED } from '@/lib/http/body';
import { exportResponse, parseExportQuery } from '@/lib/projects/export-route';
import { sectionByCode } from '@/lib/projects/section';
import { UNIT_CODE } from '@/lib/domain/limits';
import { answeringUnavailable } from '@/lib/http/route-errors';

/** Public downloads: approved tables only, no sign-in. */
async function get(request: Request, { params }: { params: Promise<{ unit: string; year: string }> }): Promise<Response> {
  const { unit, year } = await params;
  if (!UNIT_CODE.test(unit) || !/^\d{4}$/.test(year)) return downloadError(request, '单位编码或年度有误：单位编码应为 3–20 位字母或数字，年度为四位数字', 400);
  const q = parseExportQuery(request);
  if (!q.success) return downloadError(request, `下载参数有误：${q.error.issues[0]?.message ?? '请检查格式参数'}`, 400);
  const section = await sectionByCode(unit, Number(year), { includeDrafts: false, projectCode: q.data.project });
  if (!section || section.entries.length === 0) return downloadError(request, NOT_PUBLISHED, 404);
  return exportResponse(request, section, q.data.format, q.data.cover === '1');
}

export const GET = answeringUnavailable(get);
