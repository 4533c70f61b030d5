// Refusal of requests that another web page made the visitor's browser send (cross-site request
// forgery against cookie-authenticated writes). One rule for our route handlers (lib/http/
// route-guard.ts) and for server actions checked by our Node server (lib/http/action-body.mjs), so
// Next's own origin check, which answers 500, is never the one that refuses. Plain JavaScript because
// the server imports it without a build step (types: same-origin.d.mts).

export const CROSS_ORIGIN_MESSAGE = '不接受从其他网站或其他地址的页面发来的请求：请在本系统的页面中操作';
export const SIMPLE_UPLOAD_MESSAGE = '上传请求缺少标头 X-Requested-With（或请以 application/octet-stream 上传）：请在本系统的“导入公开文本”页面中上传';

/** The header our own upload form sends; any custom header makes a browser ask (CORS preflight) first. */
export const UPLOAD_HEADER = 'x-requested-with';

/** Content types a page on another origin can send without asking first (CORS "simple" requests). */
const SIMPLE_TYPES = new Set(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data']);

function first(value) {
  const v = Array.isArray(value) ? value[0] : value;
  return typeof v === 'string' && v.trim() !== '' ? v.split(',')[0].trim() : null;
}

/**
 * The app's own host as this request reaches it: the forwarded host when a trusted proxy set it (our
 * server deletes a client's copy when there is none, scripts/client-address.mjs), else Host. The
 * same choice Next makes for its server-action check.
 */
export function ownHost(get) {
  return first(get('x-forwarded-host')) ?? first(get('host'));
}

function hostOf(origin) {
  try {
    const url = new URL(origin);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.host !== '' ? url.host.toLowerCase() : null;
  } catch {
    return null;
  }
}

/** `host` as an origin writes it: lower case, the default port of the origin's scheme dropped. */
function normalisedHost(host, scheme) {
  try {
    return new URL(`${scheme}//${host}`).host.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * Null when the request may come from one of our own pages; otherwise `{ status: 403, message }`.
 * Refused: `Sec-Fetch-Site` present and neither `same-origin` nor `none` (typed into the address bar),
 * or `Origin` present and not this app's own (`null` included: sandboxed frames, some redirects).
 * Requests without either header (command-line clients, old browsers' same-origin GETs) pass: a
 * browser always sends `Origin` on a cross-origin POST.
 * `get(name)` reads a request header (lower-case name), from a Fetch `Headers` or Node's `req.headers`.
 */
export function crossOriginProblem(get) {
  const site = first(get('sec-fetch-site'));
  if (site !== null && site !== 'same-origin' && site !== 'none') return { status: 403, message: CROSS_ORIGIN_MESSAGE };
  const origin = first(get('origin'));
  if (origin === null) return null;
  // Hosts are compared, not schemes, as Next does: behind a TLS proxy that is not configured as
  // trusted (TRUST_PROXY=0) the app cannot know the browser's scheme, and our own pages must still work.
  const from = hostOf(origin);
  const own = ownHost(get);
  const scheme = origin.toLowerCase().startsWith('https:') ? 'https:' : 'http:';
  return from !== null && own !== null && from === normalisedHost(own, scheme) ? null : { status: 403, message: CROSS_ORIGIN_MESSAGE };
}

/**
 * For uploads (a body that is a file): null when the request could not have been sent by a page on
 * another origin without a preflight (a content type other than the simple ones, or our custom
 * header); otherwise the problem. Another origin's form or `fetch(…, {mode: 'no-cors'})` can only send
 * the simple types and no custom header.
 */
export function simpleUploadProblem(get) {
  const type = (first(get('content-type')) ?? '').split(';')[0].trim().toLowerCase();
  const isPreflighted = first(get(UPLOAD_HEADER)) !== null || (type !== '' && !SIMPLE_TYPES.has(type));
  return isPreflighted ? null : { status: 403, message: SIMPLE_UPLOAD_MESSAGE };
}

/** Reads a header from Node's `req.headers` the way `crossOriginProblem` wants it. */
export function nodeHeaders(headers) {
  return (name) => headers[name];
}
