/**
 * One number per table (issue 19 item 9): the staff pages and every export with drafts use the list's
 * 序号; the published section uses the published number, fixed at approval, which a later approval
 * does not change and only the administrator's 重新编号 does.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { write } from '@/db/client';
import { listProjectsOfUnitYear } from '@/db/queries/projects';
import { loadDemo } from '@/lib/setup/demo';
import { makeActor, freshDatabase } from '@/lib/testing/db';
import { deleteTable } from './commands/delete-table';
import { renumberUnitYear } from './commands/renumber-unit-year';
import { transitionTable } from './commands/transition-table';
import { listAuditFor } from '@/db/queries/audit';
import { printedNumberOf, sectionById, tableNumbers } from './section';

async function exportedNumbers(unitYearId: number, includeDrafts: boolean): Promise<Map<number, number>> {
  return new Map((await sectionById(unitYearId, { includeDrafts }))!.entries.map((e) => [e.projectId, e.number]));
}

beforeAll(async () => {
  await freshDatabase();
  await loadDemo();
}, 60_000);

describe('a table’s numbers', () => {
  it('are its 序号 in the list and with drafts, and its published number in the published section', async () => {
    const rows = await listProjectsOfUnitYear(1);
    const firstApproved = rows.find((p) => p.status === 'approved')!;
    expect(firstApproved.position).toBe(6);
    expect(await tableNumbers(firstApproved)).toEqual({ listNumber: 6, publishedNumber: 1 });
    const withDrafts = await exportedNumbers(1, true);
    const published = await exportedNumbers(1, false);
    for (const p of rows) {
      expect(withDrafts.get(p.id), p.code).toBe(p.position);
      const n = await tableNumbers(p);
      expect(printedNumberOf(n), p.code).toBe(p.status === 'approved' ? published.get(p.id) : p.position);
    }
  });

  it('keep a published number when another table is approved later; 重新编号 renumbers in list order, audited', async () => {
    const reviewer = { actor: await makeActor('reviewer-n', [{ unitId: 1, role: 'reviewer' }]), ip: null };
    const before = await exportedNumbers(1, false);
    // Table 4 (submitted by the demo) is approved now: it comes after the others, whose numbers stay.
    const t4 = (await listProjectsOfUnitYear(1)).find((p) => p.position === 4)!;
    await transitionTable(reviewer, 'approve', { projectId: t4.id, version: t4.version });
    const after = await exportedNumbers(1, false);
    for (const [id, n] of before) expect(after.get(id)).toBe(n);
    expect(after.get(t4.id)).toBe(before.size + 1);
    expect(await tableNumbers((await listProjectsOfUnitYear(1)).find((p) => p.id === t4.id)!)).toEqual({ listNumber: 4, publishedNumber: before.size + 1 });

    const admin = { actor: await makeActor('admin-n', [], true), ip: null };
    const result = await renumberUnitYear(admin, 1);
    expect(result.changed).toBeGreaterThan(0);
    const renumbered = await exportedNumbers(1, false);
    expect(renumbered.get(t4.id)).toBe(1);
    expect([...renumbered.values()].sort((a, b) => a - b)).toEqual(Array.from({ length: renumbered.size }, (_, i) => i + 1));
    expect((await listAuditFor('unit-year', 1)).map((a) => a.action)).toContain('renumber');
  });

  it('has no gap in the list after a draft is deleted', async () => {
    const owner = { actor: await makeActor('owner-n', [{ unitId: 1, role: 'owner' }]), ip: null };
    const rows = await listProjectsOfUnitYear(1);
    const second = rows.find((p) => p.position === 2)!;
    await deleteTable(owner, second.id, second.version);
    const after = await listProjectsOfUnitYear(1);
    expect(after.map((p) => p.position)).toEqual(Array.from({ length: rows.length - 1 }, (_, i) => i + 1));
    const withDrafts = await exportedNumbers(1, true);
    for (const p of after) expect(withDrafts.get(p.id)).toBe(p.position);
  });
});
