/**
 * The download routes' response through the export gate: a large export holds its places until its body
 * is read to the end or cancelled, and a request that cannot get in within the wait is answered 503
 * with a Chinese message instead of rendering.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { loadDemo } from '@/lib/setup/demo';
import { freshDatabase } from '@/lib/testing/db';
import type { Section } from './section';

let gateModule: typeof import('@/lib/http/export-gate');
let route: typeof import('./export-route');
let large: Section;
const script = new Request('http://localhost/api/unit-years/1/export', { headers: { accept: '*/*' } });
const browser = new Request('http://localhost/api/unit-years/1/export', { headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });

beforeAll(async () => {
  vi.stubEnv('EXPORT_TABLES_AT_ONCE', '500');
  vi.stubEnv('EXPORT_WAIT_SECONDS', '1');
  vi.resetModules();
  gateModule = await import('@/lib/http/export-gate');
  route = await import('./export-route');
  const { sectionById } = await import('./section');
  await freshDatabase();
  await loadDemo();
  const demo = (await sectionById(1, { includeDrafts: true }))!;
  // The demo's 23 tables ten times over: a section large enough to pass through the gate.
  const entries = Array.from({ length: 10 }, () => demo.entries).flat().map((e, i) => ({ ...e, number: i + 1 }));
  large = { ...demo, entries };
  vi.unstubAllEnvs();
}, 60_000);

describe('exports through the gate', () => {
  it('holds the section’s places while the body is unread and frees them once it is read', async () => {
    const res = await route.exportResponse(script, large, 'text', false);
    expect(res.status).toBe(200);
    expect(gateModule.exportGate.state().held).toBe(230);
    const text = await res.text();
    expect(text.match(/^## \d+、/gm)).toHaveLength(230);
    await vi.waitFor(() => expect(gateModule.exportGate.state().held).toBe(0));
  });

  it('frees the places when the client goes away mid-download', async () => {
    const res = await route.exportResponse(script, large, 'xlsx', false);
    const reader = res.body!.getReader();
    await reader.read();
    expect(gateModule.exportGate.state().held).toBe(230);
    await reader.cancel();
    await vi.waitFor(() => expect(gateModule.exportGate.state().held).toBe(0));
  });

  it('answers 503 with a Chinese message when the gate stays full, and renders nothing', async () => {
    const first = await route.exportResponse(script, large, 'text', false);
    const second = await route.exportResponse(script, large, 'text', false);
    expect(second.status).toBe(200);
    const third = await route.exportResponse(script, large, 'pdf', false);
    expect(third.status).toBe(503);
    expect(third.headers.get('retry-after')).toBe('30');
    expect(((await third.json()) as { message: string }).message).toBe('当前正在生成的大型导出较多，请稍后再试');
    expect(gateModule.exportGate.state()).toEqual({ held: 460, waiting: 0 });
    // A person who clicked the download link reads the reason on a page, not bare JSON.
    const page = await route.exportResponse(browser, large, 'xlsx', false);
    expect(page.status).toBe(503);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('当前正在生成的大型导出较多，请稍后再试');
    await first.text();
    await second.text();
    await vi.waitFor(() => expect(gateModule.exportGate.state().held).toBe(0));
  });

  it('lets a unit’s ordinary section through even when the gate is full', async () => {
    const blocker = await gateModule.exportGate.acquire(500);
    const demo = { ...large, entries: large.entries.slice(0, 23) };
    const res = await route.exportResponse(script, demo, 'text', false);
    expect(res.status).toBe(200);
    expect((await res.text()).match(/^## \d+、/gm)).toHaveLength(23);
    blocker!();
  });

  it('frees the places when the client goes away, even if nobody cancels the body', async () => {
    const client = new AbortController();
    const req = new Request('http://localhost/api/unit-years/1/export', { headers: { accept: '*/*' }, signal: client.signal });
    const res = await route.exportResponse(req, large, 'pdf', false);
    expect(res.status).toBe(200);
    expect(gateModule.exportGate.state().held).toBe(230);
    client.abort();
    await vi.waitFor(() => expect(gateModule.exportGate.state().held).toBe(0));
  });

  it('answers HEAD with the headers only, rendering nothing and holding no places', async () => {
    const head = new Request('http://localhost/api/unit-years/1/export', { method: 'HEAD' });
    const res = await route.exportResponse(head, large, 'xlsx', false);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('spreadsheetml');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(res.body).toBeNull();
    expect(gateModule.exportGate.state()).toEqual({ held: 0, waiting: 0 });
  });

  it('drops a request from the queue when its client goes away while it waits', async () => {
    const blocker = await gateModule.exportGate.acquire(500);
    const client = new AbortController();
    const req = new Request('http://localhost/api/unit-years/1/export', { headers: { accept: '*/*' }, signal: client.signal });
    const pending = route.exportResponse(req, large, 'xlsx', false);
    await vi.waitFor(() => expect(gateModule.exportGate.state().waiting).toBe(1));
    client.abort();
    expect((await pending).status).toBe(503);
    blocker!();
    expect(gateModule.exportGate.state()).toEqual({ held: 0, waiting: 0 });
  });
});
