/**
 * What the running app reports of its database: for monitors (GET /health, public: constant cost, no
 * data) and for administrators' status page (where it lives and how big).
 */
import { databaseFacts, isDatabaseResponding, type DatabaseFacts } from '@/db/queries/status';
import type { Actor } from '@/lib/auth/permissions';
import { requireAdmin } from '@/lib/projects/access';

export type { DatabaseFacts };

export async function isDatabaseOk(): Promise<boolean> {
  return isDatabaseResponding();
}

/** `facts` is null when the database cannot be reached: the page still says so instead of failing. */
export async function databaseStatus(actor: Actor): Promise<{ isOk: boolean; facts: DatabaseFacts | null }> {
  requireAdmin(actor);
  const [isOk, facts] = await Promise.all([isDatabaseResponding(), databaseFacts().catch(() => null)]);
  return { isOk, facts };
}
