/** Converts between stored rows and the shared TargetTable type. */
import { randomUUID } from 'node:crypto';
import type { CheckpointInsert, IndicatorInsert, ProjectBundle, ProjectHeader } from '@/db/queries/projects';
import type { IndicatorDbRow } from '@/db/schema';
import { formatWanyuan, parseWanyuan } from '@/lib/domain/money';
import type { IndicatorRow, TargetTable } from '@/lib/domain/table';
import { COMPARATORS, type Comparator, type TargetValue } from '@/lib/domain/target-value';

export function newRowKey(): string {
  return randomUUID().replace(/-/g, '').slice(0, 16);
}

function targetOf(row: IndicatorDbRow): TargetValue {
  if (row.valueKind === 'quantity' && row.comparator && row.number !== null) {
    const op = (COMPARATORS as readonly string[]).includes(row.comparator) ? (row.comparator as Comparator) : '=';
    return { kind: 'quantity', op, number: Number(row.number), unit: row.unit ?? '' };
  }
  if (row.valueKind === 'deadline' && row.deadlineMonth !== null) {
    return {
      kind: 'deadline',
      year: row.deadlineYear,
      month: row.deadlineMonth,
      day: row.deadlineDay,
      ...(row.deadlineSuffix ? { suffix: row.deadlineSuffix } : {}),
    };
  }
  return { kind: 'text' };
}

export function bundleToTable(bundle: ProjectBundle): TargetTable {
  const p = bundle.project;
  return {
    code: p.code,
    name: p.name,
    budget: {
      total: p.totalTyped ?? formatWanyuan(p.totalYuan),
      fiscal: p.fiscalTyped ?? formatWanyuan(p.fiscalYuan),
      other: p.otherTyped ?? (p.otherYuan === null ? null : formatWanyuan(p.otherYuan)),
    },
    purpose: p.purpose,
    goal: p.goal,
    // Optional fields of tables read from other layouts: present only when stored, as the reader gives them.
    ...(p.longtermGoal === null ? {} : { longtermGoal: p.longtermGoal }),
    ...(p.amountUnit === null ? {} : { amountUnit: p.amountUnit }),
    schedule: bundle.checkpoints.map((c) => ({ month: c.month, percent: c.percent })),
    indicators: bundle.indicators.map(
      (r): IndicatorRow => ({
        key: r.rowKey,
        level1: r.level1,
        level2: r.level2,
        name: r.name,
        description: r.description,
        value: r.value,
        target: targetOf(r),
        basis: r.basis,
        isPlaceholder: r.isPlaceholder,
        ...(r.longtermValue === null ? {} : { longtermValue: r.longtermValue }),
      }),
    ),
  };
}

/** An amount as stored: its 元, or (not a valid amount) the text as typed beside a 0 / null. */
function storedAmount(text: string | null, empty: number | null): { yuan: number | null; typed: string | null } {
  if (text === null || text.trim() === '') return { yuan: empty, typed: null };
  const r = parseWanyuan(text);
  return r.ok ? { yuan: r.yuan, typed: null } : { yuan: empty, typed: text };
}

/** The stored header of a (validated) table; an amount that is not a valid 万元 amount is kept as typed. */
export function tableHeader(table: TargetTable, counts: { errors: number; warnings: number }): ProjectHeader {
  const total = storedAmount(table.budget.total, 0);
  const fiscal = storedAmount(table.budget.fiscal, 0);
  const other = storedAmount(table.budget.other, null);
  return {
    code: table.code,
    name: table.name,
    totalYuan: total.yuan ?? 0,
    fiscalYuan: fiscal.yuan ?? 0,
    otherYuan: other.yuan,
    totalTyped: total.typed,
    fiscalTyped: fiscal.typed,
    otherTyped: other.typed,
    purpose: table.purpose,
    goal: table.goal,
    longtermGoal: table.longtermGoal ?? null,
    amountUnit: table.amountUnit ?? null,
    errorCount: counts.errors,
    warningCount: counts.warnings,
  };
}

export function tablePlan(table: TargetTable): CheckpointInsert[] {
  return table.schedule.map((c) => ({ month: c.month, percent: c.percent }));
}

/** Rows to store; rows without a key get a fresh one (and the table is updated to carry it). */
export function tableRows(table: TargetTable): IndicatorInsert[] {
  return table.indicators.map((r) => {
    const key = r.key ?? newRowKey();
    r.key = key;
    const t = r.target;
    return {
      rowKey: key,
      level1: r.level1,
      level2: r.level2,
      name: r.name,
      description: r.description,
      value: r.value,
      valueKind: t.kind,
      comparator: t.kind === 'quantity' ? t.op : null,
      number: t.kind === 'quantity' ? String(t.number) : null,
      unit: t.kind === 'quantity' ? t.unit : null,
      deadlineYear: t.kind === 'deadline' ? t.year : null,
      deadlineMonth: t.kind === 'deadline' ? t.month : null,
      deadlineDay: t.kind === 'deadline' ? t.day : null,
      deadlineSuffix: t.kind === 'deadline' ? (t.suffix ?? null) : null,
      basis: r.basis,
      isPlaceholder: r.isPlaceholder,
      longtermValue: r.longtermValue ?? null,
    };
  });
}
