/**
 * The save's short cuts (issue 13, fewer round trips on PostgreSQL) keep its behaviour: a plan or rows
 * written back unchanged are left in place, anything changed is replaced, the audit and the version
 * move on every save, and a code is still checked against the other tables when it changes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { listAuditFor } from '@/db/queries/audit';
import { getProjectContent } from '@/db/queries/projects';
import type { Actor } from '@/lib/auth/permissions';
import type { TableData } from '@/lib/domain/schemas';
import { makeActor, makeUnitYear, seededDatabase } from '@/lib/testing/db';
import { refusal } from '@/lib/testing/refusal';
import { sampleTable } from '@/lib/testing/tables';
import { normaliseTable } from '../normalise';
import { loadTable } from '../read';
import { createTable } from './create-table';
import { saveTable } from './save-table';

let owner: Actor;
let unitYearId: number;
let unitId: number;

beforeAll(async () => {
  await seededDatabase();
  const a = await makeUnitYear('300003');
  unitYearId = a.unitYear.id;
  unitId = a.unit.id;
  owner = await makeActor('owner-save', [{ unitId: a.unit.id, role: 'owner' }]);
});

const who = () => ({ actor: owner, ip: null });
const ids = async (projectId: number) => {
  const c = await getProjectContent(projectId);
  return { plan: c.checkpoints.map((r) => r.id), rows: c.indicators.map((r) => r.id) };
};

/** A table as the editor sends it back after a save: with the rows' keys. */
function withKeys(t: TableData, keys: string[]): TableData {
  return { ...t, indicators: t.indicators.map((r, i) => ({ ...r, key: keys[i]! })) };
}

describe('saving leaves unchanged content alone and replaces what changed', () => {
  it('keeps the plan and rows of a header-only save, and replaces only the part that changed', async () => {
    const code = '13080024P00009810901A';
    const created = await createTable(who(), unitYearId, sampleTable(code));
    const first = await saveTable(who(), created.projectId, created.version, sampleTable(code));
    const base = withKeys(sampleTable(code), first.keys);
    const initial = await ids(created.projectId);

    const header = await saveTable(who(), created.projectId, first.version, { ...base, purpose: '只改资金用途' });
    expect(header.version).toBe(first.version + 1);
    expect(await ids(created.projectId)).toEqual(initial);
    expect((await loadTable(created.projectId))!.table.purpose).toBe('只改资金用途');

    const plan = [...base.schedule.slice(0, 2), { month: 12, percent: 100 }];
    const planSave = await saveTable(who(), created.projectId, header.version, { ...base, purpose: '只改资金用途', schedule: plan });
    const afterPlan = await ids(created.projectId);
    expect(afterPlan.rows).toEqual(initial.rows);
    expect(afterPlan.plan).not.toEqual(initial.plan);
    expect((await loadTable(created.projectId))!.table.schedule).toEqual(plan);

    const rows = base.indicators.map((r, i) => (i === 0 ? { ...r, name: '改过的第一行' } : r));
    const rowSave = await saveTable(who(), created.projectId, planSave.version, { ...base, purpose: '只改资金用途', schedule: plan, indicators: rows });
    const afterRows = await ids(created.projectId);
    expect(afterRows.plan).toEqual(afterPlan.plan);
    expect(afterRows.rows).not.toEqual(initial.rows);
    const loaded = (await loadTable(created.projectId))!.table;
    expect(loaded.indicators[0]!.name).toBe('改过的第一行');
    expect(loaded.indicators.map((r) => r.key)).toEqual(first.keys);
    expect(rowSave.changed).toBeGreaterThan(0);

    // Every save is audited, the header-only one included.
    const updates = (await listAuditFor('project', created.projectId)).filter((e) => e.action === 'update');
    expect(updates).toHaveLength(4);
  });

  it('still refuses a code another table of the unit-year has, and saves under the table\'s own code', async () => {
    const a = await createTable(who(), unitYearId, sampleTable('13080024P00009810902A'));
    const b = await createTable(who(), unitYearId, sampleTable('13080024P00009810903A'));
    const taken = await refusal(() => saveTable(who(), b.projectId, b.version, sampleTable('13080024P00009810902A')));
    expect(taken.code).toBe('invalid');
    expect(taken.fieldErrors['table.code']).toBeDefined();
    const same = await saveTable(who(), a.projectId, a.version, { ...sampleTable('13080024P00009810902A'), name: '同一编码再保存' });
    expect(same.version).toBe(a.version + 1);
  });

  it('stores text exactly, whatever it holds (on PostgreSQL each column goes as one array parameter)', async () => {
    const code = '13080024P00009810906A';
    const created = await createTable(who(), unitYearId, sampleTable(code));
    const odd = ['带"引号"的指标', '反斜杠\\与\\N', '{花括号,逗号}', 'NULL', '  ', '换行\n之后', "单引号'与$1"];
    const base = sampleTable(code);
    const rows = base.indicators.map((r, i) => ({ ...r, name: odd[i % odd.length]!.trim() || '空白', description: odd[(i + 1) % odd.length]!, basis: odd[(i + 2) % odd.length]! }));
    const saved = await saveTable(who(), created.projectId, created.version, { ...base, indicators: rows });
    const stored = (await getProjectContent(created.projectId)).indicators;
    const expected = normaliseTable({ ...base, indicators: rows }).indicators;
    expect(stored.map((r) => [r.name, r.description, r.basis])).toEqual(expected.map((r) => [r.name, r.description, r.basis]));
    expect(stored.map((r) => r.name)).toContain('{花括号,逗号}');
    expect(stored.map((r) => r.name)).toContain('NULL');
    expect(stored.map((r) => r.position)).toEqual(stored.map((_, i) => i + 1));
    expect(saved.keys).toEqual(stored.map((r) => r.rowKey));
  });

  it('refuses a save of an older version as before', async () => {
    const t = await createTable(who(), unitYearId, sampleTable('13080024P00009810904A'));
    await saveTable(who(), t.projectId, t.version, sampleTable('13080024P00009810904A'));
    const stale = await refusal(() => saveTable(who(), t.projectId, t.version, sampleTable('13080024P00009810904A')));
    expect(stale.code).toBe('conflict');
  });

  it('decides permission, unit and status itself, as the operations table says (the action wrapper leaves it to the save)', async () => {
    const t = await createTable(who(), unitYearId, sampleTable('13080024P00009810905A'));
    const elsewhere = await makeUnitYear('300004');
    const stranger = await makeActor('owner-save-elsewhere', [{ unitId: elsewhere.unit.id, role: 'owner' }]);
    const reviewer = await makeActor('reviewer-save', [{ unitId: elsewhere.unit.id, role: 'reviewer' }, { unitId, role: 'reviewer' }]);
    for (const actor of [stranger, reviewer]) {
      const e = await refusal(() => saveTable({ actor, ip: null }, t.projectId, t.version, sampleTable('13080024P00009810905A')));
      expect({ code: e.code, message: e.message }, actor.username).toEqual({ code: 'denied', message: '没有权限保存修改' });
    }
    expect((await refusal(() => saveTable(who(), 999_999_999, 1, sampleTable('13080024P00009810905A')))).code).toBe('not-found');
    expect((await loadTable(t.projectId))!.project.version).toBe(t.version);
  });
});
