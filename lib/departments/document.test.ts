import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { write } from '@/db/client';
import { insertUnitUnder, setUnitParent } from '@/db/queries/departments';
import type { Actor } from '@/lib/auth/permissions';
import { createTable } from '@/lib/projects/commands/create-table';
import { transitionTable } from '@/lib/projects/commands/transition-table';
import { makeActor, makeUnitYear, seededDatabase } from '@/lib/testing/db';
import { sampleTable } from '@/lib/testing/tables';
import { departmentBody, departmentDocument } from './document';

let deptId: number;
let viewer: Actor;
let outsider: Actor;

async function bytes(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** A department 8801 over 880101 (two approved tables, one draft) and 880102 (one approved); 8802 apart. */
beforeAll(async () => {
  await seededDatabase();
  const a = await makeUnitYear('880101', 2024, '10.00');
  const b = await makeUnitYear('880102', 2024, '10.00');
  const c = await makeUnitYear('880201', 2024, '10.00');
  const { dept, other } = await write(async () => {
    const dept = await insertUnitUnder('8801', '测试主管部门', null);
    const other = await insertUnitUnder('8802', '另一主管部门', null);
    await setUnitParent(a.unit.id, dept.id);
    await setUnitParent(b.unit.id, dept.id);
    await setUnitParent(c.unit.id, other.id);
    return { dept, other };
  });
  deptId = dept.id;
  const owner = await makeActor('dd-owner', [
    { unitId: a.unit.id, role: 'owner' },
    { unitId: b.unit.id, role: 'owner' },
    { unitId: c.unit.id, role: 'owner' },
  ]);
  const reviewer = await makeActor('dd-reviewer', [
    { unitId: dept.id, role: 'reviewer' },
    { unitId: other.id, role: 'reviewer' },
  ]);
  const made = async (uy: number, code: string, isApproved: boolean) => {
    const t = await createTable({ actor: owner, ip: null }, uy, sampleTable(code));
    if (!isApproved) return;
    const s = await transitionTable({ actor: owner, ip: null }, 'submit', t);
    await transitionTable({ actor: reviewer, ip: null }, 'approve', { projectId: t.projectId, version: s.version });
  };
  await made(a.unitYear.id, '13080024P00008810101A', true);
  await made(a.unitYear.id, '13080024P00008810102A', true);
  await made(a.unitYear.id, '13080024P00008810103A', false);
  await made(b.unitYear.id, '13080024P00008810201A', true);
  await made(c.unitYear.id, '13080024P00008820101A', true);
  viewer = await makeActor('dd-viewer', [{ unitId: dept.id, role: 'reviewer' }]);
  outsider = await makeActor('dd-outsider', [{ unitId: other.id, role: 'reviewer' }]);
});

describe('the department document (issue 18)', () => {
  it('holds the approved tables of the department’s units only, each unit headed by its own 项目清单', async () => {
    const d = (await departmentDocument(viewer, deptId, 2024))!;
    expect(d.sections.map((s) => s.unit.code)).toEqual(['880101', '880102']);
    expect(d.tables).toBe(3);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await bytes(departmentBody(d, 'xlsx'))) as unknown as ArrayBuffer);
    const names = wb.worksheets.map((w) => w.name);
    expect(names).toHaveLength(5);
    expect(names[0]).toMatch(/^880101 项目清单/);
    expect(names[3]).toMatch(/^880102 项目清单/);
    expect(String(wb.worksheets[3]!.getCell(2, 1).value)).toContain('880102');
    expect((await bytes(departmentBody(d, 'pdf'))).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('is refused to a reviewer of another department', async () => {
    expect(await departmentDocument(outsider, deptId, 2024)).toBeNull();
  });
});
