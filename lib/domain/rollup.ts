/**
 * A department's roll-up as pure rules: each unit-year's tables by status, its 项目支出 against the sum
 * of its tables, and where it stands against its 编报截止日期.
 */
import { PROJECT_STATUSES, type ProjectStatus } from '@/db/schema/enums';

export type RollupInput = {
  unitYearId: number;
  unitId: number;
  unitCode: string;
  unitName: string;
  year: number;
  projectExpenditureYuan: number | null;
  dueOn: string | null;
  status: string | null;
  tables: number;
  budgetYuan: number;
};

/** `overdue`: past the deadline with tables not yet submitted (or none at all); `due-soon`: within 7 days. */
export type DeadlineState = 'done' | 'overdue' | 'due-soon' | 'open' | 'no-deadline';

export type RollupRow = {
  unitYearId: number;
  unitId: number;
  unitCode: string;
  unitName: string;
  year: number;
  byStatus: Record<ProjectStatus, number>;
  tables: number;
  budgetYuan: number;
  projectExpenditureYuan: number | null;
  /** Sum of the tables minus 项目支出; null while 项目支出 is not known. */
  differenceYuan: number | null;
  dueOn: string | null;
  deadline: DeadlineState;
  /** Approved tables as a share of all, 0–1 (0 with no tables). */
  progress: number;
};

export const DEADLINE_LABELS: Record<DeadlineState, string> = {
  done: '已全部审核',
  overdue: '已逾期',
  'due-soon': '即将逾期',
  open: '未到期',
  'no-deadline': '未设截止日期',
};

const DAY = 86_400_000;

/** Today in China Standard Time, `YYYY-MM-DD`: the deadlines are dates there. */
export function todayInChina(at: number): string {
  return new Date(at + 8 * 3_600_000).toISOString().slice(0, 10);
}

export function deadlineState(byStatus: Record<ProjectStatus, number>, tables: number, dueOn: string | null, today: string): DeadlineState {
  if (tables > 0 && byStatus.approved === tables) return 'done';
  if (dueOn === null) return 'no-deadline';
  const isAllIn = tables > 0 && byStatus.draft + byStatus.returned === 0;
  if (isAllIn) return 'open';
  if (today > dueOn) return 'overdue';
  return Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`) <= 7 * DAY ? 'due-soon' : 'open';
}

/**
 * A deadline as the tasks list reads it for a table still with its owner: 已逾期 past the date, 即将逾期
 * within 3 days of it (the date itself included), otherwise nothing to flag.
 */
export function taskDeadline(dueOn: string, today: string): 'overdue' | 'due-soon' | null {
  if (today > dueOn) return 'overdue';
  return Date.parse(`${dueOn}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`) <= 3 * DAY ? 'due-soon' : null;
}

export function rollupRows(cells: readonly RollupInput[], today: string): RollupRow[] {
  const rows = new Map<number, RollupRow>();
  for (const c of cells) {
    let row = rows.get(c.unitYearId);
    if (!row) {
      row = {
        unitYearId: c.unitYearId,
        unitId: c.unitId,
        unitCode: c.unitCode,
        unitName: c.unitName,
        year: c.year,
        byStatus: Object.fromEntries(PROJECT_STATUSES.map((s) => [s, 0])) as Record<ProjectStatus, number>,
        tables: 0,
        budgetYuan: 0,
        projectExpenditureYuan: c.projectExpenditureYuan,
        differenceYuan: null,
        dueOn: c.dueOn,
        deadline: 'no-deadline',
        progress: 0,
      };
      rows.set(c.unitYearId, row);
    }
    if (c.status !== null && (PROJECT_STATUSES as readonly string[]).includes(c.status)) {
      row.byStatus[c.status as ProjectStatus] += c.tables;
      row.tables += c.tables;
      row.budgetYuan += c.budgetYuan;
    }
  }
  for (const row of rows.values()) {
    row.differenceYuan = row.projectExpenditureYuan === null ? null : row.budgetYuan - row.projectExpenditureYuan;
    row.deadline = deadlineState(row.byStatus, row.tables, row.dueOn, today);
    row.progress = row.tables === 0 ? 0 : row.byStatus.approved / row.tables;
  }
  return [...rows.values()];
}

export type RollupFilter = 'all' | 'overdue' | 'open' | 'mismatch';
export type RollupSort = 'code' | 'progress' | 'due';

export function filterAndSort(rows: readonly RollupRow[], filter: RollupFilter, sort: RollupSort): RollupRow[] {
  const kept = rows.filter((r) =>
    filter === 'overdue' ? r.deadline === 'overdue' : filter === 'open' ? r.deadline !== 'done' : filter === 'mismatch' ? r.differenceYuan !== null && r.differenceYuan !== 0 : true,
  );
  const byCode = (a: RollupRow, b: RollupRow) => a.unitCode.localeCompare(b.unitCode);
  if (sort === 'progress') return kept.sort((a, b) => a.progress - b.progress || byCode(a, b));
  if (sort === 'due') return kept.sort((a, b) => (a.dueOn ?? '9999').localeCompare(b.dueOn ?? '9999') || byCode(a, b));
  return kept.sort(byCode);
}

/** The department's totals, for the chart: tables by status across all its units. */
export function totals(rows: readonly RollupRow[]): Record<ProjectStatus, number> & { overdue: number; units: number } {
  const t = { draft: 0, submitted: 0, returned: 0, dept_approved: 0, approved: 0, overdue: 0, units: rows.length };
  for (const r of rows) {
    for (const s of PROJECT_STATUSES) t[s] += r.byStatus[s];
    if (r.deadline === 'overdue') t.overdue++;
  }
  return t;
}
