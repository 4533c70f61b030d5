/**
 * Bulk insert of synthetic units, unit-years and tables for scale tests. Uses prepared statements in
 * large transactions: drizzle's per-row builder would dominate the time at 100,000 projects.
 */
import { sql } from 'drizzle-orm';
import { bulkPostgres, rawAll, sqliteConnection, write } from '../client';

export type SynthIndicator = {
  level1: string;
  level2: string;
  name: string;
  description: string;
  value: string;
  valueKind: 'quantity' | 'deadline' | 'text';
  comparator: string | null;
  number: string | null;
  unit: string | null;
  deadlineMonth: number | null;
  deadlineDay: number | null;
  basis: string;
  isPlaceholder: boolean;
};

export type SynthProject = {
  code: string;
  name: string;
  totalYuan: number;
  purpose: string;
  goal: string;
  status: string;
  schedule: { month: number; percent: number }[];
  indicators: SynthIndicator[];
};

export type SynthUnit = { code: string; name: string; year: number; frameworkId: number; projects: SynthProject[] };

export async function insertSynthUnits(units: readonly SynthUnit[], userId: number | null): Promise<number> {
  if (!sqliteConnection()) return insertSynthUnitsPostgres(units, userId);
  let count = 0;
  for (let i = 0; i < units.length; i += 50) {
    await write(async () => {
      count += insertSynthBatchSqlite(units.slice(i, i + 50), userId);
    });
  }
  return count;
}

function insertSynthBatchSqlite(batch: readonly SynthUnit[], userId: number | null): number {
  const db = sqliteConnection()!;
  const now = Date.now();
  const insUnit = db.prepare('insert into units (code, name, created_at) values (?, ?, ?)');
  const insYear = db.prepare(
    'insert into unit_years (unit_id, year, framework_id, project_expenditure_yuan, rule_profile, created_at, updated_at) values (?, ?, ?, ?, null, ?, ?)',
  );
  const insProject = db.prepare(
    `insert into projects (unit_year_id, position, code, name, total_yuan, fiscal_yuan, other_yuan, purpose, goal, status, version,
       error_count, warning_count, created_by, updated_by, submitted_by, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, null, ?, ?, ?, 1, 0, 0, ?, ?, null, ?, ?)`,
  );
  const insCheckpoint = db.prepare('insert into checkpoints (project_id, position, month, percent) values (?, ?, ?, ?)');
  const insIndicator = db.prepare(
    `insert into indicators (project_id, row_key, position, level1, level2, name, description, value, value_kind, comparator, number, unit,
       deadline_year, deadline_month, deadline_day, deadline_suffix, basis, is_placeholder)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, null, ?, ?)`,
  );
  let count = 0;
  {
    for (const u of batch) {
      const unitId = Number(insUnit.run(u.code, u.name, now).lastInsertRowid);
      const budgetSum = u.projects.reduce((s, p) => s + p.totalYuan, 0);
      const yearId = Number(insYear.run(unitId, u.year, u.frameworkId, budgetSum, now, now).lastInsertRowid);
      u.projects.forEach((p, i) => {
        const pid = Number(
          insProject.run(yearId, i + 1, p.code, p.name, p.totalYuan, p.totalYuan, p.purpose, p.goal, p.status, userId, userId, now, now)
            .lastInsertRowid,
        );
        p.schedule.forEach((c, j) => insCheckpoint.run(pid, j + 1, c.month, c.percent));
        p.indicators.forEach((r, j) =>
          insIndicator.run(pid, `s${pid}r${j}`, j + 1, r.level1, r.level2, r.name, r.description, r.value, r.valueKind,
            r.comparator, r.number, r.unit, r.deadlineMonth, r.deadlineDay, r.basis, r.isPlaceholder ? 1 : 0),
        );
        count++;
      });
    }
  }
  return count;
}

/**
 * PostgreSQL: each kind of row goes in as one statement per batch of units, its columns passed as
 * arrays and expanded by unnest (a million tables would take hours one statement at a time).
 */
async function insertSynthUnitsPostgres(units: readonly SynthUnit[], userId: number | null): Promise<number> {
  const now = Date.now();
  let count = 0;
  for (let i = 0; i < units.length; i += 200) {
    const batch = units.slice(i, i + 200);
    await bulkPostgres(async (client) => {
      const unitIds = (
        await client.query<{ id: number }>(
          'insert into units (code, name, created_at) select * from unnest($1::text[], $2::text[], $3::bigint[]) returning id',
          [batch.map((u) => u.code), batch.map((u) => u.name), batch.map(() => now)],
        )
      ).rows.map((r) => r.id);
      const yearIds = (
        await client.query<{ id: number }>(
          `insert into unit_years (unit_id, year, framework_id, project_expenditure_yuan, rule_profile, created_at, updated_at)
           select u, y, f, e, null, $5, $5 from unnest($1::int[], $2::int[], $3::int[], $4::bigint[]) as t(u, y, f, e) returning id`,
          [unitIds, batch.map((u) => u.year), batch.map((u) => u.frameworkId), batch.map((u) => u.projects.reduce((s, p) => s + p.totalYuan, 0)), now],
        )
      ).rows.map((r) => r.id);
      const ps = batch.flatMap((u, k) => u.projects.map((p, j) => ({ p, yearId: yearIds[k]!, position: j + 1 })));
      const projectIds: number[] = [];
      for (let j = 0; j < ps.length; j += 5000) {
        const part = ps.slice(j, j + 5000);
        const ids = await client.query<{ id: number }>(
          `insert into projects (unit_year_id, position, code, name, total_yuan, fiscal_yuan, other_yuan, purpose, goal, status, version,
             error_count, warning_count, created_by, updated_by, submitted_by, created_at, updated_at)
           select y, pos, c, n, t, t, null, pu, g, s, 1, 0, 0, $8, $8, null, $9, $9
           from unnest($1::int[], $2::int[], $3::text[], $4::text[], $5::bigint[], $6::text[], $7::text[], $10::text[]) with ordinality as x(y, pos, c, n, t, pu, g, s, o)
           order by o returning id`,
          [part.map((x) => x.yearId), part.map((x) => x.position), part.map((x) => x.p.code), part.map((x) => x.p.name),
            part.map((x) => x.p.totalYuan), part.map((x) => x.p.purpose), part.map((x) => x.p.goal), userId, now, part.map((x) => x.p.status)],
        );
        projectIds.push(...ids.rows.map((r) => r.id));
      }
      const cps = ps.flatMap((x, k) => x.p.schedule.map((c, j) => [projectIds[k]!, j + 1, c.month, c.percent] as const));
      await client.query(
        'insert into checkpoints (project_id, position, month, percent) select * from unnest($1::int[], $2::int[], $3::int[], $4::float8[])',
        [0, 1, 2, 3].map((col) => cps.map((c) => c[col])),
      );
      const rows = ps.flatMap((x, k) => x.p.indicators.map((r, j) => ({ r, pid: projectIds[k]!, j })));
      for (let j = 0; j < rows.length; j += 20000) {
        const part = rows.slice(j, j + 20000);
        const col = <T,>(f: (x: (typeof part)[number]) => T) => part.map(f);
        await client.query(
          `insert into indicators (project_id, row_key, position, level1, level2, name, description, value, value_kind, comparator, number, unit,
             deadline_year, deadline_month, deadline_day, deadline_suffix, basis, is_placeholder)
           select p, k, pos, l1, l2, n, d, v, vk, c, num, u, null, dm, dd, null, b, ph
           from unnest($1::int[], $2::text[], $3::int[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[],
             $11::text[], $12::text[], $13::int[], $14::int[], $15::text[], $16::bool[]) as t(p, k, pos, l1, l2, n, d, v, vk, c, num, u, dm, dd, b, ph)`,
          [col((x) => x.pid), col((x) => `s${x.pid}r${x.j}`), col((x) => x.j + 1), col((x) => x.r.level1), col((x) => x.r.level2),
            col((x) => x.r.name), col((x) => x.r.description), col((x) => x.r.value), col((x) => x.r.valueKind), col((x) => x.r.comparator),
            col((x) => x.r.number), col((x) => x.r.unit), col((x) => x.r.deadlineMonth), col((x) => x.r.deadlineDay), col((x) => x.r.basis),
            col((x) => x.r.isPlaceholder)],
        );
      }
      count += ps.length;
    });
  }
  return count;
}

export async function maxSynthUnitCode(prefix: string): Promise<number> {
  const rows = await rawAll<{ code: string }>(sql`select code from units where code like ${`${prefix}%`}`);
  let max = 0;
  for (const { code } of rows) {
    const rest = code.slice(prefix.length);
    if (/^\d+$/.test(rest)) max = Math.max(max, Number(rest));
  }
  return max;
}

/** Refreshes the planner's statistics after a bulk load. */
export async function analyze(): Promise<void> {
  if (sqliteConnection()) await write(async () => void sqliteConnection()!.exec('analyze'));
  else await bulkPostgres(async (client) => void (await client.query('analyze')));
}
