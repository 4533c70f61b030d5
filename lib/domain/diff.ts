/**
 * What changed between two versions of a table, field by field and row by row (rows matched by
 * their stable key). Stored in the audit log and shown on the history page.
 */
import type { IndicatorRow, TargetTable } from './table';

export type FieldChange = { field: string; label: string; before: string | null; after: string | null };
export type TableChange =
  | ({ kind: 'field' } & FieldChange)
  | { kind: 'row-added'; key: string; row: string; level2: string }
  | { kind: 'row-removed'; key: string; row: string; level2: string }
  | { kind: 'row-changed'; key: string; row: string; level2: string; fields: FieldChange[] }
  | { kind: 'rows-reordered' };

const HEADER_FIELDS: { field: string; label: string; get: (t: TargetTable) => string | null }[] = [
  { field: 'code', label: '项目编码', get: (t) => t.code },
  { field: 'name', label: '项目名称', get: (t) => t.name },
  { field: 'budget.total', label: '预算数', get: (t) => t.budget.total },
  { field: 'budget.fiscal', label: '财政资金', get: (t) => t.budget.fiscal },
  { field: 'budget.other', label: '其他资金', get: (t) => t.budget.other },
  { field: 'purpose', label: '资金用途', get: (t) => t.purpose },
  { field: 'goal', label: '绩效目标', get: (t) => t.goal },
  { field: 'longtermGoal', label: '中长期目标', get: (t) => t.longtermGoal ?? null },
  { field: 'amountUnit', label: '原表金额单位', get: (t) => t.amountUnit ?? null },
  {
    field: 'schedule',
    label: '资金支出计划',
    get: (t) => t.schedule.map((c) => `${c.month}月底 ${c.percent === null ? '（未填）' : `${c.percent}%`}`).join('，'),
  },
];

const ROW_FIELDS: { field: keyof IndicatorRow; label: string }[] = [
  { field: 'level1', label: '一级指标' },
  { field: 'level2', label: '二级指标' },
  { field: 'name', label: '三级指标' },
  { field: 'description', label: '指标描述' },
  { field: 'value', label: '指标值' },
  { field: 'basis', label: '指标值确定依据' },
  { field: 'longtermValue', label: '中长期指标值' },
  { field: 'isPlaceholder', label: '不适用' },
];

function cell(row: IndicatorRow, field: keyof IndicatorRow): string {
  const v = row[field];
  if (typeof v === 'boolean') return v ? '是' : '否';
  return typeof v === 'string' ? v : '';
}

function rowLabel(row: IndicatorRow): string {
  return row.isPlaceholder ? `无${row.level2}` : row.name || '（未命名）';
}

export function diffTables(before: TargetTable | null, after: TargetTable): TableChange[] {
  const changes: TableChange[] = [];
  for (const f of HEADER_FIELDS) {
    const a = before ? f.get(before) : null;
    const b = f.get(after);
    if (a !== b && !(before === null && (b === '' || b === null))) {
      changes.push({ kind: 'field', field: f.field, label: f.label, before: a, after: b });
    }
  }
  const oldRows = new Map((before?.indicators ?? []).map((r, i) => [r.key ?? `#${i}`, r]));
  const newKeys = new Set<string>();
  after.indicators.forEach((r, i) => {
    const key = r.key ?? `#${i}`;
    newKeys.add(key);
    const old = oldRows.get(key);
    if (!old) {
      changes.push({ kind: 'row-added', key, row: rowLabel(r), level2: r.level2 });
      return;
    }
    const fields = ROW_FIELDS.flatMap(({ field, label }) => {
      const a = cell(old, field);
      const b = cell(r, field);
      return a === b ? [] : [{ field, label, before: a, after: b }];
    });
    if (fields.length > 0) changes.push({ kind: 'row-changed', key, row: rowLabel(r), level2: r.level2, fields });
  });
  for (const [key, r] of oldRows) {
    if (!newKeys.has(key)) changes.push({ kind: 'row-removed', key, row: rowLabel(r), level2: r.level2 });
  }
  const oldOrder = (before?.indicators ?? []).map((r) => r.key).filter((k) => k !== undefined && newKeys.has(k));
  const newOrder = after.indicators.map((r) => r.key).filter((k) => k !== undefined && oldRows.has(k));
  if (before && oldOrder.join() !== newOrder.join()) changes.push({ kind: 'rows-reordered' });
  return changes;
}
