/**
 * Bulk insert of synthetic units, unit-years and tables for scale tests. Uses prepared statements in
 * large transactions: drizzle's per-row builder would dominate the time at 100,000 projects.
 */
import { sqlite } from '../client';

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

export function insertSynthUnits(units: readonly SynthUnit[], userId: number | null): number {
  const db = sqlite();
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
  const run = db.transaction((batch: readonly SynthUnit[]) => {
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
  });
  for (let i = 0; i < units.length; i += 50) run.immediate(units.slice(i, i + 50));
  return count;
}

export function maxSynthUnitCode(prefix: string): number {
  const row = sqlite()
    .prepare("select max(cast(substr(code, 2) as integer)) as m from units where code like ? || '%'")
    .get(prefix) as { m: number | null };
  return row.m ?? 0;
}

export function analyze(): void {
  sqlite().exec('analyze');
}
