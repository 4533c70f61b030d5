/**
 * The one check every cookie-authenticated route handler that changes data makes first: the request
 * must come from one of our own pages (lib/http/same-origin.mjs), and an upload must be one a page on
 * another origin could not send without a CORS preflight (which is never granted).
 */
import { jsonResponse } from './body';
import { crossOriginProblem, simpleUploadProblem } from './same-origin.mjs';

export function refuseCrossOrigin(request: Request, opts: { isUpload?: boolean } = {}): Response | null {
  const get = (name: string) => request.headers.get(name);
  const problem = crossOriginProblem(get) ?? (opts.isUpload ? simpleUploadProblem(get) : null);
  return problem ? jsonResponse({ ok: false, code: 'cross-origin', message: problem.message }, problem.status) : null;
}
