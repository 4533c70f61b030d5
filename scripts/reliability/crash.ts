/**
 * Crash test: writers save tables continuously while the server is killed with SIGKILL at random
 * moments. After each kill the database must pass `integrity_check`, every save acknowledged to a
 * client must be there, and no table may be half-written (a header without its rows or the reverse).
 */
import Database from 'better-sqlite3';
import { Client, outcome, type Reply } from './http';
import { createScriptTable, demoUnitYearId, SCRIPT_TABLE_CHECKPOINTS, SCRIPT_TABLE_ROWS, scriptTable } from './fixtures';
import { startServer, stopServer, type Server } from './server';

export type CrashReport = { kills: number; acknowledged: number; corrupt: number; missing: number; halfWritten: number };

type Ack = { projectId: number; version: number };

function inspect(databasePath: string, projectIds: number[], acks: Ack[]): { corrupt: boolean; missing: number; halfWritten: number } {
  const db = new Database(databasePath, { fileMustExist: true });
  try {
    const integrity = db.pragma('integrity_check', { simple: true });
    const fk = db.pragma('foreign_key_check') as unknown[];
    let halfWritten = 0;
    const versions = new Map<number, number>();
    for (const id of projectIds) {
      const p = db.prepare('select version from projects where id = ?').get(id) as { version: number } | undefined;
      const rows = (db.prepare('select count(*) as n from indicators where project_id = ?').get(id) as { n: number }).n;
      const cps = (db.prepare('select count(*) as n from checkpoints where project_id = ?').get(id) as { n: number }).n;
      const audits = (db.prepare("select count(*) as n from audit_log where entity = 'project' and entity_id = ? and action = 'update'").get(id) as { n: number }).n;
      if (!p || rows !== SCRIPT_TABLE_ROWS || cps !== SCRIPT_TABLE_CHECKPOINTS || audits !== p.version - 1) halfWritten++;
      versions.set(id, p?.version ?? 0);
    }
    const missing = acks.filter((a) => (versions.get(a.projectId) ?? 0) < a.version).length;
    return { corrupt: integrity !== 'ok' || fk.length > 0, missing, halfWritten };
  } finally {
    db.close();
  }
}

export async function crashTest(opts: { ids: Map<string, string>; databasePath: string; kills: number; writers: number; tables: number }): Promise<CrashReport> {
  let server: Server = await startServer({ databasePath: opts.databasePath });
  const setup = new Client(server.base, opts.ids);
  await setup.signIn('owner', 'Bianzhi2024');
  const unitYearId = await demoUnitYearId(setup);
  const stamp = String(Date.now()).slice(-8);
  const projectIds: number[] = [];
  for (let i = 0; i < opts.tables; i++) projectIds.push(await createScriptTable(setup, unitYearId, `13080024PCR${stamp}${String(i).padStart(2, '0')}`));
  const acks: Ack[] = [];
  const report: CrashReport = { kills: 0, acknowledged: 0, corrupt: 0, missing: 0, halfWritten: 0 };
  for (let k = 0; k < opts.kills; k++) {
    const clients = await Promise.all(
      Array.from({ length: opts.writers }, async () => {
        const c = new Client(server.base, opts.ids);
        await c.signIn('owner', 'Bianzhi2024');
        return c;
      }),
    );
    let isRunning = true;
    const writers = clients.map(async (c, w) => {
      let n = 0;
      while (isRunning) {
        const id = projectIds[(w + n++) % projectIds.length]!;
        try {
          const read = await c.get(`/api/projects/${id}`);
          const version = (read.json as { project: { version: number } }).project.version;
          const reply: Reply = await c.action('saveTableAction', [{ projectId: id, version, table: scriptTable(`13080024PCR${stamp}${String(projectIds.indexOf(id)).padStart(2, '0')}`, `第 ${k} 轮 写入者 ${w} 第 ${n} 次`) }]);
          const o = outcome(reply);
          if (o.ok) acks.push({ projectId: id, version: (o.data as { version: number }).version });
        } catch {
          // The server is gone: this write was never acknowledged.
          return;
        }
      }
    });
    await new Promise((r) => setTimeout(r, 300 + Math.random() * 1200));
    await stopServer(server, 'SIGKILL');
    isRunning = false;
    await Promise.all(writers);
    report.kills++;
    const state = inspect(opts.databasePath, projectIds, acks);
    if (state.corrupt) report.corrupt++;
    // Counts over all acknowledgements so far, so keep the worst round rather than summing.
    report.missing = Math.max(report.missing, state.missing);
    report.halfWritten = Math.max(report.halfWritten, state.halfWritten);
    server = await startServer({ databasePath: opts.databasePath });
  }
  await stopServer(server);
  report.acknowledged = acks.length;
  return report;
}
