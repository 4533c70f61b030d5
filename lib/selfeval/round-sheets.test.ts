/**
 * A round's 自评表 read a batch at a time (the unit-year export, the public page) are the same sheets as
 * each read alone, in the tables' print order, with every approved adjustment of a table in force.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { findSelfEvalRound } from '@/db/queries/selfeval';
import { getUnitYear } from '@/db/queries/units';
import { decideAdjustment } from '@/lib/adjustments/commands/decide-adjustment';
import { proposeAdjustment } from '@/lib/adjustments/commands/propose-adjustment';
import type { Actor } from '@/lib/auth/permissions';
import { createTable } from '@/lib/projects/commands/create-table';
import { transitionTable } from '@/lib/projects/commands/transition-table';
import { loadTable } from '@/lib/projects/read';
import { makeActor, makeUnitYear, seededDatabase } from '@/lib/testing/db';
import { sampleTable } from '@/lib/testing/tables';
import { openSelfEvalRounds } from './commands/open-rounds';
import { oneSelfEvalExport, unitYearSelfEvalExport } from './export';
import { forEachSheetViewOfRound, type SelfEvalSheetView } from './read';

let owner: Actor;
let unitYearId: number;
let selfEvalIds: number[];

beforeAll(async () => {
  await seededDatabase();
  const a = await makeUnitYear('100071', 2024, '30.00');
  unitYearId = a.unitYear.id;
  owner = await makeActor('rs-owner', [{ unitId: a.unit.id, role: 'owner' }]);
  const reviewer = await makeActor('rs-reviewer', [{ unitId: a.unit.id, role: 'reviewer' }]);
  const admin = await makeActor('rs-admin', [], true);
  const me = { actor: owner, ip: null };
  const reviewing = { actor: reviewer, ip: null };
  const ids: number[] = [];
  for (const code of ['13080024P00009810071A', '13080024P00009810071B', '13080024P00009810071C']) {
    const t = await createTable(me, unitYearId, sampleTable(code));
    const s = await transitionTable(me, 'submit', { projectId: t.projectId, version: t.version });
    await transitionTable(reviewing, 'approve', { projectId: t.projectId, version: s.version });
    ids.push(t.projectId);
  }
  // The second table adjusted twice, each time another row.
  const keys = (await loadTable(ids[1]!))!.table.indicators.map((r) => r.key!);
  for (const [rowKey, after] of [
    [keys[0]!, '≥95%'],
    [keys[1]!, '≤280 件'],
  ] as const) {
    const { adjustmentId } = await proposeAdjustment(me, { projectId: ids[1]!, reason: '任务调整', budgetAfter: '12.00', goalAfter: '1. 调整后的目标。', rows: [{ rowKey, after, reason: '调整' }] });
    await decideAdjustment(reviewing, 'approve', { adjustmentId, version: 1 });
  }
  selfEvalIds = (await openSelfEvalRounds({ actor: admin, ip: null }, { unitYearIds: [unitYearId] }))[0]!.selfEvalIds;
});

describe('a round’s 自评表 read a batch at a time', () => {
  it('are the sheets each gives alone, in print order, with both adjustments of the adjusted table', async () => {
    const all = (await unitYearSelfEvalExport(owner, unitYearId))!;
    const alone = await Promise.all(selfEvalIds.map(async (id) => (await oneSelfEvalExport(owner, id))!.sheets[0]!));
    expect(all.sheets.map((s) => s.projectCode)).toEqual(['13080024P00009810071A', '13080024P00009810071B', '13080024P00009810071C']);
    expect(all.sheets).toEqual(alone);
    expect(all.sheets[1]!.indicators.slice(0, 2).map((r) => r.target)).toEqual(['≥95%', '≤280 件']);
  });

  it('gives only approved ones when asked (the public page)', async () => {
    const round = (await findSelfEvalRound(unitYearId))!;
    const unitYear = (await getUnitYear(unitYearId))!;
    const seen: SelfEvalSheetView[] = [];
    await forEachSheetViewOfRound(round, unitYear, (v) => seen.push(v), { approvedOnly: true });
    expect(seen).toEqual([]);
    await forEachSheetViewOfRound(round, unitYear, (v) => seen.push(v));
    expect(seen.map((v) => v.selfEval.id)).toEqual(selfEvalIds);
  });
});
