/**
 * The subtree rule, through the one place it lives (actorOf): a role on a department reaches its
 * units at any depth, "this unit only" keeps it to the unit, a sibling department sees nothing; and a
 * move that would close a cycle is refused inside the transaction, a real move audited.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { listAuditFor } from '@/db/queries/audit';
import { findUnitByCode } from '@/db/queries/units';
import { can, unitsWith, type Actor } from '@/lib/auth/permissions';
import { visibleUnitYears } from '@/lib/projects/list';
import { reviewQueue } from '@/lib/projects/review-queue';
import { createTable } from '@/lib/projects/commands/create-table';
import { transitionTable } from '@/lib/projects/commands/transition-table';
import { makeActor, makeUnitYear, seededDatabase } from '@/lib/testing/db';
import { refusal } from '@/lib/testing/refusal';
import { sampleTable } from '@/lib/testing/tables';
import { systemActor } from '@/lib/setup/bootstrap';
import { findUserByUsername } from '@/db/queries/users';
import { createUnitInTree } from './commands/create-unit';
import { grantRole } from './commands/grant-role';
import { moveUnit } from './commands/move-unit';
import { updateUnitInTree } from './commands/update-unit';

let cli: { actor: Actor; ip: null };
const ids: Record<string, number> = {};
const unitYears: Record<string, number> = {};

beforeAll(async () => {
  await seededDatabase();
  cli = { actor: await systemActor(), ip: null };
  await createUnitInTree(cli, { code: '4410', name: '某主管部门' });
  await createUnitInTree(cli, { code: '4420', name: '另一主管部门' });
  for (const code of ['441001', '44100101', '442001']) {
    const { unit, unitYear } = await makeUnitYear(code);
    ids[code] = unit.id;
    unitYears[code] = unitYear.id;
  }
  ids['4410'] = (await findUnitByCode('4410'))!.id;
  ids['4420'] = (await findUnitByCode('4420'))!.id;
  await updateUnitInTree(cli, { code: '441001', parentCode: '4410' });
  await updateUnitInTree(cli, { code: '44100101', parentCode: '441001' });
  await updateUnitInTree(cli, { code: '442001', parentCode: '4420' });
  // A submitted table in each unit, by its own owner.
  for (const code of ['441001', '44100101', '442001']) {
    const owner = await makeActor(`owner${code}`, [{ unitId: ids[code]!, role: 'owner' }]);
    const { projectId, version } = await createTable({ actor: owner, ip: null }, unitYears[code]!, sampleTable(`13080024P0000981000${code.length}A`));
    await transitionTable({ actor: owner, ip: null }, 'submit', { projectId, version });
  }
});

describe('a role on a department covers its subtree', () => {
  it('a reviewer of 4410 reviews 441001 and its own sub-unit, and nothing of 4420', async () => {
    const reviewer = await makeActor('rev4410', [{ unitId: ids['4410']!, role: 'reviewer' }]);
    expect(can(reviewer, 'project.review', ids['441001']!)).toBe(true);
    expect(can(reviewer, 'project.review', ids['44100101']!)).toBe(true);
    expect(can(reviewer, 'project.review', ids['442001']!)).toBe(false);
    expect(can(reviewer, 'project.edit', ids['441001']!)).toBe(false);
    expect(unitsWith(reviewer, 'project.view')!.sort()).toEqual([ids['4410'], ids['441001'], ids['44100101']].sort());
    expect((await visibleUnitYears(reviewer)).map((u) => u.unitCode).sort()).toEqual(['441001', '44100101']);
    const queue = await reviewQueue(reviewer, {});
    expect(queue.rows.map((r) => r.unitYearId).sort()).toEqual([unitYears['441001'], unitYears['44100101']].sort());
  });

  it('a reviewer of the sibling department 4420 gets none of 4410’s', async () => {
    const sibling = await makeActor('rev4420', [{ unitId: ids['4420']!, role: 'reviewer' }]);
    expect((await visibleUnitYears(sibling)).map((u) => u.unitCode)).toEqual(['442001']);
    expect((await reviewQueue(sibling, {})).rows.map((r) => r.unitYearId)).toEqual([unitYears['442001']]);
  });

  it('"this unit only" keeps the role to the unit it was granted on', async () => {
    await makeActor('only4410', []);
    const u = (await findUserByUsername('only4410'))!;
    expect(await grantRole(cli, { userId: u.id, unitId: ids['441001']!, role: 'reviewer', isThisUnitOnly: true })).toEqual({ isChanged: true });
    const { actorOf } = await import('@/lib/auth/session');
    const only = await actorOf(u);
    expect(can(only, 'project.review', ids['441001']!)).toBe(true);
    expect(can(only, 'project.review', ids['44100101']!)).toBe(false);
    // Granted again with the whole reach: one change, audited; granted the same way again: nothing.
    expect(await grantRole(cli, { userId: u.id, unitId: ids['441001']!, role: 'reviewer', isThisUnitOnly: false })).toEqual({ isChanged: true });
    expect(await grantRole(cli, { userId: u.id, unitId: ids['441001']!, role: 'reviewer', isThisUnitOnly: false })).toEqual({ isChanged: false });
    expect(can(await actorOf(u), 'project.review', ids['44100101']!)).toBe(true);
  });

  it('a move follows at once: 441001 moved to 4420 leaves the 4410 reviewer', async () => {
    await moveUnit(cli, ids['441001']!, ids['4420']!);
    const reviewer = await makeActor('rev4410b', [{ unitId: ids['4410']!, role: 'reviewer' }]);
    expect(can(reviewer, 'project.view', ids['44100101']!)).toBe(false);
    await moveUnit(cli, ids['441001']!, ids['4410']!);
    const again = await makeActor('rev4410c', [{ unitId: ids['4410']!, role: 'reviewer' }]);
    expect(can(again, 'project.view', ids['44100101']!)).toBe(true);
  });
});

describe('moving units', () => {
  it('refuses a cycle (under itself or under its own descendant) and changes nothing', async () => {
    const self = await refusal(() => moveUnit(cli, ids['4410']!, ids['4410']!));
    expect(self.message).toContain('不能作为自己的上级');
    const below = await refusal(() => updateUnitInTree(cli, { code: '4410', parentCode: '44100101' }));
    expect(below.fieldErrors).toHaveProperty('parent');
    expect(below.message).toContain('是 4410 的下级单位');
    expect((await findUnitByCode('4410'))!.parentId).toBeNull();
  });

  it('audits each move with the parent before and after, and a move to where it is writes nothing', async () => {
    const before = (await listAuditFor('unit', ids['44100101']!)).length;
    expect(await moveUnit(cli, ids['44100101']!, ids['441001']!)).toEqual({ isMoved: false });
    await moveUnit(cli, ids['44100101']!, null);
    const log = await listAuditFor('unit', ids['44100101']!);
    expect(log.length).toBe(before + 1);
    expect(log.some((a) => a.action === 'move' && (typeof a.changes === 'string' ? a.changes : JSON.stringify(a.changes)).includes('"before":"441001","after":null'))).toBe(true);
  });

  it('is for administrators only', async () => {
    const owner = await makeActor('plainowner', [{ unitId: ids['4410']!, role: 'owner' }]);
    expect((await refusal(() => moveUnit({ actor: owner, ip: null }, ids['4420']!, ids['4410']!))).code).toBe('denied');
  });
});
