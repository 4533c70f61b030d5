/**
 * The monitoring dashboard at scale, in process: every table of the database gets a report in
 * a 1–7月 round of its unit-year (every table: the worst case), with lights and statuses spread as a real August looks (bulk INSERT …
 * SELECT, as db:synth loads projects), then the dashboard's data function is timed for an
 * administrator's all-units view, one ordinary unit-year, the largest unit-year, and a one-unit reviewer.
 */
import { sql } from 'drizzle-orm';
import { rawAll, rawRun, write } from '@/db/client';
import { analyze } from '@/db/queries/synth';
import { addMembership, findUserByUsername, insertUser } from '@/db/queries/users';
import { actorOf } from '@/lib/auth/session';
import { dashboard } from '@/lib/monitoring/dashboard';
import { time, type Timing } from './stats';

export type MonitoringSeed = { rounds: number; reports: number; seconds: number };

/**
 * A 1–7月 round for every unit-year and a report for every table, unless reports exist already (then
 * nothing is added: the bench seeds once). Every table, not only the approved ones, so the figures are
 * those of a database where all 100,000 tables are monitored.
 */
export async function seedMonitoring(): Promise<MonitoringSeed> {
  const t = Date.now();
  const count = async (table: 'monitoring_rounds' | 'monitoring_reports') => Number((await rawAll<{ n: number }>(sql`select count(*) as n from ${sql.identifier(table)}`))[0]?.n ?? 0);
  if ((await count('monitoring_reports')) === 0) {
    await write(async () => {
      await rawRun(sql`insert into monitoring_rounds (unit_year_id, month, deadline, opened_by, opened_at)
        select uy.id, 7, '2025-08-31', null, 0 from unit_years uy
        where not exists (select 1 from monitoring_rounds r where r.unit_year_id = uy.id and r.month = 7)`);
      // Lights and statuses by the project's id: about 10% red, 20% yellow, 50% green, 5% blue, 15% unlit.
      // (No anti-join against the reports being inserted: PostgreSQL planned it badly, minutes instead of seconds.)
      await rawRun(sql`insert into monitoring_reports (round_id, project_id, status, version, budget_yuan, executed_yuan,
          funds_light, funds_progress, light, red_count, yellow_count, created_at, updated_at)
        select r.id, p.id,
          case p.id % 4 when 0 then 'draft' when 1 then 'submitted' when 2 then 'approved' else 'returned' end,
          1, p.total_yuan, (p.total_yuan * (p.id % 97)) / 100,
          case p.id % 5 when 0 then 'red' when 1 then 'yellow' else 'green' end,
          (p.id % 130) * 1.0,
          case p.id % 20 when 0 then 'red' when 1 then 'red' when 2 then 'yellow' when 3 then 'yellow' when 4 then 'yellow'
            when 5 then 'yellow' when 6 then 'blue' when 7 then 'none' when 8 then 'none' when 9 then 'none' else 'green' end,
          p.id % 3, p.id % 2, 0, p.id
        from projects p
        join monitoring_rounds r on r.unit_year_id = p.unit_year_id and r.month = 7`);
    });
    await analyze();
  }
  return { rounds: await count('monitoring_rounds'), reports: await count('monitoring_reports'), seconds: (Date.now() - t) / 1000 };
}

async function userActor(username: string, isAdmin: boolean, unitId: number | null) {
  let user = await findUserByUsername(username);
  if (!user) {
    user = await write(async () => {
      const u = await insertUser({ username, displayName: username, passwordHash: 'scrypt$1$1$1$x$x', isAdmin, mustChangePassword: false });
      if (unitId !== null) await addMembership(u.id, unitId, 'reviewer');
      return u;
    });
  }
  return actorOf(user);
}

export type RoundRef = { roundId: number; unitId: number; unitCode: string; reports: number };

/** The round of an ordinary unit-year (the most common size) and of the largest one. */
async function roundsToTime(): Promise<{ ordinary: RoundRef; largest: RoundRef }> {
  const rows = await rawAll<{ roundId: number; unitId: number; unitCode: string; reports: number }>(sql`
    select r.id as "roundId", u.id as "unitId", u.code as "unitCode", count(m.id) as reports
    from monitoring_rounds r join unit_years uy on uy.id = r.unit_year_id join units u on u.id = uy.unit_id
    join monitoring_reports m on m.round_id = r.id
    group by r.id, u.id, u.code order by count(m.id) desc, r.id`);
  const refs = rows.map((r) => ({ roundId: Number(r.roundId), unitId: Number(r.unitId), unitCode: r.unitCode, reports: Number(r.reports) }));
  if (refs.length === 0) throw new Error('no monitoring reports to time');
  const counts = new Map<number, number>();
  for (const r of refs) counts.set(r.reports, (counts.get(r.reports) ?? 0) + 1);
  const common = [...counts.entries()].sort((a, b) => b[1] - a[1])[0]![0];
  return { ordinary: refs.find((r) => r.reports === common)!, largest: refs[0]! };
}

export type DashboardFigure = { label: string; reports: number; rows: number; cpuMs: number } & Timing;

/** Times `dashboard()` (the page's whole data) for each view; every call is checked to have rows. */
export async function timeDashboard(runs: number): Promise<{ figures: DashboardFigure[]; ordinary: RoundRef; largest: RoundRef }> {
  const { ordinary, largest } = await roundsToTime();
  const admin = await userActor('bench-monitor-admin', true, null);
  const reviewer = await userActor('bench-monitor-reviewer', false, ordinary.unitId);
  const views = [
    { label: '管理员：全部单位年度', actor: admin, params: {}, reports: -1 },
    { label: `管理员：普通单位年度（${ordinary.reports} 张）`, actor: admin, params: { round: String(ordinary.roundId) }, reports: ordinary.reports },
    { label: `管理员：最大单位年度（${largest.reports} 张）`, actor: admin, params: { round: String(largest.roundId) }, reports: largest.reports },
    { label: '管理员：全部，只看红灯', actor: admin, params: { light: 'red' }, reports: -1 },
    { label: '本单位审核人：全部可见', actor: reviewer, params: {}, reports: ordinary.reports },
  ];
  const figures: DashboardFigure[] = [];
  for (const v of views) {
    const d = await dashboard(v.actor, v.params);
    if (d.rows.length === 0 || (v.reports >= 0 && d.counts.total !== v.reports)) throw new Error(`${v.label}: ${d.rows.length} rows, ${d.counts.total} counted`);
    const cpu0 = process.cpuUsage();
    const t = await time(runs, () => dashboard(v.actor, v.params), 5);
    const cpu = process.cpuUsage(cpu0);
    // This process's CPU per call (SQLite runs in it; PostgreSQL's work is in the server): on a loaded
    // machine the wall-clock figures mostly measure waiting for a core.
    figures.push({ label: v.label, reports: d.counts.total, rows: d.rows.length, ...t, cpuMs: (cpu.user + cpu.system) / 1000 / (runs + 5) });
  }
  return { figures, ordinary, largest };
}
