import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { refuseCrossOrigin } from './route-guard';
import { CROSS_ORIGIN_MESSAGE, crossOriginProblem, simpleUploadProblem } from './same-origin.mjs';

const headers = (h: Record<string, string>) => (name: string) => h[name] ?? null;
const refused = { status: 403, message: CROSS_ORIGIN_MESSAGE };

describe('crossOriginProblem', () => {
  it('lets our own pages and clients without browser headers through', () => {
    expect(crossOriginProblem(headers({ host: 'localhost:3000', origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin' }))).toBeNull();
    expect(crossOriginProblem(headers({ host: 'localhost:3000' }))).toBeNull();
    expect(crossOriginProblem(headers({ host: 'budget.example', 'sec-fetch-site': 'none' }))).toBeNull();
    expect(crossOriginProblem(headers({ host: 'budget.example:443', origin: 'https://budget.example', 'x-forwarded-proto': 'https' }))).toBeNull();
    expect(crossOriginProblem(headers({ host: '[::1]:3000', origin: 'http://[::1]:3000' }))).toBeNull();
  });

  it('refuses another port, a sibling subdomain, another site and the opaque origin', () => {
    for (const origin of ['http://localhost:3001', 'http://evil.localhost:3000', 'https://evil.example', 'null', 'file://']) {
      expect(crossOriginProblem(headers({ host: 'localhost:3000', origin })), origin).toEqual(refused);
    }
  });

  it('refuses whatever the browser marks as not same-origin, even without Origin', () => {
    for (const site of ['same-site', 'cross-site']) expect(crossOriginProblem(headers({ host: 'localhost:3000', 'sec-fetch-site': site }))).toEqual(refused);
  });

  it('compares with the trusted proxy’s forwarded host when there is one, host and port as Next does', () => {
    const behindProxy = { host: '10.0.0.5:3000', 'x-forwarded-host': 'budget.example.gov.cn', 'x-forwarded-proto': 'https' };
    expect(crossOriginProblem(headers({ ...behindProxy, origin: 'https://budget.example.gov.cn' }))).toBeNull();
    expect(crossOriginProblem(headers({ ...behindProxy, origin: 'https://budget.example.gov.cn:8443' }))).toEqual(refused);
    expect(crossOriginProblem(headers({ ...behindProxy, origin: 'https://10.0.0.5:3000' }))).toEqual(refused);
    // A TLS proxy not declared as trusted: the browser's https origin still matches the Host it passes on.
    expect(crossOriginProblem(headers({ host: 'budget.example.gov.cn', 'x-forwarded-proto': 'http', origin: 'https://budget.example.gov.cn' }))).toBeNull();
  });
});

describe('simpleUploadProblem', () => {
  it('refuses an upload another origin could send without a preflight', () => {
    for (const type of ['text/plain', 'text/plain; charset=utf-8', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', '']) {
      expect(simpleUploadProblem(headers(type ? { 'content-type': type } : {})), type)?.toMatchObject({ status: 403 });
    }
  });
  it('accepts a non-simple content type or our custom header', () => {
    expect(simpleUploadProblem(headers({ 'content-type': 'application/octet-stream' }))).toBeNull();
    expect(simpleUploadProblem(headers({ 'content-type': 'text/plain', 'x-requested-with': 'fetch' }))).toBeNull();
  });
});

describe('refuseCrossOrigin (route handlers)', () => {
  const req = (h: Record<string, string>) => new Request('http://localhost:3000/api/import?mode=apply', { method: 'POST', headers: { host: 'localhost:3000', ...h }, body: 'x' });

  it('answers a forged import with 403 and a Chinese JSON message', async () => {
    const res = refuseCrossOrigin(req({ origin: 'http://localhost:8080', 'content-type': 'text/plain' }), { isUpload: true })!;
    expect(res.status).toBe(403);
    expect(await res.json()).toEqual({ ok: false, code: 'cross-origin', message: CROSS_ORIGIN_MESSAGE });
    const simple = refuseCrossOrigin(req({ origin: 'http://localhost:3000', 'content-type': 'text/plain' }), { isUpload: true })!;
    expect(simple.status).toBe(403);
    expect(((await simple.json()) as { message: string }).message).toContain('X-Requested-With');
  });

  it('lets the app’s own upload form through (same origin, custom header)', () => {
    expect(refuseCrossOrigin(req({ origin: 'http://localhost:3000', 'sec-fetch-site': 'same-origin', 'content-type': 'text/plain', 'x-requested-with': 'fetch' }), { isUpload: true })).toBeNull();
  });

  it('is called first by every route handler under app/api that changes data', () => {
    const root = path.join(process.cwd(), 'app', 'api');
    const routes = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('route.ts'));
    const mutating = routes.filter((f) => /export async function (POST|PUT|PATCH|DELETE)\b/.test(readFileSync(path.join(root, f), 'utf8')));
    expect(mutating.sort()).toEqual(['import/route.ts', 'session/route.ts']);
    for (const f of mutating) {
      const source = readFileSync(path.join(root, f), 'utf8');
      for (const part of source.split(/\n(?=export )/).filter((p) => /^export async function (POST|PUT|PATCH|DELETE)\b/.test(p))) {
        const name = `${f} ${/function (\w+)/.exec(part)![1]}`;
        expect(part, name).toMatch(/^export async function \w+\(request: Request\)/);
        // Before anything else is read or done.
        expect(part.indexOf('refuseCrossOrigin(request'), name).toBeGreaterThan(0);
        expect(part.indexOf('refuseCrossOrigin(request'), name).toBeLessThan(part.indexOf('await'));
      }
    }
  });
});
