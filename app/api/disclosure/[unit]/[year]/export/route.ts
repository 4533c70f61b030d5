import { jsonResponse } from '@/lib/http/body';
import { exportResponse, parseExportQuery } from '@/lib/projects/export-route';
import { sectionByCode } from '@/lib/projects/section';

/** Public downloads: approved tables only, no sign-in. */
export async function GET(request: Request, { params }: { params: Promise<{ unit: string; year: string }> }): Promise<Response> {
  const { unit, year } = await params;
  const q = parseExportQuery(request);
  if (!q.success || !/^[0-9A-Za-z]{3,20}$/.test(unit) || !/^\d{4}$/.test(year)) return jsonResponse({ ok: false, message: '参数有误' }, 400);
  const section = sectionByCode(unit, Number(year), { includeDrafts: false, projectCode: q.data.project });
  if (!section) return jsonResponse({ ok: false, message: '没有找到该单位年度' }, 404);
  return exportResponse(section, q.data.format, q.data.cover === '1');
}
