/** The roll-up against a database: a department's units, their tables by status, deadlines, who may see it. */
import { beforeAll, describe, expect, it } from 'vitest';
import { listAuditFor } from '@/db/queries/audit';
import type { Actor } from '@/lib/auth/permissions';
import { createTable } from '@/lib/projects/commands/create-table';
import { transitionTable } from '@/lib/projects/commands/transition-table';
import { systemActor } from '@/lib/setup/bootstrap';
import { makeActor, makeUnitYear, seededDatabase } from '@/lib/testing/db';
import { refusal } from '@/lib/testing/refusal';
import { sampleTable } from '@/lib/testing/tables';
import { createUnitInTree } from './commands/create-unit';
import { setUnitYearDeadline } from './commands/set-deadline';
import { updateUnitInTree } from './commands/update-unit';
import { departmentRollup, visibleDepartments } from './rollup';
import { rollupXlsx } from './rollup-xlsx';
import { readSheetRows } from './import/read-rows';

let cli: { actor: Actor; ip: null };
let dept = 0;
const uy: Record<string, number> = {};

beforeAll(async () => {
  await seededDatabase();
  cli = { actor: await systemActor(), ip: null };
  dept = (await createUnitInTree(cli, { code: '4410', name: '某主管部门' })).unitId;
  await createUnitInTree(cli, { code: '4420', name: '另一部门' });
  for (const [code, expenditure] of [['441001', '10.00'], ['441002', '5.00'], ['442001', null]] as const) {
    const { unit, unitYear } = await makeUnitYear(code, 2024, expenditure);
    uy[code] = unitYear.id;
    await updateUnitInTree(cli, { code, parentCode: code.startsWith('4410') ? '4410' : '4420' });
    const owner = await makeActor(`o${code}`, [{ unitId: unit.id, role: 'owner' }]);
    const t = await createTable({ actor: owner, ip: null }, unitYear.id, sampleTable('13080024P00009810002A', '10.00'));
    if (code === '441001') await transitionTable({ actor: owner, ip: null }, 'submit', { projectId: t.projectId, version: t.version });
  }
  await setUnitYearDeadline(cli, uy['441002']!, '2024-03-31');
  await setUnitYearDeadline(cli, uy['441001']!, '2024-03-31');
});

describe('department roll-up', () => {
  it('lists the units of the department with tables by status, the reconciliation and overdue', async () => {
    const reviewer = await makeActor('rv', [{ unitId: dept, role: 'reviewer' }]);
    const r = (await departmentRollup(reviewer, dept, {}, Date.parse('2024-04-02T00:00:00Z')))!;
    expect(r.year).toBe(2024);
    expect(r.rows.map((x) => x.unitCode)).toEqual(['441001', '441002']);
    const [a, b] = r.rows;
    expect(a!.byStatus.submitted).toBe(1);
    expect(a!.differenceYuan).toBe(0);
    expect(a!.deadline).toBe('open');
    expect(b!.byStatus.draft).toBe(1);
    expect(b!.differenceYuan).toBe(50_000);
    expect(b!.deadline).toBe('overdue');
    expect(r.totals).toMatchObject({ draft: 1, submitted: 1, overdue: 1, units: 2 });
    expect((await departmentRollup(reviewer, dept, { filter: 'overdue' }, Date.parse('2024-04-02T00:00:00Z')))!.rows.map((x) => x.unitCode)).toEqual(['441002']);
    expect((await visibleDepartments(reviewer)).map((u) => u.code)).toEqual(['4410']);
  });

  it('is refused to a reviewer of a sibling department', async () => {
    const other = await makeActor('rv2', [{ unitId: (await visibleDepartments(cli.actor)).find((u) => u.code === '4420')!.id, role: 'reviewer' }]);
    expect(await departmentRollup(other, dept, {})).toBeNull();
  });

  it('exports the overview to XLSX, one row per unit-year', async () => {
    const r = (await departmentRollup(cli.actor, dept, {}, Date.parse('2024-04-02T00:00:00Z')))!;
    const rows = await readSheetRows(await rollupXlsx(r));
    expect(rows[1]!.cells.slice(0, 2)).toEqual(['单位编码', '单位名称']);
    expect(rows.slice(2).map((x) => x.cells[0])).toEqual(['441001', '441002']);
    expect(rows[3]!.cells[13]).toBe('已逾期');
  });

  it('audits a deadline change and refuses it to non-administrators', async () => {
    expect(await setUnitYearDeadline(cli, uy['441002']!, '2024-03-31')).toEqual({ isChanged: false });
    await setUnitYearDeadline(cli, uy['441002']!, null);
    expect((await listAuditFor('unit-year', uy['441002']!)).filter((a) => a.action === 'update')).toHaveLength(2);
    const owner = await makeActor('plain', []);
    expect((await refusal(() => setUnitYearDeadline({ actor: owner, ip: null }, uy['441002']!, '2025-01-01'))).code).toBe('denied');
  });
});
