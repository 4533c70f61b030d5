import { describe, expect, it } from 'vitest';
import { can, PERMISSIONS, ROLE_PERMISSIONS, unitsWith, type Actor } from './permissions';

const actor = (isAdmin: boolean, memberships: [number, ('owner' | 'reviewer')[]][]): Actor => ({
  id: 1,
  username: 'u',
  displayName: 'u',
  isAdmin,
  memberships: new Map(memberships),
});

describe('permissions', () => {
  it('grants unit roles only within their unit', () => {
    const owner = actor(false, [[1, ['owner']]]);
    expect(can(owner, 'project.edit', 1)).toBe(true);
    expect(can(owner, 'project.edit', 2)).toBe(false);
    expect(can(owner, 'project.review', 1)).toBe(false);
  });

  it('keeps authoring and reviewing apart', () => {
    expect(ROLE_PERMISSIONS.reviewer).not.toContain('project.edit');
    expect(ROLE_PERMISSIONS.owner).not.toContain('project.review');
    expect(ROLE_PERMISSIONS.admin).not.toContain('project.edit');
  });

  it('gives nobody anything without a session', () => {
    for (const p of PERMISSIONS) expect(can(null, p, 1)).toBe(false);
  });

  it('lists the units a permission covers; admin permissions cover all', () => {
    const both = actor(false, [
      [1, ['owner']],
      [2, ['reviewer']],
    ]);
    expect(unitsWith(both, 'project.edit')).toEqual([1]);
    expect(unitsWith(both, 'project.view')).toEqual([1, 2]);
    expect(unitsWith(actor(true, []), 'project.view')).toBeNull();
    expect(unitsWith(actor(true, []), 'project.edit')).toEqual([]);
  });
});
