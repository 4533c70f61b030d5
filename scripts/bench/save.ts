/**
 * Save throughput over HTTP with autocannon. Each request takes a table nobody else is saving at that
 * moment, with the version its last save returned, so every request is a real, applied save (autocannon
 * resets per-request context, so the tables' state lives in the pool). Beside it the same load on a
 * no-op server action (the framework's floor).
 *
 * Where each goes: by default both are posted to /projects, a page that holds neither action, so Next
 * forwards each request to the page that does (an internal HTTP request to this same server, whose answer
 * it gzips and unzips on the way back); that is how this benchmark has always measured, so its figures
 * compare across runs. With `onOwnPage` each goes to the page that holds it, as a browser posts it (the
 * save from the editor page, the no-op from the health page): no forwarding, a floor four times lower.
 */
import autocannon from 'autocannon';
import { actionResult, Client, outcome } from '../reliability/http';
import { createScriptTable, demoUnitYearId, scriptTable } from '../reliability/fixtures';

export type LoadResult = { connections: number; requests: number; p50: number; p95: number; rps: number; errors: number; non2xx: number; rejected: number };

type PoolEntry = { projectId: number; version: number; code: string; isBusy?: boolean };
type Ctx = { entry?: PoolEntry };

/** Runs autocannon and records every response time, for exact percentiles (its own stop at p97.5). */
async function run(opts: autocannon.Options): Promise<{ result: autocannon.Result; times: number[] }> {
  const times: number[] = [];
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(opts, (err, r) => (err ? reject(err) : resolve(r)));
    instance.on('response', (_client, _status, _bytes, responseTime) => times.push(responseTime));
  });
  times.sort((a, b) => a - b);
  return { result, times };
}

function pct(sorted: number[], p: number): number {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function saveLoad(opts: {
  client: Client;
  ids: Map<string, string>;
  pool: PoolEntry[];
  connections: number;
  seconds: number;
  noop: boolean;
  onOwnPage?: boolean;
}): Promise<LoadResult> {
  const saveId = opts.ids.get('saveTableAction')!;
  const noopId = opts.ids.get('noopAction')!;
  let rejected = 0;
  const headers = { 'content-type': 'text/plain;charset=UTF-8', accept: 'text/x-component', cookie: opts.client.sessionCookie };
  // A previous run may have ended with saves in flight: start from each table's stored version.
  for (const entry of opts.pool) {
    const read = await opts.client.get(`/api/projects/${entry.projectId}`);
    entry.version = (read.json as { project: { version: number } }).project.version;
    entry.isBusy = false;
  }
  const { result, times } = await run({
    url: `${opts.client.base}/projects`,
    connections: opts.connections,
    duration: opts.seconds,
    requests: [
      {
        method: 'POST',
        setupRequest: (req, context: Ctx) => {
          if (opts.noop) return { ...req, ...(opts.onOwnPage ? { path: '/admin/health' } : {}), headers: { ...headers, 'next-action': noopId }, body: '[]' };
          const entry = opts.pool.find((e) => !e.isBusy);
          if (!entry) throw new Error('save pool smaller than the number of connections');
          entry.isBusy = true;
          context.entry = entry;
          const body = JSON.stringify([{ projectId: entry.projectId, version: entry.version, table: scriptTable(entry.code, `压测保存 ${Date.now()}`) }]);
          return { ...req, ...(opts.onOwnPage ? { path: `/projects/${entry.projectId}/edit` } : {}), headers: { ...headers, 'next-action': saveId }, body };
        },
        onResponse: (_status, body, context: Ctx) => {
          if (opts.noop) return;
          const entry = context.entry;
          if (!entry) return;
          const r = actionResult(body) as { ok?: boolean; data?: { version?: number } } | null;
          if (r?.ok && r.data?.version) entry.version = r.data.version;
          else rejected++;
          entry.isBusy = false;
        },
      },
    ],
  });
  return {
    connections: opts.connections,
    requests: result.requests.total,
    p50: pct(times, 50),
    p95: pct(times, 95),
    rps: result.requests.average,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    rejected,
  };
}

/** One table per connection, created through the app's own action. */
export async function savePool(client: Client, count: number): Promise<PoolEntry[]> {
  const unitYearId = await demoUnitYearId(client);
  const stamp = String(Date.now()).slice(-7);
  const pool: PoolEntry[] = [];
  for (let i = 0; i < count; i++) {
    const code = `13080024PBS${stamp}${String(i).padStart(3, '0')}`;
    const projectId = await createScriptTable(client, unitYearId, code);
    pool.push({ projectId, version: 1, code });
  }
  const check = outcome(await client.action('saveTableAction', [{ projectId: pool[0]!.projectId, version: 1, table: scriptTable(pool[0]!.code) }]));
  if (!check.ok) throw new Error(`save does not work: ${check.code}`);
  pool[0]!.version = 2;
  return pool;
}
