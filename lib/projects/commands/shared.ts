import { appendAudit } from '@/db/queries/audit';
import { findProjectByCode } from '@/db/queries/projects';
import { getUser } from '@/db/queries/users';
import { invalid } from '@/lib/actions/errors';
import type { Actor } from '@/lib/auth/permissions';

export type Who = { actor: Actor; ip: string | null };

export function auditProject(who: Who, action: string, projectId: number, unitId: number, changes?: unknown): void {
  appendAudit({
    userId: who.actor.id,
    username: who.actor.username,
    action,
    entity: 'project',
    entityId: projectId,
    unitId,
    changes,
    ip: who.ip,
  });
}

export function displayNameOf(userId: number | null): string | null {
  return userId === null ? null : (getUser(userId)?.displayName ?? null);
}

/** Project codes are unique within a unit-year; say so beside the field rather than fail on the index. */
export function assertCodeFree(unitYearId: number, code: string, exceptProjectId: number | null): void {
  const other = findProjectByCode(unitYearId, code);
  if (other && other.id !== exceptProjectId) {
    throw invalid(`项目编码 ${code} 已被本年度的“${other.name}”使用`, {
      'table.code': [`项目编码已被本年度的“${other.name}”使用`],
    });
  }
}
