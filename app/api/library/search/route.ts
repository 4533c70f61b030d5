import { checkRoute } from '@/lib/auth/route-access';
import { jsonResponse } from '@/lib/http/body';
import { searchInputFromParams } from '@/lib/library/schemas';
import { libraryScope, searchLibrary } from '@/lib/library/search';

/**
 * The library search the editor's suggestions and 挑选指标 call: what counts is limited to the units the
 * caller may see (an administrator: all), plus the standard library. A GET, so typing never queues
 * behind a save as server actions do, and a stale request can be cancelled.
 */
export async function GET(request: Request): Promise<Response> {
  const gate = await checkRoute('GET /api/library/search');
  if (!gate.ok) return gate.response;
  const parsed = searchInputFromParams(new URL(request.url).searchParams);
  if (!parsed.success) {
    const fieldErrors: Record<string, string[]> = {};
    for (const issue of parsed.error.issues) (fieldErrors[issue.path.join('.') || 'query'] ??= []).push(issue.message);
    return jsonResponse({ ok: false, message: '搜索条件有误', fieldErrors }, 400);
  }
  const i = parsed.data;
  const entries = await searchLibrary(libraryScope(gate.actor!), {
    q: i.q,
    preferLevel2: i.preferLevel2,
    level1: i.level1,
    level2: i.level2,
    unitId: i.unitId,
    isStandardOnly: i.standard,
    limit: i.limit,
  });
  return jsonResponse({ ok: true, entries });
}
