/** A minimal HTTP client for the reliability and benchmark scripts: a signed-in session and server actions. */
import fs from 'node:fs';
import path from 'node:path';

type Manifest = { node: Record<string, { exportedName?: string }> };

export function actionIds(distDir: string): Map<string, string> {
  const m = JSON.parse(fs.readFileSync(path.join(distDir, 'server', 'server-reference-manifest.json'), 'utf8')) as Manifest;
  const ids = new Map<string, string>();
  for (const [id, v] of Object.entries(m.node)) if (v.exportedName) ids.set(v.exportedName, id);
  return ids;
}

export type Reply = { status: number; result: unknown };

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
    private readonly ids: Map<string, string>,
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
    const id = this.ids.get(name);
    if (!id) throw new Error(`unknown action ${name}`);
    const res = await fetch(`${this.base}${page}`, {
      method: 'POST',
      headers: { 'Next-Action': id, 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component', cookie: this.cookie },
      body: typeof args === 'string' ? args : JSON.stringify(args),
      redirect: 'manual',
    });
    return { status: res.status, result: actionResult(await res.text()) };
  }
}

export function outcome(reply: Reply): { ok: boolean; code: string | null; data: unknown } {
  const r = reply.result as { ok?: boolean; code?: string; data?: unknown } | null;
  if (!r || typeof r !== 'object') return { ok: false, code: reply.status >= 500 ? 'http-5xx' : 'no-result', data: null };
  return { ok: r.ok === true, code: r.ok === true ? null : (r.code ?? null), data: r.data };
}
