/**
 * Importing over a stored draft (issue 19 item 6): the preview gives each overwritten draft's diff and
 * warns when the draft was edited in the app after its last import; the import refuses a draft not
 * confirmed at the version shown; the history reads the overwrite as one update with its diff.
 */
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rawRun, write } from '@/db/client';
import { listProjectsOfUnitYear } from '@/db/queries/projects';
import { findUnitByCode } from '@/db/queries/units';
import type { Actor } from '@/lib/auth/permissions';
import { parsePublished } from '@/lib/format/published/parse';
import { referenceText } from '@/lib/format/published/testing/reference';
import { makeActor, seededDatabase } from '@/lib/testing/db';
import { saveTable } from './commands/save-table';
import { projectHistory } from './history';
import { applyImport, planImport } from './import';
import { loadTable } from './read';

let admin: Actor;
const reference = referenceText();
const opts = { unitCode: 'W00001', year: 2024 };
const who = () => ({ actor: admin, ip: null });

beforeAll(async () => {
  await seededDatabase();
  admin = await makeActor('overwriter', [], true);
});

describe('importing over a draft', () => {
  it('shows the diff from the draft, warns about app edits, refuses unconfirmed overwrites and records one update', async () => {
    const created = await applyImport(who(), parsePublished(reference), opts);
    const [p1, p2] = await listProjectsOfUnitYear(created.unitYearId);
    // A table the import just wrote is what its record says: the same document again is 无变化, nothing to confirm.
    expect((await planImport(admin, parsePublished(reference), opts)).items.every((i) => i.action === 'unchanged' && i.draft === null)).toBe(true);

    // Table 1 is edited in the app: a row renamed and the purpose rewritten.
    const t1 = (await loadTable(p1!.id))!.table;
    const renamed = t1.indicators[1]!;
    const edited = { ...t1, purpose: '在应用中改写的用途', indicators: t1.indicators.map((r, i) => (i === 1 ? { ...r, name: `${r.name}（改）` } : r)) };
    const owner = await makeActor('owner-w1', [{ unitId: (await findUnitByCode('W00001'))!.id, role: 'owner' }]);
    const saved = await saveTable({ actor: owner, ip: null }, p1!.id, p1!.version, edited);
    // Table 2 changes only in the document.
    const doc = parsePublished(reference);
    doc.projects[1]!.goal = '文件中改写的绩效目标';

    const plan = await planImport(admin, doc, opts);
    const [i1, i2] = plan.items;
    expect(i1).toMatchObject({ action: 'update', draft: { projectId: p1!.id, version: saved.version, isConfirmed: false, freshness: { state: 'edited' } } });
    expect(i1!.draft!.freshness.message).toMatch(/导入（第 \d+ 版）后在应用中修改过（现为第 \d+ 版）/);
    expect(i1!.draft!.changes).toEqual([
      { kind: 'field', field: 'purpose', label: '资金用途', before: '在应用中改写的用途', after: t1.purpose },
      // The renamed row reads as one changed row, not as a deletion and an addition.
      expect.objectContaining({ kind: 'row-changed', key: renamed.key, fields: [{ field: 'name', label: '三级指标', before: `${renamed.name}（改）`, after: renamed.name }] }),
    ]);
    expect(i2).toMatchObject({ action: 'update', draft: { freshness: { state: 'as-imported', message: null }, isConfirmed: false } });
    expect(i2!.draft!.changes).toEqual([expect.objectContaining({ kind: 'field', field: 'goal', after: '文件中改写的绩效目标' })]);
    expect(plan.items.slice(2).every((i) => i.action === 'unchanged')).toBe(true);

    // The server refuses whatever the page did: nothing confirmed, or one confirmed at a version since changed.
    await expect(applyImport(who(), doc, opts)).rejects.toThrow(/表 1「.+」、表 2「.+」将覆盖库中的草稿，未导入/);
    await expect(applyImport(who(), doc, { ...opts, overwrite: { [i1!.code]: i1!.draft!.version } })).rejects.toThrow(/表 2「.+」将覆盖库中的草稿/);
    await expect(applyImport(who(), doc, { ...opts, overwrite: { [i1!.code]: i1!.draft!.version - 1, [i2!.code]: i2!.draft!.version } })).rejects.toThrow(/预览之后又被修改/);
    expect((await loadTable(p1!.id))!.table.purpose).toBe('在应用中改写的用途');
    expect((await loadTable(p2!.id))!.table.goal).not.toBe('文件中改写的绩效目标');

    const r = await applyImport(who(), doc, { ...opts, overwrite: { [i1!.code]: i1!.draft!.version, [i2!.code]: i2!.draft!.version } });
    expect(r).toMatchObject({ updated: 2, unchanged: 21 });
    expect((await loadTable(p1!.id))!.table.purpose).toBe(t1.purpose);
    // The import is recorded again: the same document now finds both drafts as imported, 无变化.
    expect((await planImport(admin, doc, opts)).items.every((i) => i.action === 'unchanged')).toBe(true);

    // History: after the app's save, ONE import event, an overwrite, carrying the diff the preview showed.
    const events = (await projectHistory(p1!.id)).filter((e) => e.action !== 'create');
    const after = events.slice(events.findIndex((e) => e.action === 'update') + 1);
    expect(after.map((e) => [e.action, e.isOverwrite])).toEqual([['import', true]]);
    expect(after[0]!.changes).toEqual(i1!.draft!.changes);
    expect(after[0]!.changes.some((c) => c.kind === 'row-removed' || c.kind === 'row-added')).toBe(false);
  });

  it('warns about a draft with no import on record', async () => {
    const created = await applyImport(who(), parsePublished(reference), { unitCode: 'W00002', year: 2024 });
    const [p1] = await listProjectsOfUnitYear(created.unitYearId);
    const doc = parsePublished(reference);
    doc.projects[0]!.purpose = '新的用途';
    // The record is lost as for a table imported before imports were recorded.
    await write(() => rawRun(sql`delete from project_imports where project_id = ${p1!.id}`));
    const plan = await planImport(admin, doc, { unitCode: 'W00002', year: 2024 });
    expect(plan.items[0]!.draft!.freshness).toMatchObject({ state: 'unknown', message: expect.stringContaining('没有此草稿的导入记录') });
  });
});
