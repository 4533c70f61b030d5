/**
 * PostgreSQL goes away in the middle of a write storm: writers save through the app while the
 * cluster is stopped (`pg_ctl stop -m fast`), left down for a while and started again. While it is
 * down every save must come back as the app's retryable answer (`unavailable` with its Chinese
 * message), never a 5xx or the generic “服务器处理出错”; the same server process must save again
 * by itself once the database is back; and afterwards no acknowledged save is missing and no table
 * is half-written (read straight from the database).
 */
import { openReader } from './db-reader';
import { Client, outcome } from './http';
import { versionedTable } from './fixtures';
import { inspectSaves } from './inspect';
import { stopAndStart } from './pg-cluster';
import { startServer, stopServer } from './server';
import { createStormTables, type TimedAck } from './storm';

export const UNAVAILABLE_MESSAGE = '数据库暂时无法访问，请稍后重试';

/** `down` from the stop command on: sessions in flight are ended then, and their replies count too. */
type Phase = 'before' | 'down' | 'after';
const PHASE_NAMES: Record<Phase, string> = { before: '停机前', down: '停机时', after: '重启后' };
export type RestartReport = {
  downMs: number;
  acknowledged: number;
  /** Saves answered while the server was down, and how many of them were the clear retryable answer. */
  downSaves: number;
  downClear: number;
  /** Saves sent in the down phase that still got through (saved or a conflict) before the stop took effect. */
  downThrough: number;
  /** Every answer that was neither a save, a conflict nor the retryable answer, by what it was. */
  unclear: Map<string, number>;
  /** One retryable answer as the client received it: HTTP status and the action's result. */
  downSample: string;
  /** Reads of the table (GET /api/projects/:id) that failed, by when they were sent and what came back. */
  downReads: Map<string, number>;
  /** Reads answered 503 “数据库暂时无法访问” while the database was away. */
  readsUnavailable: number;
  /** From `pg_ctl start` having returned to the first save acknowledged afterwards. */
  reconnectMs: number | null;
  isSameProcess: boolean;
  missing: number;
  halfWritten: number;
  problems: string[];
};

const bump = (m: Map<string, number>, key: string) => m.set(key, (m.get(key) ?? 0) + 1);

export async function restartTest(opts: {
  ids: Map<string, string>;
  database: Awaited<ReturnType<import('./pg-cluster').PgServers['restartableDatabase']>>;
  writers: number;
  tables: number;
  downMs: number;
}): Promise<RestartReport> {
  const { url, cluster } = opts.database;
  const server = await startServer({ databasePath: url });
  const pid = server.child.pid;
  const problems: string[] = [];
  const report: RestartReport = {
    downMs: opts.downMs, acknowledged: 0, downSaves: 0, downClear: 0, downThrough: 0, downSample: '', unclear: new Map(), downReads: new Map(), readsUnavailable: 0,
    reconnectMs: null, isSameProcess: false, missing: 0, halfWritten: 0, problems,
  };
  try {
    const tables = await createStormTables(server, opts.ids, 'PR', opts.tables);
    const clients: Client[] = [];
    for (let i = 0; i < opts.writers; i++) {
      const c = new Client(server.base, opts.ids);
      await c.signIn('owner', 'Bianzhi2024');
      clients.push(c);
    }
    const acks: TimedAck[] = [];
    let phase: Phase = 'before';
    let startedAt = 0;
    let isRunning = true;
    const running = clients.map(async (c, w) => {
      const known = new Map<number, number>(tables.projectIds.map((id) => [id, 1]));
      try {
        for (let n = 0; isRunning; n++) {
          const t = (w + n) % tables.projectIds.length;
          const id = tables.projectIds[t]!;
          // The phase a reply belongs to is the one in force when its request was sent.
          const sentIn = phase;
          const read = await c.get(`/api/projects/${id}`);
          const version = (read.json as { project?: { version: number } } | null)?.project?.version;
          if (read.status === 200 && version !== undefined) known.set(id, version);
          // While the database is away a read must say so (503, retryable): counted as a clear answer.
          else if (read.status === 503 && (read.json as { code?: string } | null)?.code === 'unavailable') report.readsUnavailable++;
          // A read sent just before the stop can be answered by it: every other failed read is listed by when it was sent.
          else bump(report.downReads, `${PHASE_NAMES[sentIn]}发出：${read.status} ${JSON.stringify(read.json).slice(0, 80)}`);
          // Saved even when the read failed, from the version last seen: this is the request whose answer matters.
          const next = known.get(id)! + 1;
          const sent = phase;
          const reply = await c.action('saveTableAction', [{ projectId: id, version: next - 1, table: versionedTable(tables.codes[t]!, next) }]);
          const o = outcome(reply);
          const message = (reply.result as { message?: string } | null)?.message ?? '';
          if (sent === 'down') report.downSaves++;
        if (sent === 'down' && (o.ok || o.code === 'conflict')) report.downThrough++;
          if (o.ok) {
            const saved = (o.data as { version: number }).version;
            if (saved !== next) problems.push(`表 ${id} 保存后版本为 ${saved}，应为 ${next}`);
            acks.push({ projectId: id, version: saved, at: Date.now() });
            known.set(id, saved);
            if (phase === 'after' && startedAt > 0 && report.reconnectMs === null) report.reconnectMs = Date.now() - startedAt;
          } else if (o.code === 'unavailable' && message.startsWith(UNAVAILABLE_MESSAGE)) {
            if (sent === 'down') report.downClear++;
          report.downSample ||= `${reply.status} ${JSON.stringify(reply.result)}`;
          } else if (o.code !== 'conflict') {
            bump(report.unclear, `${PHASE_NAMES[sent]}发出：${reply.status} ${o.code ?? ''} ${message || reply.raw.slice(0, 100)}`);
          }
          // While the database is down, no busy loop: a person would press save again after a moment.
          if (phase === 'down') await new Promise((r) => setTimeout(r, 100));
        }
      } catch (error) {
        problems.push(`写入者 ${w + 1} 收不到应用服务器的回复：${error instanceof Error ? error.message : String(error)}`);
      }
    });
    for (const deadline = Date.now() + 30_000; acks.length < opts.writers * 2 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 20));
    // Saves in flight when the stop ends their sessions may or may not have committed: only acknowledged ones count.
    await stopAndStart(cluster, opts.downMs, {
      onStopping: () => (phase = 'down'),
      onStarting: () => (phase = 'after'),
    });
    startedAt = Date.now();
    for (const deadline = Date.now() + 30_000; report.reconnectMs === null && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 1000));
    isRunning = false;
    await Promise.all(running);
    report.isSameProcess = server.child.exitCode === null && server.child.pid === pid;
    report.acknowledged = acks.length;
    const db = await openReader(url);
    const state = await inspectSaves(db, tables.projectIds, acks);
    await db.close();
    report.missing = state.missing;
    report.halfWritten = state.halfWritten;
    problems.push(...state.problems);
    if (report.reconnectMs === null) problems.push('数据库恢复 30 秒后应用仍然无法保存（没有自动重新连接）');
    if (report.downSaves === 0) problems.push('停机期间没有保存请求得到回复，测试没有测到停机');
    report.problems = [...new Set(problems)].slice(0, 20);
    return report;
  } finally {
    await stopServer(server);
  }
}
