/** Accounts from an XLSX or CSV sheet: a preview with every bad row, then the import in one transaction. */
import { write } from '@/db/client';
import { appendAuditMany, grantMembership, insertMembershipsMany, insertUsersMany, listAccountsWithRoles, type MembershipGrant } from '@/db/queries/departments';
import type { AuditEntry } from '@/db/queries/audit';
import { listUnits } from '@/db/queries/units';
import { updateUser } from '@/db/queries/users';
import { ActionError } from '@/lib/actions/errors';
import { generatePassword, hashGeneratedPassword, hashPassword } from '@/lib/auth/password';
import { requireAdmin } from '@/lib/projects/access';
import type { Who } from '@/lib/projects/commands/shared';
import { SYSTEM_USERNAME } from '@/lib/setup/bootstrap';
import { planUserImport, type UserPlan } from '../import/plan-users';
import { readSheetRows, type SheetRow } from '../import/read-rows';
import { rowErrorsRefusal, type ImportCounts } from './import-units';

const RESERVED = new Set([SYSTEM_USERNAME]);

async function currentPlan(rows: readonly SheetRow[]): Promise<UserPlan> {
  const units = await listUnits();
  return planUserImport(rows, await listAccountsWithRoles(), new Set(units.map((u) => u.code)), RESERVED);
}

export async function previewUserImport(who: Who, bytes: Uint8Array): Promise<UserPlan> {
  requireAdmin(who.actor);
  return currentPlan(await readSheetRows(bytes));
}

/**
 * New accounts must change their password at first sign-in; generated ones are returned once (the
 * only copy: only a hash is kept). Existing accounts keep their password and every role they hold.
 */
export async function importUsers(who: Who, bytes: Uint8Array): Promise<ImportCounts & { generated: { username: string; password: string }[] }> {
  requireAdmin(who.actor);
  const rows = await readSheetRows(bytes);
  const first = await currentPlan(rows);
  if (first.errors.length > 0) throw rowErrorsRefusal(first.errors);
  // Hashed before the transaction: nothing but database work runs inside write().
  const generated: { username: string; password: string }[] = [];
  const hashes = new Map<string, string>();
  await Promise.all(
    first.items
      .filter((i) => i.action === 'create')
      .map(async (i) => {
        if (i.password !== null) return hashes.set(i.username, await hashPassword(i.password));
        const password = generatePassword();
        generated.push({ username: i.username, password });
        return hashes.set(i.username, hashGeneratedPassword(password));
      }),
  );
  const units = new Map((await listUnits()).map((u) => [u.code, u.id]));
  const counts = await write(async () => {
    const plan = await currentPlan(rows);
    if (plan.errors.length > 0) throw rowErrorsRefusal(plan.errors);
    const accounts = new Map((await listAccountsWithRoles()).map((a) => [a.username, a]));
    const audits: AuditEntry[] = [];
    const log = (action: string, userId: number, changes: unknown, unitId: number | null = null) =>
      audits.push({ userId: who.actor.id, username: who.actor.username, action, entity: 'user', entityId: userId, unitId, changes, ip: who.ip });
    const unitOf = (code: string) => {
      const id = units.get(code);
      if (id === undefined) throw new ActionError('conflict', '导入期间单位有变化，请重新导入');
      return id;
    };
    const reach = (only: boolean) => (only ? '仅本单位' : '本单位及下级');
    // New accounts and their roles in a few statements: none of them can hold a role yet.
    const creates = plan.items.filter((i) => i.action === 'create');
    const newUsers = creates.map((it) => {
      const hash = hashes.get(it.username);
      if (!hash) throw new ActionError('conflict', '导入期间账户有变化，请重新导入');
      return { username: it.username, displayName: it.displayName, passwordHash: hash, isAdmin: it.isAdmin, mustChangePassword: true };
    });
    const ids = new Map((await insertUsersMany(newUsers)).map((u) => [u.username, u.id]));
    const grants: MembershipGrant[] = [];
    for (const it of creates) {
      const userId = ids.get(it.username)!;
      log('create', userId, { username: it.username, displayName: it.displayName, isAdmin: it.isAdmin, mustChangePassword: true });
      for (const g of it.grants) {
        grants.push({ userId, unitId: unitOf(g.unitCode), role: g.role, isThisUnitOnly: g.isThisUnitOnly });
        log('grant', userId, { unitId: unitOf(g.unitCode), role: g.role, before: null, after: reach(g.isThisUnitOnly) }, unitOf(g.unitCode));
      }
    }
    await insertMembershipsMany(grants);
    for (const it of plan.items.filter((i) => i.action === 'update')) {
      const now = accounts.get(it.username)!;
      if (it.changes.includes('姓名')) {
        await updateUser(now.id, { displayName: it.displayName });
        log('update', now.id, [{ field: 'displayName', before: now.displayName, after: it.displayName }]);
      }
      if (it.changes.includes('管理员')) {
        await updateUser(now.id, { isAdmin: true });
        log('grant-admin', now.id, [{ field: 'isAdmin', before: false, after: true }]);
      }
      for (const g of it.grants) {
        const unitId = unitOf(g.unitCode);
        const r = await grantMembership({ userId: now.id, unitId, role: g.role, isThisUnitOnly: g.isThisUnitOnly });
        if (r !== 'same') log('grant', now.id, { unitId, role: g.role, before: r.before === null ? null : reach(r.before), after: reach(g.isThisUnitOnly) }, unitId);
      }
    }
    await appendAuditMany(audits);
    const count = (a: string) => plan.items.filter((i) => i.action === a).length;
    return { created: count('create'), updated: count('update'), unchanged: count('unchanged') };
  });
  const created = new Set(first.items.filter((i) => i.action === 'create').map((i) => i.username));
  return { ...counts, generated: generated.filter((g) => created.has(g.username)).sort((a, b) => a.username.localeCompare(b.username)) };
}
