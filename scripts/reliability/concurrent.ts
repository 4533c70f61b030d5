/**
 * Lost-update test: C signed-in clients, spread over several owners of the unit, each save the same
 * table S times, each save based on the version that client just read. Every save must be applied or
 * refused as a conflict; the final version must equal 1 + applied; the final content must be the last
 * applied save's; no SQLITE_BUSY may surface. With `bases`, the clients are split across several app
 * servers on one (PostgreSQL) database: the version check must hold across processes too.
 */
import { openReader } from './db-reader';
import { Client, outcome } from './http';
import { createScriptTable, demoOwners, demoUnitYearId, scriptTable } from './fixtures';

export type ConcurrencyReport = {
  clients: number;
  owners: number;
  saves: number;
  applied: number;
  conflicts: number;
  other: number;
  busy: number;
  lost: number;
  auditUpdates: number;
  servers: number;
};

export async function concurrentSaves(opts: { base: string; bases?: string[]; ids: Map<string, string>; databasePath: string; clients: number; owners: number; saves: number }): Promise<ConcurrencyReport> {
  const owners = await demoOwners(opts.base, opts.ids, opts.owners);
  const owner = new Client(opts.base, opts.ids);
  await owner.signIn('owner', 'Bianzhi2024');
  const unitYearId = await demoUnitYearId(owner);
  const code = `13080024PREL${String(Date.now()).slice(-9)}`;
  const projectId = await createScriptTable(owner, unitYearId, code);
  // One after another: an account takes at most five sign-ins in flight at once (more are refused as busy).
  const clients: Client[] = [];
  for (let i = 0; i < opts.clients; i++) {
    const bases = opts.bases ?? [opts.base];
    const c = new Client(bases[i % bases.length]!, opts.ids);
    const who = owners[i % owners.length]!;
    await c.signIn(who.username, who.password);
    clients.push(c);
  }
  let applied = 0;
  let conflicts = 0;
  let other = 0;
  let busy = 0;
  const appliedSaves: { version: number; purpose: string; username: string }[] = [];
  await Promise.all(
    clients.map(async (c, i) => {
      for (let j = 0; j < opts.saves; j++) {
        const read = await c.get(`/api/projects/${projectId}`);
        const version = (read.json as { project: { version: number } }).project.version;
        const purpose = `客户端 ${i + 1} 第 ${j + 1} 次保存`;
        const reply = await c.action('saveTableAction', [{ projectId, version, table: scriptTable(code, purpose) }]);
        const o = outcome(reply);
        if (o.ok) {
          applied++;
          appliedSaves.push({ version: (o.data as { version: number }).version, purpose, username: owners[i % owners.length]!.username });
        } else if (o.code === 'conflict') {
          conflicts++;
        } else {
          other++;
          if (JSON.stringify(reply.result ?? '').includes('SQLITE_BUSY')) busy++;
        }
      }
    }),
  );
  const final = (await owner.get(`/api/projects/${projectId}`)).json as { project: { version: number }; table: { purpose: string } };
  const last = appliedSaves.sort((a, b) => a.version - b.version).at(-1);
  const versionsDistinct = new Set(appliedSaves.map((s) => s.version)).size === appliedSaves.length;
  let lost = Math.abs(final.project.version - 1 - applied);
  if (last && final.table.purpose !== last.purpose) lost++;
  if (!versionsDistinct) lost++;
  // Every applied save's content is in the audit row written in its transaction, under its owner.
  const db = await openReader(opts.databasePath);
  const audits = await db.all<{ username: string; changes: string | null }>(
    "select username, changes from audit_log where entity = 'project' and entity_id = ? and action = 'update'",
    projectId,
  );
  await db.close();
  const audited = new Set<string>();
  for (const a of audits) {
    const changes = JSON.parse(a.changes ?? '[]') as { kind?: string; field?: string; after?: string | null }[];
    const purpose = changes.find((c) => c.kind === 'field' && c.field === 'purpose')?.after;
    if (purpose) audited.add(`${a.username} ${purpose}`);
  }
  lost += appliedSaves.filter((s) => !audited.has(`${s.username} ${s.purpose}`)).length;
  const auditUpdates = audits.length;
  if (auditUpdates !== applied) lost += Math.abs(auditUpdates - applied);
  return { clients: opts.clients, owners: owners.length, saves: opts.clients * opts.saves, applied, conflicts, other, busy, lost, auditUpdates, servers: opts.bases?.length ?? 1 };
}
