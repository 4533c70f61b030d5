/**
 * Large exports at once: a 1,000-table unit-year downloaded by several clients together (XLSX and PDF
 * alternately) from the production server with its heap limit. Prints, per level, how many replies
 * were complete documents, how many were refused as busy (503), the slowest reply, the server's peak
 * memory and whether it survived. This is what decides the export gate's default (docs/performance.md).
 *
 * Usage: npx tsx scripts/bench/export-concurrent.ts [--levels 1,2,4,8] [--tables 1000]
 */
import { SERVER_NODE_ARGS, startServer, stopServer, type Server } from '../reliability/server';
import { peakRssMb, resetPeakRss, rssMb } from './http-timing';
import { adminOn, largeSectionDatabase } from './scale';

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(name);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

const levels = arg('--levels', '1,2,4,8').split(',').map(Number);
const tables = Number(arg('--tables', '1000'));

type Reply = { format: string; status: number; bytes: number; ms: number; error?: string };

async function download(server: Server, cookie: string, unitYearId: number, format: 'xlsx' | 'pdf'): Promise<Reply> {
  const t = performance.now();
  try {
    const res = await fetch(`${server.base}/api/unit-years/${unitYearId}/export?format=${format}&all=1`, { headers: { cookie } });
    const body = Buffer.from(await res.arrayBuffer());
    return { format, status: res.status, bytes: body.byteLength, ms: performance.now() - t };
  } catch (e) {
    return { format, status: 0, bytes: 0, ms: performance.now() - t, error: e instanceof Error ? e.message : String(e) };
  }
}

async function main(): Promise<void> {
  const db = largeSectionDatabase(tables);
  let server = await startServer({ databasePath: db.databasePath });
  console.log(`服务器参数：${SERVER_NODE_ARGS.join(' ')}；单位年度 ${db.unitCode}，${tables} 张表`);
  try {
    for (const level of levels) {
      if (server.child.exitCode !== null) server = await startServer({ databasePath: db.databasePath });
      const { admin, unitYearId } = await adminOn(server, db.unitCode);
      const pid = server.child.pid!;
      const before = rssMb(pid);
      resetPeakRss(pid);
      const t = performance.now();
      const replies = await Promise.all(Array.from({ length: level }, (_, i) => download(server, admin.sessionCookie, unitYearId, i % 2 === 0 ? 'xlsx' : 'pdf')));
      const wall = performance.now() - t;
      const alive = server.child.exitCode === null;
      const complete = replies.filter((r) => r.status === 200 && r.bytes > 100_000).length;
      const busy = replies.filter((r) => r.status === 503).length;
      const other = replies.filter((r) => r.status !== 200 && r.status !== 503);
      console.log(
        `同时 ${level} 个：完整 ${complete}，繁忙 ${busy}，其他 ${other.length}${other[0] ? `（${other[0].status} ${other[0].error ?? ''}）` : ''}；` +
          `最慢 ${Math.round(Math.max(...replies.map((r) => r.ms)))} ms，总用时 ${Math.round(wall)} ms；` +
          `内存 ${Math.round(before)} → 峰值 ${alive ? Math.round(peakRssMb(pid)) : '—'} MB；服务器${alive ? '存活' : '已退出'}`,
      );
      if (!alive) console.log(server.output().split('\n').filter((l) => /heap|memory|FATAL/i.test(l)).slice(0, 3).join('\n'));
    }
  } finally {
    await stopServer(server);
    db.remove();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
