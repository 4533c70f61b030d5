/** What the administration pages show. Every reader checks `admin.manage` first. */
import { listProjectsOfUnitYear } from '@/db/queries/projects';
import { publishedNumbers, renumbered } from '@/lib/projects/numbering';
import { listRecentAudit } from '@/db/queries/audit';
import { findingTotalsByUnitYear, loadUnitYearBundles } from '@/db/queries/finding-counts';
import { listFrameworks } from '@/db/queries/frameworks';
import { getUnitYear, getUnitYearSummary, listUnits, listUnitYearSummaries } from '@/db/queries/units';
import { listAllMemberships, listUsers } from '@/db/queries/users';
import { delayedUsernames } from '@/lib/auth/sign-in-status';
import type { Actor } from '@/lib/auth/permissions';
import type { Framework } from '@/lib/domain/framework';
import { effectBasis } from '@/lib/domain/rules/effect';
import { requireAdmin } from '@/lib/projects/access';
import { ruleProfileOf } from '@/lib/projects/findings';
import { loadFramework } from '@/lib/projects/framework';
import { bundleToTable } from '@/lib/projects/mapping';
import { SYSTEM_USERNAME } from '@/lib/setup/bootstrap';

const NO_FINDINGS = { errors: 0, warnings: 0, tablesWithErrors: 0 };

export async function adminUnits(actor: Actor) {
  requireAdmin(actor);
  const totals = await findingTotalsByUnitYear();
  const years = (await listUnitYearSummaries()).map((y) => ({ ...y, findings: totals.get(y.id) ?? NO_FINDINGS }));
  return { units: await listUnits(), years, frameworks: await listFrameworks() };
}

/**
 * One unit-year's settings page: its summary, the stored profile, and the basis from which the profile
 * editor computes the effect of an edited profile (every table checked once per framework).
 */
export async function adminUnitYear(actor: Actor, unitYearId: number) {
  requireAdmin(actor);
  const row = await getUnitYear(unitYearId);
  const summary = await getUnitYearSummary(unitYearId);
  if (!row || !summary) return null;
  const frameworkRows = await listFrameworks();
  const frameworks: Record<string, Framework> = {};
  for (const f of frameworkRows) frameworks[String(f.id)] = await loadFramework(f.id);
  const tables = (await loadUnitYearBundles(unitYearId)).map(bundleToTable);
  const totals = await findingTotalsByUnitYear(unitYearId);
  const rows = await listProjectsOfUnitYear(unitYearId);
  const published = publishedNumbers(rows);
  const inOrder = renumbered(rows);
  return {
    summary,
    findings: totals.get(unitYearId) ?? NO_FINDINGS,
    profile: ruleProfileOf(row),
    frameworks: frameworkRows.map((f) => ({ id: f.id, name: f.name })),
    basis: effectBasis(tables, frameworks, row.year),
    numbering: { approved: published.size, isInOrder: [...inOrder].every(([id, n]) => published.get(id) === n) },
  };
}

export async function adminUsers(actor: Actor) {
  requireAdmin(actor);
  const memberships = await listAllMemberships();
  const delayed = await delayedUsernames(Date.now());
  return {
    users: (await listUsers()).map((u) => ({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      isAdmin: u.isAdmin,
      isDisabled: u.isDisabled,
      isDelayed: delayed.has(u.username),
      isSystem: u.username === SYSTEM_USERNAME,
      memberships: memberships.filter((m) => m.userId === u.id),
    })),
    units: await listUnits(),
  };
}

export async function adminAudit(actor: Actor, page: number) {
  requireAdmin(actor);
  return listRecentAudit(100, (page - 1) * 100);
}
