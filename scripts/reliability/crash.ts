/**
 * Crash test: writers save tables continuously while the server is killed with SIGKILL at random
 * moments. Every save writes content that names its version, with a row count that changes from
 * version to version. After each kill the database must pass `integrity_check`; every table's rows
 * and checkpoints must be exactly those of its header's version (nothing half-written); every save
 * acknowledged to a client must be there: the header at or past its version, and its content in the
 * audit row written in the same transaction.
 */
import { openReader } from './db-reader';
import { inspectSaves } from './inspect';
import { startServer, stopServer, type Server } from './server';
import { createStormTables, startStorm, type TimedAck } from './storm';

export type CrashReport = { kills: number; acknowledged: number; corrupt: number; missing: number; halfWritten: number; problems: string[] };

export async function crashTest(opts: { ids: Map<string, string>; databasePath: string; kills: number; writers: number; tables: number }): Promise<CrashReport> {
  let server: Server = await startServer({ databasePath: opts.databasePath });
  const tables = await createStormTables(server, opts.ids, 'CR', opts.tables);
  const acks: TimedAck[] = [];
  const problems: string[] = [];
  const report: CrashReport = { kills: 0, acknowledged: 0, corrupt: 0, missing: 0, halfWritten: 0, problems };
  for (let k = 0; k < opts.kills; k++) {
    const before = acks.length;
    const storm = await startStorm(server, opts.ids, tables, opts.writers, acks, problems);
    // Once saves are landing (however loaded the machine), kill at a random moment of the storm.
    for (const deadline = Date.now() + 30_000; acks.length < before + 2 && Date.now() < deadline; ) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, Math.random() * 1000));
    await stopServer(server, 'SIGKILL');
    await storm.stop();
    report.kills++;
    // Opened as the restarted server would open it: the WAL is recovered first.
    const db = await openReader(opts.databasePath, { readonly: false });
    const state = await inspectSaves(db, tables.projectIds, acks);
    await db.close();
    if (state.corrupt) report.corrupt++;
    problems.push(...state.problems);
    // Counts over all acknowledgements so far, so keep the worst round rather than summing.
    report.missing = Math.max(report.missing, state.missing);
    report.halfWritten = Math.max(report.halfWritten, state.halfWritten);
    server = await startServer({ databasePath: opts.databasePath });
  }
  await stopServer(server);
  report.acknowledged = acks.length;
  report.problems = [...new Set(problems)].slice(0, 20);
  return report;
}
