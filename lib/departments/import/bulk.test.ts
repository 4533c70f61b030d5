/**
 * Issue 18's provisioning figure: 300 units and 600 accounts from XLSX in under 10 s, and the same
 * files again change nothing (no new audit rows). Accounts get generated passwords, as a bulk import
 * usually does; a password given in the file costs one scrypt hash (~50–150 ms here) per new account.
 */
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { rawAll } from '@/db/client';
import { systemActor } from '@/lib/setup/bootstrap';
import { seededDatabase } from '@/lib/testing/db';
import { importUnits } from '../commands/import-units';
import { importUsers } from '../commands/import-users';

async function xlsx(rows: string[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Sheet1');
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

/** 30 departments of 10 units each: the department itself (本级 under it) and 9 subordinate units. */
function unitRows(): string[][] {
  const rows = [['单位编码', '单位名称', '上级单位编码']];
  for (let d = 1; d <= 30; d++) {
    const dept = `9${String(d).padStart(3, '0')}`;
    rows.push([dept, `测试部门 ${d}`, '']);
    for (let u = 1; u <= 9; u++) rows.push([`${dept}${String(u).padStart(2, '0')}`, `测试部门 ${d} 下属单位 ${u}`, dept]);
  }
  return rows;
}

function userRows(): string[][] {
  const rows = [['用户名', '姓名', '角色', '初始密码']];
  for (let d = 1; d <= 30; d++) {
    const dept = `9${String(d).padStart(3, '0')}`;
    for (let i = 1; i <= 20; i++) {
      const unit = i <= 2 ? dept : `${dept}${String(((i - 3) % 9) + 1).padStart(2, '0')}`;
      rows.push([`bulk${dept}-${i}`, `用户 ${dept}-${i}`, i <= 2 ? `审核人:${unit}` : `编制人:${unit}(仅本单位)`, '']);
    }
  }
  return rows;
}

const auditCount = async () => Number((await rawAll<{ n: number }>(sql`select count(*) as n from audit_log`))[0]!.n);

beforeAll(async () => {
  await seededDatabase();
});

describe('bulk provisioning', () => {
  it('300 units and 600 accounts from XLSX in under 10 s; the same files again change nothing', async () => {
    const who = { actor: await systemActor(), ip: null };
    const [units, users] = [await xlsx(unitRows()), await xlsx(userRows())];
    const started = performance.now();
    expect(await importUnits(who, units)).toEqual({ created: 300, updated: 0, unchanged: 0 });
    console.log(`units: ${((performance.now() - started) / 1000).toFixed(2)} s`);
    const r = await importUsers(who, users);
    const seconds = (performance.now() - started) / 1000;
    expect({ ...r, generated: r.generated.length }).toEqual({ created: 600, updated: 0, unchanged: 0, generated: 600 });
    console.log(`bulk import: 300 units + 600 users in ${seconds.toFixed(2)} s (${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'})`);
    expect(seconds).toBeLessThan(10);

    const audits = await auditCount();
    const again = performance.now();
    expect(await importUnits(who, units)).toEqual({ created: 0, updated: 0, unchanged: 300 });
    expect(await importUsers(who, users)).toEqual({ created: 0, updated: 0, unchanged: 600, generated: [] });
    console.log(`bulk re-import (no change): ${((performance.now() - again) / 1000).toFixed(2)} s`);
    expect(await auditCount()).toBe(audits);
  }, 60_000);
});
