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
import { refusal } from '@/lib/testing/refusal';

let admin: Actor;
let unitYearId: number;
let unitId: number;
const ids: number[] = [];
let fw2015: number;
let fw2021: number;

/** What the stored counts should be: the rules run afresh under the unit-year's current settings. */
function expectedCounts(projectId: number) {
  return countFindings(checkTable(loadTable(projectId)!.table, ruleContextOf(getUnitYear(unitYearId)!)));
}

beforeAll(async () => {
  await seededDatabase();
  const a = makeUnitYear('300003', 2024, '20.00');
  unitYearId = a.unitYear.id;
  unitId = a.unit.id;
  admin = makeActor('admin-f', [], true);
  const owner = makeActor('owner-f', [{ unitId, role: 'owner' }]);
  for (const code of ['13080024P00009810002A', '13080024P00009810002B']) ids.push(createTable({ actor: owner, ip: null }, unitYearId, sampleTable(code)).projectId);
  fw2015 = findFrameworkByCode('cz2015')!.id;
  fw2021 = findFrameworkByCode('cz2021')!.id;
});

describe('unit-year settings keep the stored finding counts current', () => {
  it('a change of framework recounts every table in the same call', () => {
    const before = ids.map((id) => getProject(id)!.errorCount);
    expect(before).toEqual([0, 0]);
    const r = updateUnitYearSettings({ actor: admin, ip: null }, unitYearId, { frameworkId: fw2021, projectExpenditure: '20.00', ruleProfile: null });
    expect(r.recounted).toMatchObject({ tables: 2, changed: 2 });
    for (const id of ids) {
      const p = getProject(id)!;
      // A 2015 table in a 2021 year: cost in the wrong place, 可持续影响指标 unknown, 成本指标 missing.
      expect(p.errorCount).toBeGreaterThan(0);
      expect({ errors: p.errorCount, warnings: p.warningCount }).toEqual(expectedCounts(id));
    }
  });

  it('a rule profile that switches rules off lowers the counts at once', () => {
    const errorsBefore = getProject(ids[0]!)!.errorCount;
    const profile = JSON.stringify({ disabledRules: ['framework.other-framework', 'framework.level1-missing'] });
    updateUnitYearSettings({ actor: admin, ip: null }, unitYearId, { frameworkId: fw2021, projectExpenditure: '20.00', ruleProfile: profile });
    const p = getProject(ids[0]!)!;
    expect(p.errorCount).toBeLessThan(errorsBefore);
    expect({ errors: p.errorCount, warnings: p.warningCount }).toEqual(expectedCounts(ids[0]!));
  });

  it('back to the 2015 framework and the default profile: clean again, and the audit names only what changed', () => {
    updateUnitYearSettings({ actor: admin, ip: null }, unitYearId, { frameworkId: fw2015, projectExpenditure: '20.00', ruleProfile: null });
    expect(ids.map((id) => getProject(id)!.errorCount)).toEqual([0, 0]);
    const last = listAuditFor('unit-year', unitYearId).filter((a) => a.action === 'update').at(-1)!;
    expect(JSON.parse(last.changes!).map((c: { field: string }) => c.field).sort()).toEqual(['frameworkId', 'ruleProfile']);
  });

  it('a change of 项目支出 alone does not recount, and saving nothing new writes nothing', () => {
    const r = updateUnitYearSettings({ actor: admin, ip: null }, unitYearId, { frameworkId: fw2015, projectExpenditure: '21.00', ruleProfile: null });
    expect(r.recounted).toBeNull();
    const audits = listAuditFor('unit-year', unitYearId).length;
    expect(updateUnitYearSettings({ actor: admin, ip: null }, unitYearId, { frameworkId: fw2015, projectExpenditure: '21.00', ruleProfile: null }).recounted).toBeNull();
    expect(listAuditFor('unit-year', unitYearId)).toHaveLength(audits);
  });

  it('an invalid profile is refused with the field named, and nothing changes', () => {
    const e = refusal(() =>
      updateUnitYearSettings({ actor: admin, ip: null }, unitYearId, { frameworkId: fw2021, projectExpenditure: '21.00', ruleProfile: '{"minSatisfaction": 120}' }),
    );
    expect(e.message).toBe('规则配置有误：满意度目标下限应在 0%–100% 之间');
    expect(getUnitYear(unitYearId)!.frameworkId).toBe(fw2015);
  });
});

describe('the administrator role', () => {
  it('is granted and taken away by an administrator, audited with before and after, and holds at the next request', () => {
    const other = makeActor('becomes-admin', []);
    setUserAdmin({ actor: admin, ip: null }, other.id, true);
    expect(findUserByUsername('becomes-admin')!.isAdmin).toBe(true);
    setUserAdmin({ actor: admin, ip: null }, other.id, true); // already: nothing written
    setUserAdmin({ actor: admin, ip: null }, other.id, false);
    expect(findUserByUsername('becomes-admin')!.isAdmin).toBe(false);
    const trail = listAuditFor('user', other.id).map((r) => [r.action, r.changes]);
    expect(trail).toEqual([
      ['grant-admin', JSON.stringify([{ field: 'isAdmin', before: false, after: true }])],
      ['revoke-admin', JSON.stringify([{ field: 'isAdmin', before: true, after: false }])],
    ]);
  });

  it('is never taken by an administrator from themselves, nor given by a non-administrator or to the system account', () => {
    expect(refusal(() => setUserAdmin({ actor: admin, ip: null }, admin.id, false)).message).toContain('不能取消自己的管理员角色');
    expect(findUserByUsername('admin-f')!.isAdmin).toBe(true);
    const owner = makeActor('wants-admin', [{ unitId, role: 'owner' }]);
    expect(refusal(() => setUserAdmin({ actor: owner, ip: null }, owner.id, true)).code).toBe('denied');
    expect(findUserByUsername('wants-admin')!.isAdmin).toBe(false);
    const system = findUserByUsername(SYSTEM_USERNAME)!;
    expect(refusal(() => setUserAdmin({ actor: admin, ip: null }, system.id, true)).message).toContain('系统账户');
  });
});

describe('user administration writes what changed, and only that', () => {
  it('a role granted twice is audited once, with before and after; a reset password says the password changed, never what it is', async () => {
    const u = makeActor('member-twice', []);
    setMembership({ actor: admin, ip: null }, u.id, unitId, 'reviewer', true);
    setMembership({ actor: admin, ip: null }, u.id, unitId, 'reviewer', true);
    setMembership({ actor: admin, ip: null }, u.id, unitId, 'owner', false); // never held
    const grants = listAuditFor('user', u.id).filter((r) => r.action === 'grant' || r.action === 'revoke');
    expect(grants.map((r) => [r.action, JSON.parse(r.changes!)])).toEqual([['grant', { unitId, role: 'reviewer', before: false, after: true }]]);
    const { temporaryPassword } = await resetPassword({ actor: admin, ip: null }, u.id);
    const reset = listAuditFor('user', u.id).find((r) => r.action === 'reset-password')!;
    expect(JSON.parse(reset.changes!)).toEqual([
      { field: 'password', before: '（原密码）', after: '（临时密码）' },
      { field: 'mustChangePassword', before: false, after: true },
    ]);
    expect(reset.changes).not.toContain(temporaryPassword);
  });

  it('an administrator whose role was taken meanwhile cannot act on the session they still hold', () => {
    const a = makeActor('admin-one', [], true);
    const b = makeActor('admin-two', [], true);
    // b takes a's role; a's request, authorised from a's session read before, then arrives.
    setUserAdmin({ actor: b, ip: null }, a.id, false);
    expect(refusal(() => setUserAdmin({ actor: a, ip: null }, b.id, false)).code).toBe('denied');
    expect(findUserByUsername('admin-two')!.isAdmin).toBe(true);
    expect(refusal(() => setUserDisabled({ actor: a, ip: null }, b.id, true)).code).toBe('denied');
  });
});

describe('the command line’s system account', () => {
  it('cannot be enabled, given a password or given a unit role', async () => {
    const system = findUserByUsername(SYSTEM_USERNAME)!;
    expect(refusal(() => setUserDisabled({ actor: admin, ip: null }, system.id, false)).message).toContain('系统账户');
    await expect(resetPassword({ actor: admin, ip: null }, system.id)).rejects.toThrow('系统账户');
    expect(refusal(() => setMembership({ actor: admin, ip: null }, system.id, unitId, 'owner', true)).message).toContain('系统账户');
    expect(findUserByUsername(SYSTEM_USERNAME)!.isDisabled).toBe(true);
  });
});
