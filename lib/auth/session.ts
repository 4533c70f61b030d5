/**
 * Server-side sessions. The cookie holds a random token; the database keeps only its SHA-256, so a
 * stolen database copy cannot be replayed as a session.
 */
import { createHash, randomBytes } from 'node:crypto';
import { write } from '@/db/client';
import { listScopedMemberships, type ScopedMembership } from '@/db/queries/departments';
import { listReviewerReach, type GrantReach } from '@/db/queries/review-levels';
import { deleteSession, findSessionWithGrants, insertSession, pruneSessions, touchSession, trimSessionsOfUser } from '@/db/queries/users';
import type { MembershipRole, UserRow } from '@/db/schema';
import { grantLevel, type ReviewLevel } from '@/lib/domain/review-levels';
import type { Actor } from './permissions';
import { authSettings } from './policy';

export const SESSION_COOKIE = 'pt_session';
const TOUCH_EVERY_MS = 60_000;

function tokenId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(userId: number, ip: string | null, userAgent: string | null): Promise<{ token: string; expiresAt: number }> {
  const token = randomBytes(32).toString('base64url');
  const at = Date.now();
  const expiresAt = at + authSettings.sessionMaxHours * 3_600_000;
  const row = { id: tokenId(token), userId, createdAt: at, lastSeenAt: at, expiresAt, ip, userAgent: userAgent?.slice(0, 300) ?? null };
  await write(async () => {
    await pruneSessions(at, at - authSettings.sessionIdleMinutes * 60_000);
    await insertSession(row);
    // At most SESSION_MAX_PER_USER at once: a new sign-in ends the oldest (in the database, so on every app server).
    await trimSessionsOfUser(userId, authSettings.sessionMaxPerUser);
  });
  return { token, expiresAt };
}

/**
 * The actor with the units its roles reach: a role granted on a unit covers the unit's whole subtree
 * (unless granted for that unit only). Computed here, once per request, so every permission check,
 * list, queue, export and API answer that asks `can`/`unitsWith` follows the unit tree.
 */
export async function actorOf(user: UserRow): Promise<Actor> {
  return actorFrom(user, await listScopedMemberships(user.id), await listReviewerReach(user.id));
}

function actorFrom(user: UserRow, scoped: readonly ScopedMembership[], reach: readonly GrantReach[]): Actor {
  const memberships = new Map<number, MembershipRole[]>();
  for (const m of scoped) {
    const roles = memberships.get(m.unitId) ?? [];
    roles.push(m.role);
    memberships.set(m.unitId, roles);
  }
  return { id: user.id, username: user.username, displayName: user.displayName, isAdmin: user.isAdmin, memberships, reviewLevels: reviewLevelsOf(reach) };
}

/** The levels at which the user reviews each unit they review (lib/domain/review-levels.ts). */
function reviewLevelsOf(reach: readonly GrantReach[]): Map<number, ReviewLevel[]> {
  const out = new Map<number, ReviewLevel[]>();
  for (const r of reach) {
    const level = grantLevel(r.distance, r.isOnTop);
    const list = out.get(r.unitId) ?? [];
    if (!list.includes(level)) list.push(level);
    out.set(r.unitId, list);
  }
  return out;
}

export type SessionState = { actor: Actor; mustChangePassword: boolean } | null;

/** Resolves a cookie token to its user, enforcing idle and absolute timeouts. */
export async function resolveSession(token: string | undefined): Promise<SessionState> {
  if (!token || token.length > 100) return null;
  const id = tokenId(token);
  const found = await findSessionWithGrants(id);
  if (!found) return null;
  const at = Date.now();
  const idleLimit = authSettings.sessionIdleMinutes * 60_000;
  if (found.session.expiresAt < at || found.session.lastSeenAt + idleLimit < at || found.user.isDisabled) {
    await write(() => deleteSession(id));
    return null;
  }
  // Written at most once a minute per session: most requests only read.
  if (at - found.session.lastSeenAt > TOUCH_EVERY_MS) await write(() => touchSession(id, at));
  return { actor: actorFrom(found.user, found.memberships, found.reach), mustChangePassword: found.user.mustChangePassword };
}

export async function endSession(token: string | undefined): Promise<void> {
  if (token) await write(() => deleteSession(tokenId(token)));
}
