import { currentSession } from '@/lib/auth/request';
import { departmentRollup } from '@/lib/departments/rollup';
import { rollupXlsx } from '@/lib/departments/rollup-xlsx';
import { downloadError } from '@/lib/http/body';
import { parseId } from '@/lib/http/params';

/** The department roll-up overview as XLSX, with the page's year, filter and sort. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const session = await currentSession();
  if (!session) return downloadError(request, '请先登录', 401);
  const id = parseId((await params).id);
  const query = Object.fromEntries(new URL(request.url).searchParams);
  const rollup = id ? await departmentRollup(session.actor, id, query) : null;
  if (!rollup) return downloadError(request, '没有权限查看此部门', 403);
  const bytes = await rollupXlsx(rollup);
  const name = encodeURIComponent(`${rollup.unit.code}-${rollup.year ?? ''}-编报进度.xlsx`);
  return new Response(Buffer.from(bytes), {
    headers: {
      'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'content-disposition': `attachment; filename="rollup.xlsx"; filename*=UTF-8''${name}`,
      'cache-control': 'no-store',
    },
  });
}
