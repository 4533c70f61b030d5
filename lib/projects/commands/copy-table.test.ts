import { beforeAll, describe, expect, it } from 'vitest';
import { write } from '@/db/client';
import { listAuditFor } from '@/db/queries/audit';
import { findUnitYear, insertUnitYear } from '@/db/queries/units';
import type { Actor } from '@/lib/auth/permissions';
import { makeActor, makeUnitYear, seededDatabase } from '@/lib/testing/db';
import { sampleTable } from '@/lib/testing/tables';
import { getProject } from '@/db/queries/projects';
import { isAuthorOf } from '../access';
import { loadTable } from '../read';
import { duplicateTable, startNextYear } from './copy-table';
import { createTable } from './create-table';
import { saveTable } from './save-table';
import { transitionTable } from './transition-table';
import { refusal } from '@/lib/testing/refusal';

let owner: Actor;
let ownerAdmin: Actor;
let unitA: { unitId: number; unitYearId: number; frameworkId: number };
let unitB: { unitId: number; unitYearId: number };

beforeAll(async () => {
  await seededDatabase();
  const a = await makeUnitYear('300001', 2024, '10.00');
  const b = await makeUnitYear('300002', 2024, '10.00');
  unitA = { unitId: a.unit.id, unitYearId: a.unitYear.id, frameworkId: a.unitYear.frameworkId };
  unitB = { unitId: b.unit.id, unitYearId: b.unitYear.id };
  owner = await makeActor('copy-owner', [
    { unitId: a.unit.id, role: 'owner' },
    { unitId: b.unit.id, role: 'owner' },
  ]);
  ownerAdmin = await makeActor('copy-owner-admin', [{ unitId: b.unit.id, role: 'owner' }], true);
});

describe('start next year', () => {
  it('refuses an owner when the next unit-year does not exist, and creates nothing', async () => {
    const { projectId } = await createTable({ actor: owner, ip: null }, unitA.unitYearId, sampleTable('13080024P00009810003A'));
    const e = await refusal(() => startNextYear({ actor: owner, ip: null }, projectId));
    expect(e.code).toBe('invalid');
    expect(e.message).toContain('2025 年度尚未建立');
    expect(e.message).toContain('管理员');
    expect(await findUnitYear(unitA.unitId, 2025)).toBeUndefined();
  });

  it('into an existing year: same indicators, bases and plan months; amounts and cost targets reset', async () => {
    await write(() => insertUnitYear(unitA.unitId, 2025, { frameworkId: unitA.frameworkId, projectExpenditureYuan: null, ruleProfile: null }));
    const source = sampleTable('13080024P00009810003B');
    source.schedule = [{ month: 6, percent: 40 }, { month: 12, percent: 100 }];
    const { projectId } = await createTable({ actor: owner, ip: null }, unitA.unitYearId, source);
    const next = (await loadTable((await startNextYear({ actor: owner, ip: null }, projectId)).projectId))!.table;
    expect(next.budget).toEqual({ total: '0.00', fiscal: '0.00', other: null });
    // The plan keeps this year's months, with the percents to fill (they follow the new budget).
    expect(next.schedule).toEqual([
      { month: 6, percent: null },
      { month: 12, percent: null },
    ]);
    expect(next.indicators.map((r) => [r.level2, r.name, r.basis])).toEqual(source.indicators.map((r) => [r.level2, r.name, r.basis]));
    const cost = next.indicators.find((r) => r.level2 === '成本指标')!;
    expect(cost).toMatchObject({ value: '', target: { kind: 'text' } });
    expect(next.indicators.find((r) => r.level2 === '数量指标')!.value).toBe('≤300 件');
  });

  it('lets an administrator create the next unit-year, and audits it', async () => {
    const { projectId } = await createTable({ actor: ownerAdmin, ip: null }, unitB.unitYearId, sampleTable('13080024P00009810003C'));
    const r = await startNextYear({ actor: ownerAdmin, ip: '10.0.0.1' }, projectId);
    const created = (await findUnitYear(unitB.unitId, 2025))!;
    expect(r.unitYearId).toBe(created.id);
    const audit = await listAuditFor('unit-year', created.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', username: 'copy-owner-admin', unitId: unitB.unitId });
    expect((await listAuditFor('project', r.projectId)).map((a) => a.action)).toEqual(['create']);
  });
});

describe('duplicate', () => {
  it('copies into the same year with a free code, new row keys and an audit row', async () => {
    const { projectId } = await createTable({ actor: owner, ip: null }, unitA.unitYearId, sampleTable('13080024P00009810003D'));
    const source = (await loadTable(projectId))!.table;
    const copyId = (await duplicateTable({ actor: owner, ip: null }, projectId)).projectId;
    const copy = (await loadTable(copyId))!.table;
    expect(copy.code).toBe('13080024P00009810003D-2');
    expect(copy.indicators.map((r) => r.value)).toEqual(source.indicators.map((r) => r.value));
    expect(copy.indicators.some((r) => source.indicators.some((s) => s.key === r.key))).toBe(false);
    expect((await listAuditFor('project', copyId)).map((a) => a.action)).toEqual(['duplicate']);
  });
});

describe('separation of duties follows copies', () => {
  it('whoever wrote the source cannot approve its copy, nor the copy of the copy, nor next year\'s', async () => {
    const c = await makeUnitYear('300003', 2024, '10.00');
    await write(() => insertUnitYear(c.unit.id, 2025, { frameworkId: c.unitYear.frameworkId, projectExpenditureYuan: null, ruleProfile: null }));
    // The writer is both owner and reviewer of the unit (a small office); the copier is another owner.
    const writer = await makeActor('sod-writer', [{ unitId: c.unit.id, role: 'owner' }, { unitId: c.unit.id, role: 'reviewer' }]);
    const copier = await makeActor('sod-copier', [{ unitId: c.unit.id, role: 'owner' }]);
    const source = await createTable({ actor: writer, ip: null }, c.unitYear.id, sampleTable('13080024P00009810009A'));
    await saveTable({ actor: writer, ip: null }, source.projectId, source.version, sampleTable('13080024P00009810009A'));
    const copy = await duplicateTable({ actor: copier, ip: null }, source.projectId);
    const copyOfCopy = await duplicateTable({ actor: copier, ip: null }, copy.projectId);
    const nextYear = await startNextYear({ actor: copier, ip: null }, source.projectId);
    // Next year's copy has its amounts cleared and cannot be submitted as it is: its authorship is what counts.
    expect(await isAuthorOf((await getProject(nextYear.projectId))!, writer.id)).toBe(true);
    expect(await isAuthorOf((await getProject(nextYear.projectId))!, (await makeActor('sod-stranger', [])).id)).toBe(false);
    for (const [{ projectId }, code] of [[copy, '13080024P00009810009B'], [copyOfCopy, '13080024P00009810009C']] as const) {
      const loaded = (await loadTable(projectId))!;
      // The copier gives the copy its own code (the suggested “-2” does not fit the code format) and submits it.
      const saved = await saveTable({ actor: copier, ip: null }, projectId, loaded.project.version, sampleTable(code));
      const submitted = await transitionTable({ actor: copier, ip: null }, 'submit', { projectId, version: saved.version });
      const e = await refusal(() => transitionTable({ actor: writer, ip: null }, 'approve', { projectId, version: submitted.version }));
      expect(e.message, `table ${projectId}`).toContain('自己编制或提交的表');
    }
  });
});
