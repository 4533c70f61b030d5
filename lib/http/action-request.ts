/**
 * Server-action requests that Next could not decode, or that no valid input could produce. Next
 * decodes an action's arguments before any of our code runs, and answers a body it cannot decode
 * (truncated, not JSON, a reference to a part that is not there, over its size limit) with HTTP 500.
 * The proxy calls this first, so such requests get a 400/413 with a Chinese message instead, before
 * Next buffers and parses them.
 *
 * It accepts what our own pages send (React's reply encoding of plain data, and FormData for forms)
 * and refuses the rest: a whitelist, not a copy of React's decoder.
 */
import { LIMITS } from '@/lib/domain/limits';

/**
 * The largest body a valid action can have, with room to spare: a table at every limit (300 rows of
 * six 500-character cells, two 5,000-character texts) is under 3 MB of UTF-8 JSON.
 */
export const ACTION_BODY_LIMIT = 8 * 1024 * 1024;
const MAX_DEPTH = 64;

export type ActionBodyProblem = { status: 400 | 413; message: string };

function tooLarge(bytes: number | null): ActionBodyProblem {
  const size = bytes === null ? '' : `约 ${Math.ceil(bytes / 1024 / 1024)} MB，`;
  return {
    status: 413,
    message:
      `提交的内容过大（${size}上限 ${ACTION_BODY_LIMIT / 1024 / 1024} MB），未处理，也未写入数据库。` +
      `一张表最多 ${LIMITS.indicatorRows} 行指标，每格不超过 ${LIMITS.cellLength} 字，资金用途和绩效目标各不超过 ${LIMITS.longTextLength} 字。`,
  };
}
const MALFORMED: ActionBodyProblem = { status: 400, message: '请求格式不正确，未处理。请刷新页面后重试。' };

/** Tokens of React's reply encoding that stand alone (need no other part of the body). */
function isSelfContained(s: string): boolean {
  if (s.length < 2) return true;
  switch (s[1]) {
    case '$': // an escaped string
    case 'u': // undefined
    case 'N': // NaN
    case 'I': // Infinity
    case '-': // -0, -Infinity
    case 'D': // a Date
    case 'T': // a temporary reference (opaque to the server)
      return true;
    case 'n': // a BigInt, at most 300 digits
      return /^\$n-?\d{1,300}$/.test(s);
    default:
      return false;
  }
}

/** Walks a decoded JSON value without recursion; `refs` collects `$K` form-data references. */
function checkValue(root: unknown, isMultipart: boolean): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value: root, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (depth > MAX_DEPTH) return false;
    if (typeof value === 'string') {
      if (value.startsWith('$') && !isSelfContained(value)) {
        // FormData arguments (a form's fields) travel as `$K<id>` beside the root in a multipart body.
        if (!(isMultipart && /^\$K[0-9a-f]{1,8}$/.test(value))) return false;
      }
    } else if (Array.isArray(value)) {
      for (const v of value) stack.push({ value: v, depth: depth + 1 });
    } else if (value !== null && typeof value === 'object') {
      for (const v of Object.values(value)) stack.push({ value: v, depth: depth + 1 });
    }
  }
  return true;
}

function checkRoot(text: string, isMultipart: boolean): boolean {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    return false;
  }
  // Next applies the decoded root as the argument list.
  return Array.isArray(root) && checkValue(root, isMultipart);
}

/** The body, or null as soon as it passes the limit (nothing more is read). */
async function readCapped(request: Request): Promise<Uint8Array<ArrayBuffer> | null> {
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > ACTION_BODY_LIMIT) {
      await reader.cancel();
      return null;
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
 * Null when the body of a server-action POST is one Next can decode; otherwise the problem. Reads the
 * request's body: pass a clone when the request goes on.
 */
export async function actionBodyProblem(request: Request): Promise<ActionBodyProblem | null> {
  const declared = Number(request.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > ACTION_BODY_LIMIT) return tooLarge(declared);
  const bytes = await readCapped(request);
  if (bytes === null) return tooLarge(null);
  const type = request.headers.get('content-type') ?? '';
  if (type.toLowerCase().startsWith('multipart/form-data')) {
    let form: FormData;
    try {
      form = await new Response(new Blob([bytes]), { headers: { 'content-type': type } }).formData();
    } catch {
      return MALFORMED;
    }
    const root = form.get('0');
    return typeof root === 'string' && checkRoot(root, true) ? null : MALFORMED;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return MALFORMED;
  }
  return checkRoot(text, false) ? null : MALFORMED;
}

/** The refusal as the proxy sends it. */
export function actionBodyRefusal(problem: ActionBodyProblem): Response {
  return new Response(JSON.stringify({ ok: false, code: problem.status === 413 ? 'too-large' : 'invalid', message: problem.message }), {
    status: problem.status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  });
}
