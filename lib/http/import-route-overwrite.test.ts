/**
 * POST /api/import?mode=apply over stored drafts (issue 19 item 6): the route itself refuses an overwrite
 * the user did not tick (覆盖草稿) at the version the preview showed, whatever the page sent.
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Actor } from '@/lib/auth/permissions';
import type { SessionState } from '@/lib/auth/session';
import { referenceText } from '@/lib/format/published/testing/reference';
import type { ImportPlan, ImportResult } from '@/lib/projects/import';
import { makeActor, seededDatabase } from '@/lib/testing/db';

const session = vi.hoisted(() => ({ state: null as SessionState }));
vi.mock('server-only', () => ({}));
vi.mock('@/lib/auth/request', () => ({ readSession: async () => session.state, clientAddress: async () => '127.0.0.1' }));

const { POST } = await import('@/app/api/import/route');

type Reply = { ok: boolean; message?: string; plan?: ImportPlan; result?: ImportResult };

async function send(mode: 'preview' | 'apply', text: string, query: Record<string, string> = {}): Promise<{ status: number; body: Reply }> {
  const qs = new URLSearchParams({ mode, unit: 'V00001', year: '2024', name: 'doc.txt', ...query });
  const res = await POST(
    new Request(`http://localhost:3000/api/import?${qs}`, {
      method: 'POST',
      headers: { host: 'localhost:3000', 'content-type': 'application/octet-stream', 'x-requested-with': 'fetch' },
      body: Buffer.from(text),
    }),
  );
  return { status: res.status, body: (await res.json()) as Reply };
}

let admin: Actor;
beforeAll(async () => {
  await seededDatabase();
  admin = await makeActor('route-overwriter', [], true);
  session.state = { actor: admin, mustChangePassword: false };
});

describe('POST /api/import over stored drafts', () => {
  it('refuses an overwrite that was not ticked, or ticked at another version, and applies a ticked one', async () => {
    const reference = referenceText();
    expect((await send('apply', reference)).body.result).toMatchObject({ created: 23 });
    const changed = reference.replace('≥95%', '≥96%');
    const preview = await send('preview', changed);
    const updates = preview.body.plan!.items.filter((i) => i.action === 'update');
    expect(updates).toHaveLength(1);
    const item = updates[0]!;
    expect(item.draft).toMatchObject({ isConfirmed: false, freshness: { state: 'as-imported' } });
    expect(item.draft!.changes).toEqual([expect.objectContaining({ kind: 'row-changed', fields: [expect.objectContaining({ field: 'value', before: '≥95%', after: '≥96%' })] })]);

    const unticked = await send('apply', changed);
    expect(unticked.status).toBe(400);
    expect(unticked.body.message).toMatch(/将覆盖库中的草稿，未导入/);
    const stale = await send('apply', changed, { overwrite: JSON.stringify({ [item.code]: item.draft!.version + 1 }) });
    expect(stale.status).toBe(400);
    expect(stale.body.message).toMatch(/预览之后又被修改/);
    expect((await send('apply', changed, { overwrite: '{"x":' })).status).toBe(400);

    const ticked = await send('apply', changed, { overwrite: JSON.stringify({ [item.code]: item.draft!.version }) });
    expect(ticked.status).toBe(200);
    expect(ticked.body.result).toMatchObject({ updated: 1, unchanged: 22 });
  });
});
