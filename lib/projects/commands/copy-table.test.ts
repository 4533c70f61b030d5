import { beforeAll, describe, expect, it } from 'vitest';
import { listAuditFor } from '@/db/queries/audit';
import { findUnitYear, insertUnitYear } from '@/db/queries/units';
import type { Actor } from '@/lib/auth/permissions';
import { makeActor, makeUnitYear, seededDatabase } from '@/lib/testing/db';
import { sampleTable } from '@/lib/testing/tables';
import { loadTable } from '../read';
import { duplicateTable, startNextYear } from './copy-table';
import { createTable } from './create-table';
import { refusal } from '@/lib/testing/refusal';

let owner: Actor;
let ownerAdmin: Actor;
let unitA: { unitId: number; unitYearId: number; frameworkId: number };
let unitB: { unitId: number; unitYearId: number };

beforeAll(async () => {
  await seededDatabase();
  const a = makeUnitYear('300001', 2024, '10.00');
  const b = makeUnitYear('300002', 2024, '10.00');
  unitA = { unitId: a.unit.id, unitYearId: a.unitYear.id, frameworkId: a.unitYear.frameworkId };
  unitB = { unitId: b.unit.id, unitYearId: b.unitYear.id };
  owner = makeActor('copy-owner', [
    { unitId: a.unit.id, role: 'owner' },
    { unitId: b.unit.id, role: 'owner' },
  ]);
  ownerAdmin = makeActor('copy-owner-admin', [{ unitId: b.unit.id, role: 'owner' }], true);
});

describe('start next year', () => {
  it('refuses an owner when the next unit-year does not exist, and creates nothing', () => {
    const { projectId } = createTable({ actor: owner, ip: null }, unitA.unitYearId, sampleTable('13080024P00009810003A'));
    const e = refusal(() => startNextYear({ actor: owner, ip: null }, projectId));
    expect(e.code).toBe('invalid');
    expect(e.message).toContain('2025 年度尚未建立');
    expect(e.message).toContain('管理员');
    expect(findUnitYear(unitA.unitId, 2025)).toBeUndefined();
  });

  it('into an existing year: same indicators, bases and plan months; amounts and cost targets reset', () => {
    insertUnitYear(unitA.unitId, 2025, { frameworkId: unitA.frameworkId, projectExpenditureYuan: null, ruleProfile: null });
    const source = sampleTable('13080024P00009810003B');
    source.schedule = [{ month: 6, percent: 40 }, { month: 12, percent: 100 }];
    const { projectId } = createTable({ actor: owner, ip: null }, unitA.unitYearId, source);
    const next = loadTable(startNextYear({ actor: owner, ip: null }, projectId).projectId)!.table;
    expect(next.budget).toEqual({ total: '0.00', fiscal: '0.00', other: null });
    // The plan keeps this year's months (the percents stay as a start until empty ones can be stored).
    expect(next.schedule).toEqual([
      { month: 6, percent: 40 },
      { month: 12, percent: 100 },
    ]);
    expect(next.indicators.map((r) => [r.level2, r.name, r.basis])).toEqual(source.indicators.map((r) => [r.level2, r.name, r.basis]));
    const cost = next.indicators.find((r) => r.level2 === '成本指标')!;
    expect(cost).toMatchObject({ value: '', target: { kind: 'text' } });
    expect(next.indicators.find((r) => r.level2 === '数量指标')!.value).toBe('≤300 件');
  });

  it('lets an administrator create the next unit-year, and audits it', () => {
    const { projectId } = createTable({ actor: ownerAdmin, ip: null }, unitB.unitYearId, sampleTable('13080024P00009810003C'));
    const r = startNextYear({ actor: ownerAdmin, ip: '10.0.0.1' }, projectId);
    const created = findUnitYear(unitB.unitId, 2025)!;
    expect(r.unitYearId).toBe(created.id);
    const audit = listAuditFor('unit-year', created.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'create', username: 'copy-owner-admin', unitId: unitB.unitId });
    expect(listAuditFor('project', r.projectId).map((a) => a.action)).toEqual(['create']);
  });
});

describe('duplicate', () => {
  it('copies into the same year with a free code, new row keys and an audit row', () => {
    const { projectId } = createTable({ actor: owner, ip: null }, unitA.unitYearId, sampleTable('13080024P00009810003D'));
    const source = loadTable(projectId)!.table;
    const copyId = duplicateTable({ actor: owner, ip: null }, projectId).projectId;
    const copy = loadTable(copyId)!.table;
    expect(copy.code).toBe('13080024P00009810003D-2');
    expect(copy.indicators.map((r) => r.value)).toEqual(source.indicators.map((r) => r.value));
    expect(copy.indicators.some((r) => source.indicators.some((s) => s.key === r.key))).toBe(false);
    expect(listAuditFor('project', copyId).map((a) => a.action)).toEqual(['duplicate']);
  });
});
