import { jsonResponse, NOT_PUBLISHED } from '@/lib/http/body';
import { interchangeResponse } from '@/lib/projects/export-route';
import { sectionByCode } from '@/lib/projects/section';
import { UNIT_CODE } from '@/lib/domain/limits';
import { answeringUnavailable } from '@/lib/http/route-errors';

/** The public JSON API: the approved tables of a unit-year in the interchange format. */
async function get(request: Request, { params }: { params: Promise<{ unit: string; year: string }> }): Promise<Response> {
  const { unit, year } = await params;
  if (!UNIT_CODE.test(unit) || !/^\d{4}$/.test(year)) return jsonResponse({ ok: false, message: '单位编码或年度有误：单位编码应为 3–20 位字母或数字，年度为四位数字' }, 400);
  const section = await sectionByCode(unit, Number(year), { includeDrafts: false });
  if (!section || section.entries.length === 0) return jsonResponse({ ok: false, message: NOT_PUBLISHED }, 404);
  return interchangeResponse(request, section);
}

export const GET = answeringUnavailable(get);
