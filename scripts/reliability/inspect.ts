/**
 * Reads a database file directly (after a crash, or a backup) and checks what the writers of the
 * reliability scripts were told: each table is one whole version, and each acknowledged save is there.
 */
import type { DbReader } from './db-reader';
import { VERSION_PURPOSE, VERSION_ROW_PREFIX, versionShape } from './fixtures';

export type Ack = { projectId: number; version: number };
export type SaveInspection = { corrupt: boolean; missing: number; halfWritten: number; versions: Map<number, number>; problems: string[] };

/** Whether a table's stored header, rows and checkpoints are one whole version (see `versionedTable`). */
export async function wholeVersion(db: DbReader, id: number): Promise<{ version: number; problem: string | null }> {
  const [p] = await db.all<{ version: number; purpose: string }>('select version, purpose from projects where id = ?', id);
  if (!p) return { version: 0, problem: `表 ${id} 不见了` };
  // Version 1 is the table as created, before any versioned save.
  if (p.version === 1) return { version: 1, problem: null };
  const rows = await db.all<{ name: string; ph: number | boolean }>('select name, is_placeholder as ph from indicators where project_id = ?', id);
  const [counted] = await db.all<{ n: number | string }>('select count(*) as n from checkpoints where project_id = ?', id);
  const cps = Number(counted?.n ?? 0);
  const shape = versionShape(p.version);
  const wrong: string[] = [];
  if (p.purpose !== VERSION_PURPOSE(p.version)) wrong.push(`资金用途为“${p.purpose}”`);
  if (rows.length !== shape.rows) wrong.push(`${rows.length} 行（应为 ${shape.rows}）`);
  if (cps !== shape.checkpoints) wrong.push(`${cps} 个时间点（应为 ${shape.checkpoints}）`);
  const stale = rows.filter((r) => !r.ph && !r.name.startsWith(VERSION_ROW_PREFIX(p.version))).length;
  if (stale > 0) wrong.push(`${stale} 行属于别的版本`);
  return { version: p.version, problem: wrong.length ? `表 ${id} 版本 ${p.version}：${wrong.join('，')}` : null };
}

/**
 * Integrity, whole versions, and the acknowledged saves: each one's table at or past its version, and
 * its content (the purpose naming the version) in the audit row written in the same transaction.
 */
export async function inspectSaves(db: DbReader, projectIds: readonly number[], acks: readonly Ack[]): Promise<SaveInspection> {
  const isIntact = await db.isIntact();
  const problems: string[] = [];
  const versions = new Map<number, number>();
  let halfWritten = 0;
  for (const id of projectIds) {
    const w = await wholeVersion(db, id);
    versions.set(id, w.version);
    if (w.problem) {
      halfWritten++;
      problems.push(w.problem);
    }
  }
  const audited = new Set<string>();
  const audits = await db.all<{ id: number; changes: string | null }>("select entity_id as id, changes from audit_log where entity = 'project' and action = 'update'");
  for (const a of audits) {
    const purpose = (JSON.parse(a.changes ?? '[]') as { field?: string; after?: string | null }[]).find((c) => c.field === 'purpose')?.after;
    if (purpose) audited.add(`${a.id} ${purpose}`);
  }
  const lost = acks.filter((a) => (versions.get(a.projectId) ?? 0) < a.version || !audited.has(`${a.projectId} ${VERSION_PURPOSE(a.version)}`));
  for (const a of lost.slice(0, 5)) problems.push(`已确认的保存不见了：表 ${a.projectId} 版本 ${a.version}`);
  return { corrupt: !isIntact, missing: lost.length, halfWritten, versions, problems };
}
