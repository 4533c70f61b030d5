import { beforeAll, describe, expect, it } from 'vitest';
import { listAuditFor } from '@/db/queries/audit';
import { findFrameworkByCode } from '@/db/queries/frameworks';
import { getProject } from '@/db/queries/projects';
import { findUserByUsername } from '@/db/queries/users';
import type { Actor } from '@/lib/auth/permissions';
import { checkTable } from '@/lib/domain/rules';
import { countFindings, ruleContextOf } from '@/lib/projects/findings';
import { getUnitYear } from '@/db/queries/units';
import { loadTable } from '@/lib/projects/read';
import { createTable } from '@/lib/projects/commands/create-table';
import { SYSTEM_USERNAME } from '@/lib/setup/bootstrap';
import { makeActor, makeUnitYear, seededDatabase } from '@/lib/testing/db';
import { sampleTable } from '@/lib/testing/tables';
import { resetPassword, setMembership, setUserAdmin, setUserDisabled, updateUnitYearSettings } from './commands';
import { ActionError } from '@/lib/actions/errors';

let admin: Actor;
let unitYearId: number;
let unitId: number;
const ids: number[] = [];
let fw2015: number;
let fw2021: number;

/** What the stored counts should be: the rules run afresh under the unit-year's current settings. */
async function expectedCounts(projectId: number) {
  return countFindings(checkTable((await loadTable(projectId))!.table, await ruleContextOf((await getUnitYear(unitYearId))!)));
}

/** The ActionError a command rejects with; fails the test when it does not refuse (lib/testing/refusal takes only synchronous calls). */
async function refusal(call: () => Promise<unknown>): Promise<ActionError> {
  try {
    await call();
  } catch (error) {
    if (error instanceof ActionError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

beforeAll(async () => {
  await seededDatabase();
  const a = await makeUnitYear('300003', 2024, '20.00');
  unitYearId = a.unitYear.id;
  unitId = a.unit.id;
  admin = await makeActor('admin-f', [], true);
  const owner = await makeActor('owner-f', [{ unitId, role: 'owner' }]);
  for (const code of ['13080024P00009810002A', '13080024P00009810002B']) ids.push((await createTable({ actor: owner, ip: null }, unitYearId, sampleTable(code))).projectId);
  fw2015 = (await findFrameworkByCode('cz2015'))!.id;
  fw2021 = (await findFrameworkByCode('cz2021'))!.id;
});

describe('unit-year settings keep the stored finding counts current', () => {
  it('a change of framework recounts every table in the same call', async () => {
    const before = (await Promise.all(ids.map((id) => getProject(id)))).map((p) => p!.errorCount);
    expect(before).toEqual([0, 0]);
    const r = await updateUnitYearSettings({ actor: admin, ip: null }, unitYearId, { frameworkId: fw2021, projectExpenditure: '20.00', ruleProfile: null });
    expect(r.recounted).toMatchObject({ tables: 2, changed: 2 });
    for (const id of ids) {
      const p = (await getProject(id))!;
      // A 2015 table in a 2021 year: cost in the wrong place, 可持续影响指标 unknown, 成本指标 missing.
      expect(p.errorCount).toBeGreaterThan(0);
      expect({ errors: p.errorCount, warnings: p.warningCount }).toEqual(await expectedCounts(id));
    }
  });

  it('a rule profile that switches rules off lowers the counts at once', async () => {
    const errorsBefore = (await getProject(ids[0]!))!.errorCount;
    const profile = JSON.stringify({ disabledRules: ['framework.other-framework', 'framework.level1-missing'] });
    await updateUnitYearSettings({ actor: admin, ip: null }, unitYearId, { frameworkId: fw2021, projectExpenditure: '20.00', ruleProfile: profile });
    const p = (await getProject(ids[0]!))!;
    expect(p.errorCount).toBeLessThan(errorsBefore);
    expect({ errors: p.errorCount, warnings: p.warningCount }).toEqual(await expectedCounts(ids[0]!));
  });

  it('back to the 2015 framework and the default profile: clean again, and the audit names only what changed', async () => {
    await updateUnitYearSettings({ actor: admin, ip: null }, unitYearId, { frameworkId: fw2015, projectExpenditure: '20.00', ruleProfile: null });
    expect((await Promise.all(ids.map((id) => getProject(id)))).map((p) => p!.errorCount)).toEqual([0, 0]);
    const last = (await listAuditFor('unit-year', unitYearId)).filter((a) => a.action === 'update').at(-1)!;
    expect(JSON.parse(last.changes!).map((c: { field: string }) => c.field).sort()).toEqual(['frameworkId', 'ruleProfile']);
  });

  it('a change of 项目支出 alone does not recount, and saving nothing new writes nothing', async () => {
    const r = await updateUnitYearSettings({ actor: admin, ip: null }, unitYearId, { frameworkId: fw2015, projectExpenditure: '21.00', ruleProfile: null });
    expect(r.recounted).toBeNull();
    const audits = (await listAuditFor('unit-year', unitYearId)).length;
    expect((await updateUnitYearSettings({ actor: admin, ip: null }, unitYearId, { frameworkId: fw2015, projectExpenditure: '21.00', ruleProfile: null })).recounted).toBeNull();
    expect((await listAuditFor('unit-year', unitYearId))).toHaveLength(audits);
  });

  it('an invalid profile is refused with the field named, and nothing changes', async () => {
    const e = await refusal(() =>
      updateUnitYearSettings({ actor: admin, ip: null }, unitYearId, { frameworkId: fw2021, projectExpenditure: '21.00', ruleProfile: '{"minSatisfaction": 120}' }),
    );
    expect(e.message).toBe('规则配置有误：满意度目标下限应在 0%–100% 之间');
    expect((await getUnitYear(unitYearId))!.frameworkId).toBe(fw2015);
  });
});

describe('the administrator role', () => {
  it('is granted and taken away by an administrator, audited with before and after, and holds at the next request', async () => {
    const other = await makeActor('becomes-admin', []);
    await setUserAdmin({ actor: admin, ip: null }, other.id, true);
    expect((await findUserByUsername('becomes-admin'))!.isAdmin).toBe(true);
    await setUserAdmin({ actor: admin, ip: null }, other.id, true); // already: nothing written
    await setUserAdmin({ actor: admin, ip: null }, other.id, false);
    expect((await findUserByUsername('becomes-admin'))!.isAdmin).toBe(false);
    const trail = (await listAuditFor('user', other.id)).map((r) => [r.action, r.changes]);
    expect(trail).toEqual([
      ['grant-admin', JSON.stringify([{ field: 'isAdmin', before: false, after: true }])],
      ['revoke-admin', JSON.stringify([{ field: 'isAdmin', before: true, after: false }])],
    ]);
  });

  it('is never taken by an administrator from themselves, nor given by a non-administrator or to the system account', async () => {
    expect((await refusal(() => setUserAdmin({ actor: admin, ip: null }, admin.id, false))).message).toContain('不能取消自己的管理员角色');
    expect((await findUserByUsername('admin-f'))!.isAdmin).toBe(true);
    const owner = await makeActor('wants-admin', [{ unitId, role: 'owner' }]);
    expect((await refusal(() => setUserAdmin({ actor: owner, ip: null }, owner.id, true))).code).toBe('denied');
    expect((await findUserByUsername('wants-admin'))!.isAdmin).toBe(false);
    const system = (await findUserByUsername(SYSTEM_USERNAME))!;
    expect((await refusal(() => setUserAdmin({ actor: admin, ip: null }, system.id, true))).message).toContain('系统账户');
  });
});

describe('user administration writes what changed, and only that', () => {
  it('a role granted twice is audited once, with before and after; a reset password says the password changed, never what it is', async () => {
    const u = await makeActor('member-twice', []);
    await setMembership({ actor: admin, ip: null }, u.id, unitId, 'reviewer', true);
    await setMembership({ actor: admin, ip: null }, u.id, unitId, 'reviewer', true);
    await setMembership({ actor: admin, ip: null }, u.id, unitId, 'owner', false); // never held
    const grants = (await listAuditFor('user', u.id)).filter((r) => r.action === 'grant' || r.action === 'revoke');
    expect(grants.map((r) => [r.action, JSON.parse(r.changes!)])).toEqual([['grant', { unitId, role: 'reviewer', before: false, after: true }]]);
    const { temporaryPassword } = await resetPassword({ actor: admin, ip: null }, u.id);
    const reset = (await listAuditFor('user', u.id)).find((r) => r.action === 'reset-password')!;
    expect(JSON.parse(reset.changes!)).toEqual([
      { field: 'password', before: '（原密码）', after: '（临时密码）' },
      { field: 'mustChangePassword', before: false, after: true },
    ]);
    expect(reset.changes).not.toContain(temporaryPassword);
  });

  it('an administrator whose role was taken meanwhile cannot act on the session they still hold', async () => {
    const a = await makeActor('admin-one', [], true);
    const b = await makeActor('admin-two', [], true);
    // b takes a's role; a's request, authorised from a's session read before, then arrives.
    await setUserAdmin({ actor: b, ip: null }, a.id, false);
    expect((await refusal(() => setUserAdmin({ actor: a, ip: null }, b.id, false))).code).toBe('denied');
    expect((await findUserByUsername('admin-two'))!.isAdmin).toBe(true);
    expect((await refusal(() => setUserDisabled({ actor: a, ip: null }, b.id, true))).code).toBe('denied');
  });
});

describe('the command line’s system account', () => {
  it('cannot be enabled, given a password or given a unit role', async () => {
    const system = (await findUserByUsername(SYSTEM_USERNAME))!;
    expect((await refusal(() => setUserDisabled({ actor: admin, ip: null }, system.id, false))).message).toContain('系统账户');
    await expect(resetPassword({ actor: admin, ip: null }, system.id)).rejects.toThrow('系统账户');
    expect((await refusal(() => setMembership({ actor: admin, ip: null }, system.id, unitId, 'owner', true))).message).toContain('系统账户');
    expect((await findUserByUsername(SYSTEM_USERNAME))!.isDisabled).toBe(true);
  });
});
