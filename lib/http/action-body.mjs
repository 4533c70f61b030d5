// Server-action requests that Next could not decode, or that no valid input could produce, refused by
// our Node server (scripts/server.mjs) before Next sees them. Next decodes an action's arguments
// before any of our code runs and answers a body it cannot decode (truncated, not JSON, a reference to
// a part that is not there, over its size limit) with HTTP 500; these get a 400/413 in Chinese instead.
// Plain JavaScript because the server imports it without a build step (types: action-body.d.mts).
//
// It accepts what our own pages send (React's reply encoding of plain data, and FormData for forms)
// and refuses the rest: a whitelist, not a copy of React's decoder.
import { IncomingMessage } from 'node:http';
import { crossOriginProblem, nodeHeaders } from './same-origin.mjs';

/**
 * The largest body a valid action can have, with room to spare: a table at every limit of
 * lib/domain/limits.ts (300 rows of six 500-character cells, two 5,000-character texts) is under 3 MB
 * of UTF-8 JSON.
 */
export const ACTION_BODY_LIMIT = 8 * 1024 * 1024;
const MAX_DEPTH = 64;
/**
 * An oversize body is still read (and dropped) up to this size before the refusal, because clients
 * (fetch, browsers) report a connection closed during their upload as a network error and never show
 * the answer. Beyond it the connection is closed.
 */
const DRAIN_LIMIT = 64 * 1024 * 1024;

const MALFORMED = { status: 400, message: '请求格式不正确，未处理。请刷新页面后重试。' };

function tooLarge(bytes) {
  const size = bytes === null ? '' : `约 ${Math.ceil(bytes / 1024 / 1024)} MB，`;
  return {
    status: 413,
    message:
      `提交的内容过大（${size}上限 ${ACTION_BODY_LIMIT / 1024 / 1024} MB），未处理，也未写入数据库。` +
      '一张表最多 300 行指标，每格不超过 500 字，资金用途和绩效目标各不超过 5000 字。',
  };
}

/** Tokens of React's reply encoding that stand alone (need no other part of the body). */
function isSelfContained(s) {
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

/** Walks a decoded JSON value without recursion. */
function checkValue(root, isMultipart) {
  const stack = [{ value: root, depth: 0 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop();
    if (depth > MAX_DEPTH) return false;
    if (typeof value === 'string') {
      // FormData arguments (a form's fields) travel as `$K<id>` beside the root of a multipart body.
      if (value.startsWith('$') && !isSelfContained(value) && !(isMultipart && /^\$K[0-9a-f]{1,8}$/.test(value))) return false;
    } else if (Array.isArray(value)) {
      for (const v of value) stack.push({ value: v, depth: depth + 1 });
    } else if (value !== null && typeof value === 'object') {
      for (const v of Object.values(value)) stack.push({ value: v, depth: depth + 1 });
    }
  }
  return true;
}

function checkRoot(text, isMultipart) {
  let root;
  try {
    root = JSON.parse(text);
  } catch {
    return false;
  }
  // Next applies the decoded root as the argument list.
  return Array.isArray(root) && checkValue(root, isMultipart);
}

/** The multipart body as form data, or null when it cannot be read as such. */
async function readForm(contentType, bytes) {
  try {
    return await new Response(new Blob([bytes]), { headers: { 'content-type': contentType } }).formData();
  } catch {
    return null;
  }
}

/** Null when Next can decode this server-action body; otherwise the problem, `{ status, message }`. */
export async function actionBodyProblem(contentType, bytes) {
  if (bytes.byteLength > ACTION_BODY_LIMIT) return tooLarge(bytes.byteLength);
  if ((contentType ?? '').toLowerCase().startsWith('multipart/form-data')) {
    const form = await readForm(contentType, bytes);
    if (!form) return MALFORMED;
    const root = form.get('0');
    return typeof root === 'string' && checkRoot(root, true) ? null : MALFORMED;
  }
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return MALFORMED;
  }
  return checkRoot(text, false) ? null : MALFORMED;
}

/**
 * Null when a form post to a page (no `next-action` header: how a form is sent before the page's
 * JavaScript runs) is multipart data Next can read; otherwise the problem. Next treats every such
 * post as a possible form action and answers one it cannot parse with a 500.
 */
export async function formBodyProblem(contentType, bytes) {
  if (bytes.byteLength > ACTION_BODY_LIMIT) return tooLarge(bytes.byteLength);
  return (await readForm(contentType, bytes)) ? null : MALFORMED;
}

function isFormPostToPage(req) {
  const type = (req.headers['content-type'] ?? '').toLowerCase();
  return req.method === 'POST' && !req.headers['next-action'] && !(req.url ?? '').startsWith('/api/') && type.startsWith('multipart/form-data');
}

function refuse(res, problem, isClosing = false) {
  const code = problem.status === 413 ? 'too-large' : problem.status === 403 ? 'cross-origin' : 'invalid';
  const body = JSON.stringify({ ok: false, code, message: problem.message });
  const headers = { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' };
  res.writeHead(problem.status, isClosing ? { ...headers, connection: 'close' } : headers);
  res.end(body);
}

/**
 * Reads the body: kept while within the limit; past it, read on and dropped up to DRAIN_LIMIT, so the
 * refusal can be answered on an open connection. `size` counts every byte read.
 */
function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    const done = (isEnded) => {
      req.off('data', onData).off('end', onEnd).off('error', reject).off('close', onClose);
      resolve({ body: size <= ACTION_BODY_LIMIT ? Buffer.concat(chunks, size) : null, size, isEnded });
    };
    const onData = (chunk) => {
      size += chunk.length;
      if (size <= ACTION_BODY_LIMIT) chunks.push(chunk);
      else chunks.length = 0;
      if (size > DRAIN_LIMIT) {
        req.pause();
        done(false);
      }
    };
    const onEnd = () => done(true);
    const onClose = () => reject(new Error('the client closed the connection during its upload'));
    req.on('data', onData).on('end', onEnd).on('error', reject).on('close', onClose);
  });
}

/** A request like `req` whose body is `body` (already read from `req`), for Next to read again. */
function replay(req, body) {
  const copy = new IncomingMessage(req.socket);
  copy.method = req.method;
  copy.url = req.url;
  copy.headers = req.headers;
  copy.rawHeaders = req.rawHeaders;
  copy.httpVersion = req.httpVersion;
  copy.httpVersionMajor = req.httpVersionMajor;
  copy.httpVersionMinor = req.httpVersionMinor;
  copy.push(body);
  copy.push(null);
  copy.complete = true;
  return copy;
}

/**
 * For the server, before Next: the request to hand on (`req` itself unless it is a server-action
 * post or a multipart form post to a page, whose origin and body are checked), or null when this has
 * already answered with a refusal.
 */
export async function checkedActionRequest(req, res) {
  const isAction = req.method === 'POST' && Boolean(req.headers['next-action']);
  if (!isAction && !isFormPostToPage(req)) return req;
  // Next refuses an action whose Origin is not this host with a 500; refused here, in Chinese, with 403.
  const forged = crossOriginProblem(nodeHeaders(req.headers));
  if (forged) {
    refuse(res, forged);
    req.resume();
    return null;
  }
  const declared = Number(req.headers['content-length']);
  try {
    if (Number.isFinite(declared) && declared > DRAIN_LIMIT) {
      refuse(res, tooLarge(declared), true);
      return null;
    }
    const { body, size, isEnded } = await readBody(req);
    if (body === null) {
      refuse(res, tooLarge(isEnded ? size : null), !isEnded);
      return null;
    }
    const problem = isAction ? await actionBodyProblem(req.headers['content-type'], body) : await formBodyProblem(req.headers['content-type'], body);
    if (problem) {
      refuse(res, problem);
      return null;
    }
    return replay(req, body);
  } catch {
    // The client went away in the middle of its upload: there is nobody to answer.
    res.destroy();
    return null;
  }
}
