/** A minimal HTTP client for the reliability and benchmark scripts: a signed-in session and server actions. */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

type Manifest = { node: Record<string, { exportedName?: string; filename?: string; workers?: Record<string, unknown> }> };

/** `page`: a URL of a page that carries the action, where the browser posts it. */
export type ActionEntry = { id: string; name: string; file: string; page: string };

/** `app/(staff)/projects/[id]/edit/page` → `/projects/1/edit`. */
function pageUrl(worker: string): string {
  const parts = worker.replace(/^app\//, '').replace(/\/?page$/, '').split('/');
  return `/${parts.filter((p) => p && !/^\(.*\)$/.test(p)).map((p) => (/^\[.*\]$/.test(p) ? '1' : p)).join('/')}`;
}

/** Every server action the build contains, from its server-reference manifest. */
export function actionManifest(distDir: string): ActionEntry[] {
  const m = JSON.parse(fs.readFileSync(path.join(distDir, 'server', 'server-reference-manifest.json'), 'utf8')) as Manifest;
  return Object.entries(m.node).map(([id, v]) => {
    const worker = Object.keys(v.workers ?? {}).find((w) => w.endsWith('/page'));
    return { id, name: v.exportedName ?? '', file: v.filename ?? '', page: worker ? pageUrl(worker) : '/projects' };
  });
}

export function actionIds(distDir: string): Map<string, string> {
  const ids = new Map<string, string>();
  for (const a of actionManifest(distDir)) if (a.name) ids.set(a.name, a.id);
  return ids;
}

/**
 * React's own reply encoder, as the browser uses it: FormData arguments become multipart bodies, and
 * Dates, Maps, BigInts and undefined get their flight encodings.
 */
type EncodeReply = (value: unknown) => Promise<string | FormData>;
let encoder: EncodeReply | null = null;
function encodeReply(value: unknown): Promise<string | FormData> {
  // The production build, as in the browser: the development one warns on every odd value it encodes.
  encoder ??= (createRequire(path.join(process.cwd(), 'package.json'))('next/dist/compiled/react-server-dom-turbopack/cjs/react-server-dom-turbopack-client.edge.production.js') as { encodeReply: EncodeReply }).encodeReply;
  return encoder(value);
}

export type Reply = { status: number; result: unknown; raw: string };

/** A flight error row (`<id>:E{…}`): the action threw, or Next refused the body before calling it. */
export function hasErrorRow(raw: string): boolean {
  return /^[0-9a-f]+:E\{/m.test(raw);
}

/**
 * A server action's return value from Next's reply: the flight row `1:`. An error row (`1:E…`) or no
 * row at all means the action threw or never ran, and gives null.
 */
export function actionResult(raw: string): unknown {
  const row = raw.split('\n').find((l) => l.startsWith('1:'));
  if (!row || row.startsWith('1:E')) return null;
  try {
    return JSON.parse(row.slice(2));
  } catch {
    return null;
  }
}

export class Client {
  private cookie = '';
  constructor(
    readonly base: string,
    readonly ids: Map<string, string>,
  ) {}

  async signIn(username: string, password: string): Promise<void> {
    const res = await fetch(`${this.base}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    const set = res.headers.getSetCookie().find((c) => c.startsWith('pt_session='));
    if (!res.ok || !set) throw new Error(`sign-in as ${username} failed: ${res.status} ${await res.text()}`);
    this.cookie = set.split(';')[0]!;
  }

  get sessionCookie(): string {
    return this.cookie;
  }

  /** A raw request with this client's session. */
  fetch(pathname: string, init: RequestInit = {}): Promise<Response> {
    return fetch(`${this.base}${pathname}`, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), cookie: this.cookie } });
  }

  async get(pathname: string): Promise<{ status: number; json: unknown }> {
    const res = await fetch(`${this.base}${pathname}`, { headers: { cookie: this.cookie } });
    const text = await res.text();
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: res.status, json };
  }

  /** Calls a server action by its exported name with raw arguments (or a raw body string). */
  async action(name: string, args: unknown[] | string, page = '/projects'): Promise<Reply> {
    return this.actionBody(name, typeof args === 'string' ? args : JSON.stringify(args), 'text/plain;charset=UTF-8', page);
  }

  /** Calls a server action with the arguments encoded exactly as the browser encodes them. */
  async actionEncoded(name: string, args: unknown[], page = '/projects'): Promise<Reply> {
    const body = await encodeReply(args);
    // A string body goes as text; a FormData body lets fetch set the multipart boundary.
    return this.actionBody(name, body, typeof body === 'string' ? 'text/plain;charset=UTF-8' : null, page);
  }

  /** Any body with any content type (null: none), for malformed requests. */
  async actionBody(name: string, body: BodyInit, contentType: string | null, page = '/projects'): Promise<Reply> {
    const id = this.ids.get(name);
    if (!id) throw new Error(`unknown action ${name}`);
    const headers: Record<string, string> = { 'Next-Action': id, accept: 'text/x-component', cookie: this.cookie };
    if (contentType) headers['content-type'] = contentType;
    const res = await fetch(`${this.base}${page}`, { method: 'POST', headers, body, redirect: 'manual' });
    const raw = await res.text();
    return { status: res.status, result: actionResult(raw), raw };
  }
}

export function outcome(reply: Reply): { ok: boolean; code: string | null; data: unknown } {
  const r = reply.result as { ok?: boolean; code?: string; data?: unknown } | null;
  if (!r || typeof r !== 'object') return { ok: false, code: reply.status >= 500 ? 'http-5xx' : 'no-result', data: null };
  return { ok: r.ok === true, code: r.ok === true ? null : (r.code ?? null), data: r.data };
}
