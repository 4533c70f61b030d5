import { z } from 'zod';
import { ActionError } from '@/lib/actions/errors';
import { fail } from '@/lib/actions/define';
import { clientAddress } from '@/lib/auth/request';
import { checkRoute } from '@/lib/auth/route-access';
import { LIMITS, UNIT_CODE } from '@/lib/domain/limits';
import { BodyTooLarge, jsonResponse, megabytes, readBodyCapped } from '@/lib/http/body';
import { refuseCrossOrigin } from '@/lib/http/route-guard';
import { applyImport, mayImportInto, planImport } from '@/lib/projects/import';
import { correctionsSchema, IMPORT_FORMATS, readForImport, type Corrections } from '@/lib/projects/import-reading';

const query = z.object({
  mode: z.enum(['preview', 'apply']),
  unit: z.string().trim().regex(UNIT_CODE).optional(),
  year: z.string().regex(/^\d{4}$/).transform(Number).pipe(z.number().min(2000).max(2100)).optional(),
  framework: z.string().max(20).optional(),
  /** Overwrite stored drafts with tables that had reading problems; the preview names them first. */
  force: z.enum(['0', '1']).optional(),
  /** The uploaded file's name: its extension chooses the reader (else `format`, else the bytes). */
  name: z.string().max(255).optional(),
  format: z.enum(IMPORT_FORMATS).optional(),
  /** JSON of the preview's corrections (column meanings, amount units, codes), sent alike with preview and apply. */
  corrections: z.string().max(20_000).optional(),
  /** JSON `{ code: version }` of the drafts the user ticked 覆盖草稿 for, at the version the preview showed. */
  overwrite: z.string().max(20_000).optional(),
});

const overwriteSchema = z.record(z.string().max(100), z.number().int().min(0));

function overwriteOf(json: string | undefined): Record<string, number> | null {
  if (json === undefined) return {};
  try {
    const r = overwriteSchema.safeParse(JSON.parse(json));
    return r.success ? r.data : null;
  } catch {
    return null;
  }
}

function correctionsOf(json: string | undefined): { ok: true; value: Corrections } | { ok: false; message: string } {
  if (json === undefined) return { ok: true, value: { overrides: {}, codes: {} } };
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return { ok: false, message: '参数有误：预览中的更正无法读取' };
  }
  const r = correctionsSchema.safeParse(raw);
  if (r.success) return { ok: true, value: r.data };
  const issue = r.error.issues[0]!;
  // A code's path is ['codes', '<table index>']: name the table, as the preview numbers it.
  const where = issue.path[0] === 'codes' ? `表 ${Number(issue.path[1]) + 1} 的项目编码：` : '预览中的更正有误：';
  return { ok: false, message: `${where}${issue.message}` };
}

/**
 * Upload of a document (body = the file: published text, a saved web page, an XLSX or a DOCX; `name=` its
 * file name). `mode=preview` reports what would be
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
  if (!params.success) return jsonResponse({ ok: false, message: '参数有误：单位编码、年度或文件格式不正确' }, 400);
  const corrections = correctionsOf(params.data.corrections);
  if (!corrections.ok) return jsonResponse({ ok: false, message: corrections.message }, 400);
  const overwrite = overwriteOf(params.data.overwrite);
  if (!overwrite) return jsonResponse({ ok: false, message: '参数有误：“覆盖草稿”的确认无法读取，请重新预览' }, 400);
  // Permission first, before reading a byte of the upload.
  if (!(await mayImportInto(actor, params.data.unit))) return jsonResponse({ ok: false, message: '没有导入此单位公开文本的权限' }, 403);
  let bytes: Uint8Array;
  try {
    bytes = await readBodyCapped(request, LIMITS.uploadBytes);
    if (bytes.byteLength === 0) return jsonResponse({ ok: false, message: '文件是空的' }, 400);
  } catch (error) {
    if (error instanceof BodyTooLarge) {
      return jsonResponse({ ok: false, message: `文件超过 ${megabytes(LIMITS.uploadBytes)} 的上限，请只上传含绩效目标表的文件` }, 413);
    }
    throw error;
  }
  // Preview and apply read the same bytes with the same corrections, so the import is what the preview showed.
  const { doc, reading } = await readForImport(bytes, { fileName: params.data.name, format: params.data.format, corrections: corrections.value });
  const opts = { unitCode: params.data.unit, year: params.data.year, frameworkCode: params.data.framework, force: params.data.force === '1', overwrite };
  try {
    if (doc.projects.length === 0) {
      throw new ActionError('invalid', doc.problems[0]?.message ?? '没有在文件中找到绩效目标表');
    }
    if (params.data.mode === 'preview') return jsonResponse({ ok: true, plan: await planImport(actor, doc, opts), reading });
    // The client's address is read before the transaction: nothing but database work runs inside it.
    const ip = await clientAddress();
    const result = await applyImport({ actor, ip }, doc, opts);
    return jsonResponse({ ok: true, result, reading });
  } catch (error) {
    const f = fail(error, 'import');
    if (f.ok) return jsonResponse({ ok: false, message: '导入失败' }, 500);
    const status = f.code === 'denied' ? 403 : f.code === 'error' ? 500 : 400;
    return jsonResponse({ ok: false, message: f.message, problems: doc.problems, reading }, status);
  }
}
