/** Reading request bodies with a hard size cap, before anything touches the database. */
import { LIMITS } from '@/lib/domain/limits';

export class BodyTooLarge extends Error {}

export function megabytes(bytes: number): string {
  return `${Math.round(bytes / 1024 / 1024)} MB`;
}

/** Reads at most `limit` bytes; throws BodyTooLarge as soon as more arrive (or Content-Length says so). */
export async function readBodyCapped(request: Request, limit: number = LIMITS.uploadBytes): Promise<Uint8Array> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw new BodyTooLarge();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}

/**
 * UTF-16 when the file says so (Windows Notepad's “Unicode” saves with a byte-order mark); else UTF-8;
 * documents saved by Chinese Windows tools are often GB18030, so fall back to it.
 */
export function decodeText(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}

export function jsonResponse(body: unknown, status = 200): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A refused download. Download links are followed by the browser itself, which would show bare JSON:
 * a browser (it asks for text/html) gets a short Chinese page with the reason and a way back; scripts
 * get the usual JSON. `headers` are added to either (Retry-After).
 */
/**
 * The public routes' one answer for a unit-year that does not exist, has nothing published yet, or
 * lacks the table asked for: telling them apart would say which units and years exist before they publish.
 */
export const NOT_PUBLISHED = '没有找到已公开的表';

export function downloadError(request: Request, message: string, status: number, headers: Record<string, string> = {}): Response {
  if (!(request.headers.get('accept') ?? '').includes('text/html')) {
    const res = jsonResponse({ ok: false, message }, status);
    for (const [k, v] of Object.entries(headers)) res.headers.set(k, v);
    return res;
  }
  const html = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>无法下载 - 绩效目标管理</title>
<style>body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1f2937;line-height:1.6}h1{font-size:1.25rem}p.reason{padding:.75rem 1rem;border-left:4px solid #b91c1c;background:#fef2f2}</style></head>
<body><main><h1>无法下载</h1><p class="reason" role="alert">${escapeHtml(message)}</p><p>请返回上一页后重试；问题持续时请联系系统管理员。</p><p>${status === 401 ? '<a href="/login">登录</a>' : '<a href="/">返回首页</a>'}</p></main></body></html>
`;
  return new Response(html, {
    status,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'cache-control': 'no-store',
      'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
      'x-content-type-options': 'nosniff',
      ...headers,
    },
  });
}

/** `attachment; filename*=UTF-8''…` so Chinese file names survive every browser. */
export function attachment(filename: string): string {
  const ascii = filename.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
