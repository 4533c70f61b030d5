/**
 * POST /api/import with binary uploads (XLSX, DOCX): the file name picks the reader, the preview's
 * corrections travel with both requests, and what apply stores is what the preview planned.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/auth/permissions';
import type { SessionState } from '@/lib/auth/session';
import { makeActor, seededDatabase } from '@/lib/testing/db';
import type { ImportPlan, ImportResult } from '@/lib/projects/import';
import type { ImportReading } from '@/lib/projects/import-reading';

const session = vi.hoisted(() => ({ state: null as SessionState }));
vi.mock('server-only', () => ({}));
vi.mock('@/lib/auth/request', () => ({ readSession: async () => session.state, clientAddress: async () => '127.0.0.1' }));

const { POST } = await import('@/app/api/import/route');

const GENERATED = path.join(process.cwd(), 'lib', 'format', 'layouts', 'samples', 'generated');
const XLSX = fs.readFileSync(path.join(GENERATED, 'two-tables-merged.xlsx'));

type Reply = { ok: boolean; message?: string; plan?: ImportPlan; result?: ImportResult; reading?: ImportReading };

async function send(mode: 'preview' | 'apply', body: Uint8Array, query: Record<string, string>): Promise<{ status: number; body: Reply }> {
  const qs = new URLSearchParams({ mode, unit: '470001', year: '2024', ...query });
  const res = await POST(
    new Request(`http://localhost:3000/api/import?${qs}`, { method: 'POST', headers: { host: 'localhost:3000', 'content-type': 'application/octet-stream' }, body: Buffer.from(body) }),
  );
  return { status: res.status, body: (await res.json()) as Reply };
}

let admin: Actor;
beforeAll(async () => {
  await seededDatabase();
  admin = await makeActor('route-admin', [], true);
  session.state = { actor: admin, mustChangePassword: false };
});

describe('POST /api/import of other layouts', () => {
  it('previews an XLSX by its name, with how each table was read', async () => {
    const r = await send('preview', XLSX, { name: '申报表.xlsx' });
    expect(r.status).toBe(200);
    expect(r.body.reading!.format).toBe('xlsx');
    expect(r.body.reading!.recognitions.map((x) => x.columns.map((c) => c.text)[3])).toEqual(['第 4 列 → 指标值', '第 4 列 → 指标值']);
    expect(r.body.plan!.items.map((i) => [i.code, i.action])).toEqual([
      ['13080024P00049910001B', 'create'],
      ['', 'skip'],
    ]);
  });

  it('apply with the same corrections stores exactly what the preview planned', async () => {
    const corrections = JSON.stringify({ overrides: { '1': { columns: { '4': 'ignored' }, amountUnit: '万元' } }, codes: { '1': 'YY-01' } });
    const preview = await send('preview', XLSX, { name: 'a.xlsx', corrections });
    expect(preview.body.reading!.recognitions[1]!.columns.find((c) => c.index === 4)).toMatchObject({ text: '第 5 列 → 不读取', isOverridden: true });
    const apply = await send('apply', XLSX, { name: 'a.xlsx', corrections });
    expect(apply.status).toBe(200);
    expect(apply.body.result).toMatchObject({ created: 2, skipped: 0 });
    expect(apply.body.result!.items).toEqual(preview.body.plan!.items);
    expect(apply.body.reading).toEqual(preview.body.reading);
  });

  it('refuses corrections that are not valid, naming the table', async () => {
    const bad = await send('preview', XLSX, { name: 'a.xlsx', corrections: JSON.stringify({ codes: { '1': '编码' } }) });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toBe('表 2 的项目编码：项目编码只能包含字母、数字和连字符');
    expect((await send('preview', XLSX, { name: 'a.xlsx', corrections: '{' })).status).toBe(400);
    expect((await send('preview', XLSX, { name: 'a.xlsx', corrections: JSON.stringify({ overrides: { '0': { columns: { '2': 'price' } } } }) })).status).toBe(400);
  });

  it('a broken XLSX is refused with the reason', async () => {
    const r = await send('preview', XLSX.subarray(0, 2000), { name: 'broken.xlsx' });
    expect(r.status).toBe(400);
    expect(r.body.message).toMatch(/XLSX|压缩/);
  });
});
