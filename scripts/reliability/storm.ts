/**
 * A write storm: signed-in writers save a set of tables as fast as they can, each save based on the
 * version just read and carrying content that names its new version. Acknowledged saves are recorded
 * with the moment their reply arrived.
 */
import { Client, outcome } from './http';
import { createScriptTable, demoUnitYearId, versionedTable } from './fixtures';
import type { Ack } from './inspect';
import type { Server } from './server';

export type StormTables = { codes: string[]; projectIds: number[] };
export type TimedAck = Ack & { at: number };
export type Storm = { acks: TimedAck[]; problems: string[]; stop: () => Promise<void> };

export async function createStormTables(server: Server, ids: Map<string, string>, prefix: string, count: number): Promise<StormTables> {
  const setup = new Client(server.base, ids);
  await setup.signIn('owner', 'Bianzhi2024');
  const unitYearId = await demoUnitYearId(setup);
  const stamp = String(Date.now()).slice(-8);
  const codes = Array.from({ length: count }, (_, i) => `13080024P${prefix}${stamp}${String(i).padStart(2, '0')}`);
  const projectIds: number[] = [];
  for (const code of codes) projectIds.push(await createScriptTable(setup, unitYearId, code));
  return { codes, projectIds };
}

/** Starts `writers` clients; `stop()` ends them (a writer whose server vanished just stops). */
export async function startStorm(server: Server, ids: Map<string, string>, tables: StormTables, writers: number, acks: TimedAck[] = [], problems: string[] = []): Promise<Storm> {
  // One after another: an account takes at most five sign-ins in flight at once (more are refused as busy).
  const clients: Client[] = [];
  for (let i = 0; i < writers; i++) {
    const c = new Client(server.base, ids);
    await c.signIn('owner', 'Bianzhi2024');
    clients.push(c);
  }
  let isRunning = true;
  const running = clients.map(async (c, w) => {
    let n = 0;
    while (isRunning) {
      const t = (w + n++) % tables.projectIds.length;
      const id = tables.projectIds[t]!;
      try {
        const read = await c.get(`/api/projects/${id}`);
        const next = (read.json as { project: { version: number } }).project.version + 1;
        const o = outcome(await c.action('saveTableAction', [{ projectId: id, version: next - 1, table: versionedTable(tables.codes[t]!, next) }]));
        if (o.ok) {
          const version = (o.data as { version: number }).version;
          if (version !== next) problems.push(`表 ${id} 保存后版本为 ${version}，应为 ${next}`);
          acks.push({ projectId: id, version, at: Date.now() });
        } else if (o.code !== 'conflict') {
          problems.push(`表 ${id} 保存被拒绝：${o.code}`);
        }
      } catch {
        // The server is gone: this write was never acknowledged.
        return;
      }
    }
  });
  return {
    acks,
    problems,
    stop: async () => {
      isRunning = false;
      await Promise.all(running);
    },
  };
}
