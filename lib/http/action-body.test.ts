import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CROSS_ORIGIN_MESSAGE } from './same-origin.mjs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ACTION_BODY_LIMIT, actionBodyProblem as problemOf, checkedActionRequest } from './action-body.mjs';

type Body = { text: string } | { form: [string, string][] };
type EncodeReply = (value: unknown) => Promise<string | FormData>;
const { encodeReply } = createRequire(path.join(process.cwd(), 'package.json'))('next/dist/compiled/react-server-dom-turbopack/client.edge') as { encodeReply: EncodeReply };

/**
 * React's own server-side decoder, the one Next runs before an action: it needs the react-server
 * condition, so it runs in a child process. True for each body it decodes into an argument list.
 */
function decodes(bodies: Body[]): boolean[] {
  const script = `
    const { decodeReply } = require('next/dist/compiled/react-server-dom-turbopack/server.node');
    const bodies = JSON.parse(require('fs').readFileSync(0, 'utf8'));
    (async () => {
      const out = [];
      for (const b of bodies) {
        let input = b.text;
        if (b.form) { input = new FormData(); for (const [k, v] of b.form) input.append(k, v); }
        try { out.push(Array.isArray(await decodeReply(input, {}, {}))); } catch { out.push(false); }
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  const out = execFileSync(process.execPath, ['--conditions', 'react-server', '-e', script], {
    input: JSON.stringify(bodies),
    env: { ...process.env, NODE_ENV: 'production' },
    encoding: 'utf8',
  });
  return JSON.parse(out) as boolean[];
}

async function actionBodyProblem(request: Request) {
  return problemOf(request.headers.get('content-type') ?? undefined, new Uint8Array(await request.arrayBuffer()));
}

function request(body: Body, contentType = 'text/plain;charset=UTF-8'): Request {
  if ('text' in body) return new Request('http://x/projects', { method: 'POST', headers: { 'content-type': contentType }, body: body.text });
  const form = new FormData();
  for (const [k, v] of body.form) form.append(k, v);
  return new Request('http://x/projects', { method: 'POST', body: form });
}

async function encoded(args: unknown[]): Promise<Body> {
  const e = await encodeReply(args);
  return typeof e === 'string' ? { text: e } : { form: [...e.entries()].map(([k, v]) => [k, String(v)] as [string, string]) };
}

const MALFORMED: Body[] = [
  { text: '[{"projectId":1,"ver' },
  { text: 'hello' },
  { text: '' },
  { text: '42' },
  { text: '{"a":1}' },
  { text: '["$Q9"]' },
  { text: '["$B1"]' },
  { text: '["$F1"]' },
  { text: '["$h1"]' },
  { text: `["$n${'1'.repeat(301)}"]` },
  { text: `${'['.repeat(5_000)}${']'.repeat(5_000)}` },
  { form: [['7', '[]']] },
  { form: [['0', '["$Q1"]']] },
  { form: [['0', '[{']] },
];

describe('server-action bodies Next cannot decode', () => {
  it('refuses every malformed body, and React’s decoder indeed fails on each', async () => {
    const decoded = decodes(MALFORMED);
    expect(MALFORMED.filter((_, i) => decoded[i]).map((b) => JSON.stringify(b).slice(0, 60))).toEqual([]);
    for (const body of MALFORMED) expect(await actionBodyProblem(request(body)), JSON.stringify(body).slice(0, 80)).toMatchObject({ status: 400 });
  });

  it('refuses broken multipart, invalid UTF-8 and bodies over the limit (413)', async () => {
    const broken = new Request('http://x/p', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=xyz' }, body: '--xyz\r\nContent-Disposition: form-data; name="0"\r\n\r\n[{' });
    expect(await actionBodyProblem(broken)).toMatchObject({ status: 400 });
    const utf8 = new Request('http://x/p', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: new Uint8Array([0x5b, 0xff, 0x5d]) });
    expect(await actionBodyProblem(utf8)).toMatchObject({ status: 400 });
    const big = new Request('http://x/p', { method: 'POST', body: new Uint8Array(ACTION_BODY_LIMIT + 1) });
    expect(await actionBodyProblem(big)).toMatchObject({ status: 413, message: expect.stringContaining('过大') });
  });

  it('accepts what the browser sends: plain data and form data in React’s encoding', async () => {
    const form = new FormData();
    form.append('username', 'owner');
    form.append('password', '$secret');
    const bodies = [
      await encoded([{ projectId: 1, version: 2, table: { purpose: '$开头的文字', rows: [null, undefined, -0, NaN, 1e308] } }]),
      await encoded([null, form]),
      await encoded([]),
    ];
    for (const b of bodies) expect(await actionBodyProblem(request(b))).toBeNull();
    expect(decodes(bodies).every(Boolean)).toBe(true);
  });

  it('never lets through a body React’s decoder fails on (random payloads, encoded and raw)', async () => {
    const samples = fc.sample(
      fc.oneof(
        fc.anything({ maxDepth: 3 }).map((v) => ({ kind: 'encoded' as const, v })),
        fc.json({ depthSize: 'small' }).map((v) => ({ kind: 'raw' as const, v })),
        fc.string().map((v) => ({ kind: 'raw' as const, v: JSON.stringify([v]) })),
      ),
      { numRuns: 300, seed: 7 },
    );
    const bodies: Body[] = [];
    for (const s of samples) bodies.push(s.kind === 'encoded' ? await encoded([s.v]) : { text: s.v as string });
    const accepted: Body[] = [];
    for (const b of bodies) if ((await actionBodyProblem(request(b))) === null) accepted.push(b);
    expect(accepted.length).toBeGreaterThan(100);
    const ok = decodes(accepted);
    expect(accepted.filter((_, i) => !ok[i])).toEqual([]);
  });
});

describe('the server’s check before Next', () => {
  /** A server that puts the check in front of a handler echoing the body it is handed. */
  async function withServer(run: (base: string) => Promise<void>): Promise<void> {
    const server = http.createServer(async (req, res) => {
      const checked = await checkedActionRequest(req, res);
      if (!checked) return;
      const chunks: Buffer[] = [];
      for await (const c of checked) chunks.push(c as Buffer);
      res.end(`${checked.method} ${checked.url} ${checked.headers['next-action'] ?? '-'} ${Buffer.concat(chunks).toString('utf8')}`);
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      await run(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    } finally {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  }
  const post = (base: string, body: BodyInit, headers: Record<string, string> = {}) =>
    fetch(`${base}/projects`, { method: 'POST', headers: { 'next-action': 'abc', 'content-type': 'text/plain;charset=UTF-8', ...headers }, body, duplex: 'half' } as RequestInit);

  it('hands Next a valid action body unchanged, and other requests untouched', async () => {
    await withServer(async (base) => {
      const body = JSON.stringify([{ purpose: '资金用途', rows: [1, 2] }]);
      expect(await (await post(base, body)).text()).toBe(`POST /projects abc ${body}`);
      expect(await (await fetch(`${base}/login`, { method: 'POST', body: 'not checked' })).text()).toBe('POST /login - not checked');
    });
  });

  it('answers an action or form post from another origin with 403 in Chinese, where Next would answer 500 (issue #20 item 11)', async () => {
    await withServer(async (base) => {
      const own = new URL(base).host;
      const body = JSON.stringify([{ projectId: 1 }]);
      const forgeries: Record<string, string>[] = [{ origin: 'http://evil.example' }, { origin: `http://${own.replace('127.0.0.1', 'localhost')}` }, { 'sec-fetch-site': 'same-site' }, { origin: 'null' }];
      for (const headers of forgeries) {
        const res = await post(base, body, headers);
        expect(res.status, JSON.stringify(headers)).toBe(403);
        expect(await res.json()).toEqual({ ok: false, code: 'cross-origin', message: CROSS_ORIGIN_MESSAGE });
      }
      const form = new FormData();
      form.set('username', 'x');
      expect((await fetch(`${base}/login`, { method: 'POST', body: form, headers: { origin: 'http://evil.example' } })).status).toBe(403);
      // Our own pages: the same origin, or no Origin at all (not a browser).
      expect(await (await post(base, body, { origin: base, 'sec-fetch-site': 'same-origin' })).text()).toBe(`POST /projects abc ${body}`);
      expect((await post(base, body)).status).toBe(200);
    });
  });

  it('answers a malformed body with 400 and an oversize one with 413, in Chinese, before Next', async () => {
    await withServer(async (base) => {
      const bad = await post(base, '[{"projectId":1,"ver');
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { message: string }).message).toContain('请求格式不正确');
      const big = await post(base, new Uint8Array(ACTION_BODY_LIMIT + 1));
      expect(big.status).toBe(413);
      const streamed = await post(base, new Blob([new Uint8Array(ACTION_BODY_LIMIT + 1)]).stream());
      expect(streamed.status).toBe(413);
      expect(((await streamed.json()) as { message: string }).message).toContain('过大');
    });
  });

  it('checks a multipart form post to a page that has no action header (how a form is sent before its script runs)', async () => {
    await withServer(async (base) => {
      const send = (body: BodyInit, type: string, path = '/login') => fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': type }, body });
      // Broken multipart data: Next would answer 500; refused with 400 in Chinese.
      const broken = await send('--xyz\r\nContent-Disposition: form-data; name="a"\r\n\r\n[{', 'multipart/form-data; boundary=xyz');
      expect(broken.status).toBe(400);
      expect(((await broken.json()) as { message: string }).message).toContain('请求格式不正确');
      expect((await send('x', 'multipart/form-data')).status).toBe(400);
      // Real form data passes unchanged.
      const form = new FormData();
      form.set('username', '张三');
      const ok = await fetch(`${base}/login`, { method: 'POST', body: form });
      expect(ok.status).toBe(200);
      expect(await ok.text()).toContain('张三');
      // Oversize: refused before Next reads it.
      const big = new FormData();
      big.set('f', new Blob([new Uint8Array(ACTION_BODY_LIMIT + 1)]));
      expect((await fetch(`${base}/login`, { method: 'POST', body: big })).status).toBe(413);
      // Route handlers read their own bodies (uploads have their own limit): not touched.
      expect((await send('x', 'multipart/form-data', '/api/import')).status).toBe(200);
    });
  });
});
