import { appendAudit, type AuditEntry } from '@/db/queries/audit';
import { findProjectByCode } from '@/db/queries/projects';
import { getUser } from '@/db/queries/users';
import { invalid } from '@/lib/actions/errors';
import type { Actor } from '@/lib/auth/permissions';
import { commentTargets, locationLabel } from '@/lib/domain/locations';
import { loadTable } from '../read';

export type Who = { actor: Actor; ip: string | null };

/** The audit entry of a change to a table. */
export function projectAudit(who: Who, action: string, projectId: number, unitId: number, changes?: unknown): AuditEntry {
  return { userId: who.actor.id, username: who.actor.username, action, entity: 'project', entityId: projectId, unitId, changes, ip: who.ip };
}

export async function auditProject(who: Who, action: string, projectId: number, unitId: number, changes?: unknown): Promise<void> {
  await appendAudit(projectAudit(who, action, projectId, unitId, changes));
}

export async function displayNameOf(userId: number | null): Promise<string | null> {
  return userId === null ? null : ((await getUser(userId))?.displayName ?? null);
}

/** Project codes are unique within a unit-year; say so beside the field rather than fail on the index. */
export async function assertCodeFree(unitYearId: number, code: string, exceptProjectId: number | null): Promise<void> {
  const other = await findProjectByCode(unitYearId, code);
  if (other && other.id !== exceptProjectId) {
    throw invalid(`项目编码 ${code} 已被本年度的“${other.name}”使用`, {
      'table.code': [`项目编码已被本年度的“${other.name}”使用`],
    });
  }
}

/**
 * A comment is on the whole table (null) or on a field or row the table has: a target it does not
 * have (a row since deleted, or a made-up one) would be a comment nobody can find beside its place.
 * Returns each target's label as the table reads now, to be stored with the comment (issue 19 item 3).
 */
export async function assertCommentTargets(projectId: number, targets: readonly (string | null)[], fieldOf: (index: number) => string): Promise<(string | null)[]> {
  if (targets.every((t) => t === null)) return targets.map(() => null);
  const loaded = await loadTable(projectId);
  const known = new Set(loaded ? commentTargets(loaded.table).map((t) => t.value) : []);
  const i = targets.findIndex((t) => t !== null && !known.has(t));
  if (i >= 0) throw invalid('意见针对的行或字段在此表中不存在，请刷新后重新选择', { [fieldOf(i)]: ['此表中没有这一行或字段'] });
  return targets.map((t) => (t === null ? null : locationLabel(t, loaded!.table)));
}
