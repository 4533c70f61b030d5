import { jsonResponse } from '@/lib/http/body';
import { sectionByCode } from '@/lib/projects/section';
import { sectionInterchange } from '@/lib/projects/export';

/** The public JSON API: the approved tables of a unit-year in the interchange format. */
export async function GET(_request: Request, { params }: { params: Promise<{ unit: string; year: string }> }): Promise<Response> {
  const { unit, year } = await params;
  if (!/^[0-9A-Za-z]{3,20}$/.test(unit) || !/^\d{4}$/.test(year)) return jsonResponse({ ok: false, message: '参数有误' }, 400);
  const section = sectionByCode(unit, Number(year), { includeDrafts: false });
  if (!section || section.tables.length === 0) return jsonResponse({ ok: false, message: '没有找到已公开的表' }, 404);
  return jsonResponse(sectionInterchange(section));
}
