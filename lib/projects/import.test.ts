import { beforeAll, describe, expect, it } from 'vitest';
import { getProject, listProjectsOfUnitYear } from '@/db/queries/projects';
import { findUnitByCode, findUnitYear } from '@/db/queries/units';
import { parsePublished } from '@/lib/format/published/parse';
import { referenceText } from '@/lib/format/published/testing/reference';
import { makeActor, seededDatabase } from '@/lib/testing/db';
import type { Actor } from '@/lib/auth/permissions';
import { transitionTable } from './commands/transition-table';
import { applyImport, planImport } from './import';
import { loadTable } from './read';

let admin: Actor;

beforeAll(async () => {
  await seededDatabase();
  admin = makeActor('importer', [], true);
});

describe('importing a published document', () => {
  it('creates the unit, the year with its 项目支出, and the 23 tables', () => {
    const r = applyImport({ actor: admin, ip: null }, parsePublished(referenceText()));
    expect(r).toMatchObject({ created: 23, updated: 0, skipped: 0 });
    const unit = findUnitByCode('441001')!;
    const uy = findUnitYear(unit.id, 2024)!;
    expect(uy.projectExpenditureYuan).toBe(34_478_700);
    expect(listProjectsOfUnitYear(uy.id).map((p) => p.position)).toEqual(Array.from({ length: 23 }, (_, i) => i + 1));
    expect(r.items.filter((i) => i.findings.some((f) => f.severity === 'error'))).toEqual([]);
  });

  it('imports the same document again without duplicating or changing anything', () => {
    const r = applyImport({ actor: admin, ip: null }, parsePublished(referenceText()));
    expect(r).toMatchObject({ created: 0, updated: 0, skipped: 0 });
    expect(listProjectsOfUnitYear(r.unitYearId)).toHaveLength(23);
  });

  it('updates drafts in place, keeping row keys, and never overwrites a table past draft', () => {
    const doc = parsePublished(referenceText());
    const uy = findUnitYear(findUnitByCode('441001')!.id, 2024)!;
    const [first, second] = listProjectsOfUnitYear(uy.id);
    const keysBefore = loadTable(first!.id)!.table.indicators.map((r) => r.key);
    const owner = makeActor('owner-import', [{ unitId: uy.unitId, role: 'owner' }]);
    transitionTable({ actor: owner, ip: null }, 'submit', { projectId: second!.id, version: second!.version });
    doc.projects[0]!.indicators[1]!.value = '≤320 件';
    doc.projects[0]!.indicators[1]!.target = { kind: 'quantity', op: '<=', number: 320, unit: '件' };
    doc.projects[1]!.name = '被改掉的名称';
    const plan = planImport(admin, doc);
    expect(plan.items[1]).toMatchObject({ action: 'skip', reason: expect.stringContaining('已提交') });
    const r = applyImport({ actor: admin, ip: null }, doc);
    expect(r).toMatchObject({ created: 0, updated: 1, skipped: 1 });
    expect(loadTable(first!.id)!.table.indicators[1]!.value).toBe('≤320 件');
    expect(loadTable(first!.id)!.table.indicators.map((r) => r.key)).toEqual(keysBefore);
    expect(getProject(second!.id)!.name).not.toBe('被改掉的名称');
  });

  it('skips a table whose cells exceed the limits, saying why', () => {
    const doc = parsePublished(referenceText());
    doc.projects[2]!.indicators[0]!.description = '长'.repeat(600);
    const plan = planImport(admin, doc);
    expect(plan.items[2]).toMatchObject({ action: 'skip', reason: expect.stringContaining('不能超过 500 字') });
  });

  it('refuses someone who may not import into the unit', () => {
    const reviewer = makeActor('reviewer-import', [{ unitId: findUnitByCode('441001')!.id, role: 'reviewer' }]);
    expect(() => planImport(reviewer, parsePublished(referenceText()))).toThrow(/没有权限/);
  });
});
