import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/permissions';
import { createTable } from '@/lib/projects/commands/create-table';
import { transitionTable } from '@/lib/projects/commands/transition-table';
import { loadDemo } from '@/lib/setup/demo';
import { makeActor, makeUnitYear, seededDatabase } from '@/lib/testing/db';
import { sampleTable } from '@/lib/testing/tables';
import { rebuildLibrary } from './commands/rebuild-library';
import { libraryScope, searchLibrary } from './search';

let ownerA: Actor;
let reviewer: Actor;
let admin: Actor;
let unitA: { unitId: number; unitYearId: number };
let unitB: { unitId: number; unitYearId: number };

async function approved(owner: Actor, unitYearId: number, code: string, rename?: string): Promise<number> {
  const table = sampleTable(code);
  if (rename) table.indicators[0]!.name = rename;
  const { projectId, version } = await createTable({ actor: owner, ip: null }, unitYearId, table);
  const s = await transitionTable({ actor: owner, ip: null }, 'submit', { projectId, version });
  await transitionTable({ actor: reviewer, ip: null }, 'approve', { projectId, version: s.version });
  return projectId;
}

beforeAll(async () => {
  await seededDatabase();
  await loadDemo();
  const a = await makeUnitYear('300001', 2024);
  const b = await makeUnitYear('300002', 2024);
  unitA = { unitId: a.unit.id, unitYearId: a.unitYear.id };
  unitB = { unitId: b.unit.id, unitYearId: b.unitYear.id };
  ownerA = await makeActor('lib-owner-a', [{ unitId: a.unit.id, role: 'owner' }]);
  const ownerB = await makeActor('lib-owner-b', [{ unitId: b.unit.id, role: 'owner' }]);
  reviewer = await makeActor('lib-reviewer', [
    { unitId: a.unit.id, role: 'reviewer' },
    { unitId: b.unit.id, role: 'reviewer' },
  ]);
  admin = await makeActor('lib-admin', [], true);
  await approved(ownerA, unitA.unitYearId, '30000124P00009810001A', '甲单位专用结案率');
  await approved(ownerA, unitA.unitYearId, '30000124P00009810002A', '甲单位专用结案率。');
  await approved(ownerB, unitB.unitYearId, '30000224P00009810001A', '乙单位专用结案率');
});

describe('library search (the acceptance after pt db:demo)', () => {
  it('满意度 gives 服务对象满意度 under 服务对象满意度指标 with ≥90% most common', async () => {
    const [first] = await searchLibrary(null, { q: '满意度' });
    expect(first).toMatchObject({ name: '服务对象满意度', level1: '满意度指标', level2: '服务对象满意度指标', standard: false });
    expect(first!.uses).toBeGreaterThanOrEqual(9);
    expect(first!.values[0]!.value).toBe('≥90%');
    expect(first!.values[0]!.count).toBeGreaterThanOrEqual(6);
    const counts = first!.values.map((v) => v.count);
    expect(counts).toEqual([...counts].sort((x, y) => y - x));
  });

  it('总成本 gives 总成本控制 under 成本指标', async () => {
    const entries = await searchLibrary(null, { q: '总成本' });
    expect(entries.find((e) => e.name === '总成本控制')).toMatchObject({ level1: '产出指标', level2: '成本指标', units: ['万元'] });
  });

  it('never holds a placeholder', async () => {
    const all = await searchLibrary(null, { q: '', limit: 50 });
    const none = await searchLibrary(null, { q: '无', limit: 50 });
    for (const e of [...all, ...none]) expect(e.name).not.toMatch(/^无.*指标$/);
  });

  it('puts the preferred 二级 first, then relevance, then uses', async () => {
    const entries = await searchLibrary(null, { q: '率', preferLevel2: '质量指标', limit: 50 });
    const firstOther = entries.findIndex((e) => e.level2 !== '质量指标');
    expect(firstOther).toBeGreaterThan(0);
    expect(entries.slice(firstOther).every((e) => e.level2 !== '质量指标')).toBe(true);
  });
});

describe('library scope', () => {
  it('counts a unit user only their units; an administrator every unit', async () => {
    const mine = await searchLibrary(libraryScope(ownerA), { q: '专用结案率' });
    expect(mine.map((e) => [e.name, e.uses])).toEqual([['甲单位专用结案率', 2]]);
    const all = await searchLibrary(libraryScope(admin), { q: '专用结案率' });
    expect(all.map((e) => e.name).sort()).toEqual(['乙单位专用结案率', '甲单位专用结案率']);
    // 案件结案率 is in the sample table of both units and in none of the demo's.
    const shared = await searchLibrary(libraryScope(ownerA), { q: '案件受理量' });
    expect(shared[0]).toMatchObject({ uses: 2, values: [{ value: '≤300 件', count: 2 }] });
    expect((await searchLibrary(libraryScope(admin), { q: '案件受理量' }))[0]!.uses).toBe(3);
  });

  it('a unit filter outside the caller’s units finds nothing', async () => {
    expect(await searchLibrary(libraryScope(ownerA), { q: '专用结案率', unitId: unitB.unitId })).toEqual([]);
    expect(await searchLibrary(libraryScope(admin), { q: '专用结案率', unitId: unitB.unitId })).toHaveLength(1);
  });

  it('a reopened table no longer counts; approving it again counts it once', async () => {
    const projectId = await approved(ownerA, unitA.unitYearId, '30000124P00009810003A', '将被重新打开的指标');
    expect(await searchLibrary(null, { q: '将被重新打开' })).toHaveLength(1);
    const { loadTable } = await import('@/lib/projects/read');
    const version = (await loadTable(projectId))!.project.version;
    await transitionTable({ actor: admin, ip: null }, 'reopen', { projectId, version, reason: '需要调整' });
    expect(await searchLibrary(null, { q: '将被重新打开' })).toEqual([]);
    expect((await searchLibrary(null, { q: '案件受理量' }))[0]!.uses).toBe(3);
  });

  it('a rebuild gives what the approvals built', async () => {
    // Entries are created afresh, so their ids differ; everything else is the same.
    // Queries whose matches all fit in the answer (where uses tie at the limit, which tie comes first may differ).
    const listed = async () => {
      const out = [];
      for (const q of ['满意度', '总成本', '结案率', '完成率', '时限']) out.push(...(await searchLibrary(null, { q, limit: 50 })).map(({ id: _id, ...e }) => e));
      return out;
    };
    const before = await listed();
    const r = await rebuildLibrary();
    expect(r.tables).toBe(18 + 3);
    expect(await listed()).toEqual(before);
  });
});
