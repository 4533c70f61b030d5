/** Administration: units, unit-years, accounts and memberships. Every command checks admin rights and audits. */
import { randomBytes } from 'node:crypto';
import { write } from '@/db/client';
import { appendAudit } from '@/db/queries/audit';
import { getFrameworkWithCategories } from '@/db/queries/frameworks';
import { findUnitByCode, findUnitYear, getUnit, getUnitYear, insertUnit, insertUnitYear, updateUnitName, updateUnitYear } from '@/db/queries/units';
import { regradeSelfEvals } from '@/db/queries/selfeval';
import {
  addMembership,
  deleteSessionsOfUser,
  findUserByUsername,
  getUser,
  insertUser,
  removeMembership,
  setPassword,
  updateUser,
} from '@/db/queries/users';
import type { MembershipRole } from '@/db/schema';
import { denied, invalid, notFound } from '@/lib/actions/errors';
import { hashPassword } from '@/lib/auth/password';
import { checkPasswordPolicy } from '@/lib/auth/policy';
import { parseWanyuan } from '@/lib/domain/money';
import { DEFAULT_RULE_PROFILE, ruleProfileSchema } from '@/lib/domain/rules';
import { requireAdmin } from '@/lib/projects/access';
import { recountUnitYear, ruleProfileOf } from '@/lib/projects/findings';
import { relightReports } from '@/lib/monitoring/relight';
import { THRESHOLD_FIELDS } from './profile-draft';
import { SYSTEM_USERNAME } from '@/lib/setup/bootstrap';
import type { Who } from '@/lib/projects/commands/shared';

function audit(who: Who, action: string, entity: string, entityId: number, changes: unknown, unitId: number | null = null): Promise<void> {
  return appendAudit({ userId: who.actor.id, username: who.actor.username, action, entity, entityId, unitId, changes, ip: who.ip });
}

function expenditure(value: string | null): number | null {
  if (value === null || value === '') return null;
  const r = parseWanyuan(value);
  if (!r.ok) throw invalid(`项目支出：${r.message}`, { projectExpenditure: [r.message] });
  return r.yuan;
}

/**
 * Inside the write transaction: the acting administrator is still one, and enabled. Two administrators
 * taking each other's role (or account) at the same moment must not both succeed and leave none.
 */
async function stillAdmin(who: Who): Promise<void> {
  const me = await getUser(who.actor.id);
  if (!me?.isAdmin || me.isDisabled) throw denied();
}

/**
 * Administration decides on what it read (“still an administrator”, “not the last one”): SERIALIZABLE on
 * PostgreSQL, so two administrators acting at once cannot both pass (write skew). It is rare work.
 */
function adminWrite<T>(fn: () => Promise<T>): Promise<T> {
  return write(fn, { isolation: 'serializable' });
}

/** The command line's own account stays disabled and roleless, so nobody can ever sign in as it. */
function refuseSystemAccount(username: string, what: string): void {
  if (username === SYSTEM_USERNAME) throw invalid(`“${SYSTEM_USERNAME}”是命令行使用的系统账户，不能${what}`);
}

async function frameworkExists(id: number): Promise<void> {
  if (!(await getFrameworkWithCategories(id))) throw invalid('指标体系不存在', { frameworkId: ['指标体系不存在'] });
}

export async function createUnit(who: Who, code: string, name: string): Promise<{ unitId: number }> {
  requireAdmin(who.actor);
  return adminWrite(async () => {
    if (await findUnitByCode(code)) throw invalid(`单位编码 ${code} 已存在`, { code: ['单位编码已存在'] });
    const u = await insertUnit(code, name);
    await audit(who, 'create', 'unit', u.id, { code, name }, u.id);
    return { unitId: u.id };
  });
}

export async function renameUnit(who: Who, unitId: number, name: string): Promise<void> {
  requireAdmin(who.actor);
  await adminWrite(async () => {
    const u = await getUnit(unitId);
    if (!u) throw notFound('单位');
    await updateUnitName(unitId, name);
    await audit(who, 'update', 'unit', unitId, [{ field: 'name', before: u.name, after: name }], unitId);
  });
}

export async function createUnitYear(who: Who, unitId: number, year: number, frameworkId: number, projectExpenditure: string | null): Promise<{ unitYearId: number }> {
  requireAdmin(who.actor);
  return adminWrite(async () => {
    if (!(await getUnit(unitId))) throw notFound('单位');
    await frameworkExists(frameworkId);
    if (await findUnitYear(unitId, year)) throw invalid(`该单位已有 ${year} 年度`, { year: ['该年度已存在'] });
    const uy = await insertUnitYear(unitId, year, { frameworkId, projectExpenditureYuan: expenditure(projectExpenditure), ruleProfile: null });
    await audit(who, 'create', 'unit-year', uy.id, { year, frameworkId, projectExpenditure }, unitId);
    return { unitYearId: uy.id };
  });
}

const PROFILE_LABELS: Record<string, string> = {
  ...Object.fromEntries(THRESHOLD_FIELDS.map((f) => [f.field, f.label])),
  codePattern: '项目编码格式',
  disabledRules: '停用的规则',
};

/** Parses an edited rule profile; the message names the field that is wrong. */
export function parseRuleProfileText(text: string | null): string | null {
  if (text === null || text.trim() === '') return null;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw invalid('规则配置不是有效的 JSON', { ruleProfile: ['不是有效的 JSON'] });
  }
  const parsed = ruleProfileSchema.safeParse({ ...DEFAULT_RULE_PROFILE, ...(typeof json === 'object' && json ? json : {}) });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const field = String(issue?.path[0] ?? '');
    const msg = `${PROFILE_LABELS[field] ?? field}${issue?.message ?? ''}`;
    throw invalid(`规则配置有误：${msg}`, { ruleProfile: [msg] });
  }
  return JSON.stringify(parsed.data);
}

export type UnitYearSettingsResult = { recounted: { tables: number; changed: number; errors: number; warnings: number } | null };

export async function updateUnitYearSettings(
  who: Who,
  unitYearId: number,
  fields: { frameworkId: number; projectExpenditure: string | null; ruleProfile: string | null },
): Promise<UnitYearSettingsResult> {
  requireAdmin(who.actor);
  return adminWrite(async () => {
    const uy = await getUnitYear(unitYearId);
    if (!uy) throw notFound('预算年度');
    await frameworkExists(fields.frameworkId);
    const next = {
      frameworkId: fields.frameworkId,
      projectExpenditureYuan: expenditure(fields.projectExpenditure),
      ruleProfile: parseRuleProfileText(fields.ruleProfile),
    };
    const changes = (Object.keys(next) as (keyof typeof next)[])
      .filter((field) => uy[field] !== next[field])
      .map((field) => ({ field, before: uy[field], after: next[field] }));
    if (changes.length === 0) return { recounted: null };
    await updateUnitYear(unitYearId, next);
    // The stored counts follow the framework and the profile; recount in this transaction so no list
    // or review queue ever shows counts from the old settings.
    const affectsCounts = changes.some((c) => c.field !== 'projectExpenditureYuan');
    const recount = affectsCounts ? await recountUnitYear({ ...uy, ...next }) : null;
    await audit(who, 'update', 'unit-year', unitYearId, changes, uy.unitId);
    // Stored monitoring lights follow the thresholds, in this same transaction (audited per round).
    const thresholdsBefore = JSON.stringify(ruleProfileOf(uy).lightThresholds);
    if (JSON.stringify(ruleProfileOf({ ...uy, ...next }).lightThresholds) !== thresholdsBefore) await relightReports(who, { kind: 'thresholds', unitYear: { ...uy, ...next } });
    // Stored 自评等级 follow the grade thresholds the same way (the scores do not change).
    const gradesAfter = ruleProfileOf({ ...uy, ...next }).gradeThresholds;
    if (JSON.stringify(gradesAfter) !== JSON.stringify(ruleProfileOf(uy).gradeThresholds)) await regradeSelfEvals(unitYearId, gradesAfter);
    return {
      recounted: recount && { tables: recount.tables, changed: recount.changed, errors: recount.errors, warnings: recount.warnings },
    };
  });
}

export async function createUser(who: Who, input: { username: string; displayName: string; password: string; isAdmin: boolean }): Promise<{ userId: number }> {
  requireAdmin(who.actor);
  const policy = checkPasswordPolicy(input.password, input.username);
  if (policy) throw invalid(policy, { password: [policy] });
  const hash = await hashPassword(input.password);
  return adminWrite(async () => {
    if (await findUserByUsername(input.username)) throw invalid('用户名已存在', { username: ['用户名已存在'] });
    const u = await insertUser({ username: input.username, displayName: input.displayName, passwordHash: hash, isAdmin: input.isAdmin, mustChangePassword: true });
    await audit(who, 'create', 'user', u.id, { username: input.username, displayName: input.displayName, isAdmin: input.isAdmin });
    return { userId: u.id };
  });
}

export async function setUserDisabled(who: Who, userId: number, isDisabled: boolean): Promise<void> {
  requireAdmin(who.actor);
  if (userId === who.actor.id && isDisabled) throw invalid('不能停用自己的账户');
  await adminWrite(async () => {
    await stillAdmin(who);
    const u = await getUser(userId);
    if (!u) throw notFound('用户');
    if (!isDisabled) refuseSystemAccount(u.username, '启用');
    await updateUser(userId, { isDisabled });
    if (isDisabled) await deleteSessionsOfUser(userId);
    await audit(who, isDisabled ? 'disable' : 'enable', 'user', userId, [{ field: 'isDisabled', before: u.isDisabled, after: isDisabled }]);
  });
}

/**
 * Grants or takes away the administrator role. Nobody takes it from themselves, so the app always
 * keeps at least the administrator who acts. Sessions read the user afresh on every request, so the
 * change holds from the user's next request.
 */
export async function setUserAdmin(who: Who, userId: number, isAdmin: boolean): Promise<void> {
  requireAdmin(who.actor);
  if (userId === who.actor.id && !isAdmin) throw invalid('不能取消自己的管理员角色，请由另一位管理员操作');
  await adminWrite(async () => {
    await stillAdmin(who);
    const u = await getUser(userId);
    if (!u) throw notFound('用户');
    if (isAdmin) refuseSystemAccount(u.username, '设为管理员');
    if (u.isAdmin === isAdmin) return;
    await updateUser(userId, { isAdmin });
    await audit(who, isAdmin ? 'grant-admin' : 'revoke-admin', 'user', userId, [{ field: 'isAdmin', before: u.isAdmin, after: isAdmin }]);
  });
}

/** Sets a random temporary password that must be changed at next sign-in; returned once to the admin. */
export async function resetPassword(who: Who, userId: number): Promise<{ temporaryPassword: string }> {
  requireAdmin(who.actor);
  const temporaryPassword = `Tmp${randomBytes(6).toString('base64url').replace(/[^A-Za-z0-9]/g, 'x')}9`;
  const hash = await hashPassword(temporaryPassword);
  await adminWrite(async () => {
    const u = await getUser(userId);
    if (!u) throw notFound('用户');
    refuseSystemAccount(u.username, '重置密码');
    await setPassword(userId, hash, true);
    await deleteSessionsOfUser(userId);
    // The password itself is never written to the log, only that it changed.
    await audit(who, 'reset-password', 'user', userId, [
      { field: 'password', before: '（原密码）', after: '（临时密码）' },
      { field: 'mustChangePassword', before: u.mustChangePassword, after: true },
    ]);
  });
  return { temporaryPassword };
}

export async function setMembership(who: Who, userId: number, unitId: number, role: MembershipRole, isMember: boolean): Promise<void> {
  requireAdmin(who.actor);
  await adminWrite(async () => {
    const u = await getUser(userId);
    if (!u) throw notFound('用户');
    if (!(await getUnit(unitId))) throw notFound('单位');
    if (isMember) refuseSystemAccount(u.username, '授予单位角色');
    const isChanged = isMember ? await addMembership(userId, unitId, role) : await removeMembership(userId, unitId, role);
    // Granting a role already held (or taking one not held) changes nothing and is not audited.
    if (isChanged) await audit(who, isMember ? 'grant' : 'revoke', 'user', userId, { unitId, role, before: !isMember, after: isMember }, unitId);
  });
}
