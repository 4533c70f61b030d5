/**
 * Department roll-up at scale, in process: a department of 300 units with 100 tables each (30,000
 * tables), the roll-up's server time (subtree, unit-years, tables by status, reconciliation) for a
 * reviewer granted on the department. Prints the median and p95; issue 18 asks p95 < 200 ms.
 * Usage: npx tsx scripts/bench/rollup.ts [--units 300] [--per-unit 100]
 *   SQLite: a temporary file. PostgreSQL: DATABASE_URL, which it fills: give it a throwaway database.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { rawRun, useDatabase, write } from '@/db/client';
import { insertUnitUnder } from '@/db/queries/departments';
import { analyze } from '@/db/queries/synth';
import { addMembership, insertUser, findUserByUsername } from '@/db/queries/users';
import { actorOf } from '@/lib/auth/session';
import { departmentRollup } from '@/lib/departments/rollup';
import { ensureBaseData, systemActor } from '@/lib/setup/bootstrap';
import { synthesize } from '@/lib/setup/synth';
import { ms, printTable, time } from './stats';

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

async function main(): Promise<void> {
  const units = arg('--units', 300);
  const perUnit = arg('--per-unit', 100);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pt-bench-rollup-'));
  try {
    await useDatabase(process.env.DATABASE_URL ?? path.join(dir, 'bench.db'));
    await ensureBaseData();
    const system = await systemActor();
    const t0 = Date.now();
    await synthesize({ projects: units * perUnit, perUnit, year: 2024, seed: 18 }, system.id);
    const dept = await write(async () => {
      const d = await insertUnitUnder('D18', '基准测试主管部门', null);
      // Every synthesized unit (codes 9xxxxx) under the department, and a reviewer granted on it.
      await rawRun(sql`update units set parent_id = ${d.id} where code like '9%' and id <> ${d.id}`);
      const u = await insertUser({ username: 'bench-dept-reviewer', displayName: '基准审核人', passwordHash: 'scrypt$1$1$1$x$x', isAdmin: false, mustChangePassword: false });
      await addMembership(u.id, d.id, 'reviewer');
      return d;
    });
    await analyze();
    const loaded = ((Date.now() - t0) / 1000).toFixed(1);
    const reviewer = await actorOf((await findUserByUsername('bench-dept-reviewer'))!);
    const check = (await departmentRollup(reviewer, dept.id, {}))!;
    if (check.rows.length !== units || check.rows.reduce((n, r) => n + r.tables, 0) !== units * perUnit) throw new Error('roll-up does not cover the department');
    const user = (await findUserByUsername('bench-dept-reviewer'))!;
    const session = await time(50, () => actorOf(user));
    const plain = await time(50, () => departmentRollup(reviewer, dept.id, {}));
    const sorted = await time(50, () => departmentRollup(reviewer, dept.id, { filter: 'open', sort: 'progress' }));
    printTable([
      { what: `actorOf (role on a department of ${units} units)`, p50: ms(session.p50), p95: ms(session.p95) },
      { what: `roll-up, ${units} units / ${units * perUnit} tables`, p50: ms(plain.p50), p95: ms(plain.p95) },
      { what: 'roll-up, filtered and sorted', p50: ms(sorted.p50), p95: ms(sorted.p95) },
    ]);
    console.log(`${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}; data loaded in ${loaded} s`);
    // The line `npm run bench` (scripts/bench/rollup-run.ts) reads its figures from.
    console.log(`ROLLUP_FIGURES ${JSON.stringify({ units, tables: units * perUnit, p50: plain.p50, p95: plain.p95, sortedP95: sorted.p95, actorP95: session.p95 })}`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
