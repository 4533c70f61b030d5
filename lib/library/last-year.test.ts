import { beforeAll, describe, expect, it } from 'vitest';
import { write } from '@/db/client';
import { getProject } from '@/db/queries/projects';
import { insertSelfEval, insertSelfEvalRound, updateSelfEvalStatus } from '@/db/queries/selfeval';
import { insertUnitYear } from '@/db/queries/units';
import type { Actor } from '@/lib/auth/permissions';
import { startNextYear } from '@/lib/projects/commands/copy-table';
import { createTable } from '@/lib/projects/commands/create-table';
import { saveTable } from '@/lib/projects/commands/save-table';
import { loadTable } from '@/lib/projects/read';
import { makeActor, makeUnitYear, seededDatabase } from '@/lib/testing/db';
import { sampleTable } from '@/lib/testing/tables';
import { lastYearLookup, lastYearNotes, lastYearTableOf } from './last-year';

let owner: Actor;
let unit: { unitId: number; y2024: number; y2025: number };

beforeAll(async () => {
  await seededDatabase();
  const a = await makeUnitYear('310001', 2024, null);
  const next = await write(() => insertUnitYear(a.unit.id, 2025, { frameworkId: a.unitYear.frameworkId, projectExpenditureYuan: null, ruleProfile: null }));
  unit = { unitId: a.unit.id, y2024: a.unitYear.id, y2025: next.id };
  owner = await makeActor('last-year-owner', [{ unitId: a.unit.id, role: 'owner' }]);
});

describe('last year beside this year', () => {
  it('shows last year’s 实际完成值 from its approved self-evaluation, row by row', async () => {
    const who = { actor: owner, ip: null };
    const { projectId: source } = await createTable(who, unit.y2024, sampleTable('13080024P00009810006A'));
    const rows = (await loadTable(source))!.table.indicators;
    const actualOf = (i: number) => `实际 ${i}`;
    const entries = rows.map((r, i) => ({ rowKey: r.key!, actual: r.isPlaceholder ? '' : actualOf(i), weight: '', score: '', rating: null, deviation: '' }));
    const data = JSON.stringify({ funds: { annual: '', executed: '', weight: '10' }, goalActual: '', entries });
    const stored = await write(async () => {
      const round = await insertSelfEvalRound({ unitYearId: unit.y2024, openedBy: owner.id });
      return insertSelfEval({ roundId: round.id, projectId: source, data, scoreCents: null, grade: null });
    });
    const { projectId } = await startNextYear(who, source);
    const table = (await loadTable(projectId))!.table;
    const seen = async () => lastYearNotes(table, (await lastYearTableOf({ unitId: unit.unitId, year: 2025 }, table))!.rows);
    // A draft self-evaluation is not yet a result.
    expect((await seen()).every((n) => n === null || n.previousActual === null)).toBe(true);
    await write(() => updateSelfEvalStatus(stored.id, { status: 'draft', version: stored.version }, 'approved', owner.id));
    const notes = await seen();
    table.indicators.forEach((r, i) => {
      if (!r.isPlaceholder) expect(notes[i]?.previousActual).toBe(actualOf(i));
    });
  });


  it('a table copied to next year finds its source and shows 上年指标值 beside every row; a lowered target is warned and counted', async () => {
    const who = { actor: owner, ip: null };
    const { projectId: source } = await createTable(who, unit.y2024, sampleTable('13080024P00009810005A'));
    const { projectId } = await startNextYear(who, source);
    const loaded = (await loadTable(projectId))!;
    const previous = (await lastYearTableOf({ unitId: unit.unitId, year: 2025 }, loaded.table))!;
    expect(previous).toMatchObject({ year: 2024, table: { id: source } });
    const notes = lastYearNotes(loaded.table, previous.rows);
    loaded.table.indicators.forEach((r, i) => {
      if (r.isPlaceholder) expect(notes[i]).toBeNull();
      else expect(notes[i]?.previousValue).toBe(previous.rows[i]!.value);
    });
    // The seam for the self-evaluation: no actuals yet.
    expect(notes.every((n) => n === null || n.previousActual === null)).toBe(true);

    const lowered = structuredClone(loaded.table);
    lowered.indicators[0] = { ...lowered.indicators[0]!, value: '≥90%', target: { kind: 'quantity', op: '>=', number: 90, unit: '%' } };
    const before = (await getProject(projectId))!;
    const saved = await saveTable(who, projectId, before.version, lowered);
    expect(saved.findings).toContainEqual(expect.objectContaining({ rule: 'value.below-last-year', path: 'indicators.0.value', severity: 'warning' }));
    const after = (await getProject(projectId))!;
    expect(after.warningCount).toBeGreaterThan(before.warningCount);
  });

  it('falls back to the same name when the code changed, and finds nothing for a new project', async () => {
    const who = { actor: owner, ip: null };
    const old = sampleTable('13080024P00009810005B');
    old.name = '2024 年档案数字化经费';
    await createTable(who, unit.y2024, old);
    const lookup = await lastYearLookup({ unitId: unit.unitId, year: 2025 });
    const renamed = { ...sampleTable('13080024P0000981000ZZ'), name: '2025 年档案数字化经费' };
    expect(lookup(renamed)?.length).toBe(old.indicators.length);
    expect(lookup({ ...renamed, name: '全新项目' })).toBeNull();
    expect(await lastYearTableOf({ unitId: unit.unitId, year: 2024 }, renamed)).toBeNull();
  });
});
