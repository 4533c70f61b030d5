import { z } from 'zod';
import { ActionError } from '@/lib/actions/errors';
import { fail } from '@/lib/actions/define';
import { clientAddress } from '@/lib/auth/request';
import { checkRoute } from '@/lib/auth/route-access';
import { LIMITS, UNIT_CODE } from '@/lib/domain/limits';
import { parsePublished } from '@/lib/format/published/parse';
import { BodyTooLarge, decodeText, jsonResponse, megabytes, readBodyCapped } from '@/lib/http/body';
import { refuseCrossOrigin } from '@/lib/http/route-guard';
import { applyImport, mayImportInto, planImport } from '@/lib/projects/import';

const query = z.object({
  mode: z.enum(['preview', 'apply']),
  unit: z.string().trim().regex(UNIT_CODE).optional(),
  year: z.string().regex(/^\d{4}$/).transform(Number).pipe(z.number().min(2000).max(2100)).optional(),
  framework: z.string().max(20).optional(),
  /** Overwrite stored drafts with tables that had reading problems; the preview names them first. */
  force: z.enum(['0', '1']).optional(),
});

/**
 * Upload of a published document (plain text, body = the file). `mode=preview` reports what would be
 * created, updated, left unchanged or skipped; `mode=apply` imports in one transaction (`force=1` also
 * overwrites drafts with tables that had reading problems). Uploads are size-capped here,
 * not in a server action body.
 */
export async function POST(request: Request): Promise<Response> {
  const forged = refuseCrossOrigin(request, { isUpload: true });
  if (forged) return forged;
  // Signed in, password changed, allowed to import somewhere: as every other route (lib/auth/operations.ts).
  const gate = await checkRoute('POST /api/import?mode=preview');
  if (!gate.ok) return gate.response;
  const actor = gate.actor;
  if (!actor) return jsonResponse({ ok: false, message: '请先登录' }, 401);
  const params = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!params.success) return jsonResponse({ ok: false, message: '参数有误：单位编码或年度格式不正确' }, 400);
  // Permission first, before reading a byte of the upload.
  if (!(await mayImportInto(actor, params.data.unit))) return jsonResponse({ ok: false, message: '没有导入此单位公开文本的权限' }, 403);
  let text: string;
  try {
    const bytes = await readBodyCapped(request, LIMITS.uploadBytes);
    if (bytes.byteLength === 0) return jsonResponse({ ok: false, message: '文件是空的' }, 400);
    text = decodeText(bytes);
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      return jsonResponse({ ok: false, message: `文件超过 ${megabytes(LIMITS.uploadBytes)} 的上限，请只上传单位预算公开文本` }, 413);
    }
    throw error;
  }
  const doc = parsePublished(text);
  const opts = { unitCode: params.data.unit, year: params.data.year, frameworkCode: params.data.framework, force: params.data.force === '1' };
  try {
    if (doc.projects.length === 0) {
      throw new ActionError('invalid', doc.problems[0]?.message ?? '没有在文件中找到绩效目标表');
    }
    if (params.data.mode === 'preview') return jsonResponse({ ok: true, plan: await planImport(actor, doc, opts) });
    // The client's address is read before the transaction: nothing but database work runs inside it.
    const ip = await clientAddress();
    const result = await applyImport({ actor, ip }, doc, opts);
    return jsonResponse({ ok: true, result });
  } catch (error) {
    const f = fail(error, 'import');
    if (f.ok) return jsonResponse({ ok: false, message: '导入失败' }, 500);
    const status = f.code === 'denied' ? 403 : f.code === 'error' ? 500 : 400;
    return jsonResponse({ ok: false, message: f.message, problems: doc.problems }, status);
  }
}
