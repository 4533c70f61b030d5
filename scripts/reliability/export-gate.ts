/**
 * The export gate on the real server: places held by large exports come back however a download ends.
 * With the gate set to one 1,000-table export at a time (EXPORT_TABLES_AT_ONCE=1000) and a 15 s wait:
 * four HEAD requests, a download abandoned after its first bytes, and a request abandoned while it
 * waited in the queue must each leave the gate free, so that the next download starts at once.
 *
 * Usage: npx tsx scripts/reliability/export-gate.ts [--tables 1000]   (needs a build; e2e runs 300)
 */
import { adminOn, largeSectionDatabase } from '../bench/scale';
import { startServer, stopServer } from './server';

/** Runs the three cases on a server of its own; returns what failed (empty when the gate held up). */
export async function checkExportGate(tables: number, log: (line: string) => void = console.log): Promise<string[]> {
  const db = largeSectionDatabase(tables);
  const server = await startServer({ databasePath: db.databasePath, env: { EXPORT_TABLES_AT_ONCE: String(tables), EXPORT_WAIT_SECONDS: '15' } });
  const problems: string[] = [];
  try {
    const { admin, unitYearId } = await adminOn(server, db.unitCode);
    const url = `${server.base}/api/unit-years/${unitYearId}/export?format=pdf&all=1`;
    const headers = { cookie: admin.sessionCookie };
    /** A full download: status and seconds until it started (the gate's wait shows here). */
    const full = async () => {
      const t = performance.now();
      const res = await fetch(url, { headers });
      const started = (performance.now() - t) / 1000;
      await res.arrayBuffer();
      return { status: res.status, started };
    };
    const check = async (what: string) => {
      const r = await full();
      const ok = r.status === 200 && r.started < 10;
      log(`${what}之后：下一次下载 ${r.status}，${r.started.toFixed(1)} s 后开始${ok ? '' : '（闸门未释放）'}`);
      if (!ok) problems.push(what);
    };

    for (let i = 0; i < 4; i++) {
      const res = await fetch(url, { method: 'HEAD', headers });
      if (res.status !== 200) problems.push(`HEAD → ${res.status}`);
    }
    await check('4 次 HEAD 请求');

    const abandoned = new AbortController();
    const res = await fetch(url, { headers, signal: abandoned.signal });
    await res.body!.getReader().read();
    abandoned.abort();
    await new Promise((r) => setTimeout(r, 500));
    await check('下载中途断开');

    const slow = new AbortController();
    const holder = await fetch(url, { headers, signal: slow.signal }); // holds the gate: its body is not read yet
    const queued = new AbortController();
    const waiting = fetch(url, { headers, signal: queued.signal }).catch(() => null);
    await new Promise((r) => setTimeout(r, 1000));
    queued.abort();
    await waiting;
    await holder.arrayBuffer();
    await new Promise((r) => setTimeout(r, 500));
    await check('排队时断开');
  } finally {
    await stopServer(server);
    db.remove();
  }
  return problems;
}

if (process.argv[1]?.endsWith('export-gate.ts')) {
  const i = process.argv.indexOf('--tables');
  checkExportGate(i > 0 ? Number(process.argv[i + 1]) : 1000).then(
    (problems) => {
      console.log(problems.length === 0 ? '通过' : `未通过：${problems.join('；')}`);
      process.exitCode = problems.length === 0 ? 0 : 1;
    },
    (e: unknown) => {
      console.error(e);
      process.exit(1);
    },
  );
}
