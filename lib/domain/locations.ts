/** Human labels for places in a table: finding paths (`indicators.3.value`) and comment targets (`row:<key>`). */
import type { TargetTable } from './table';

const FIELD_LABELS: Record<string, string> = {
  code: '项目编码',
  name: '项目名称',
  'budget.total': '预算数',
  'budget.fiscal': '财政资金',
  'budget.other': '其他资金',
  purpose: '资金用途',
  goal: '绩效目标',
  schedule: '资金支出计划',
  indicators: '绩效指标（整体）',
  unitYear: '本年度',
};

const ROW_FIELD_LABELS: Record<string, string> = {
  level1: '一级指标',
  level2: '二级指标',
  name: '三级指标',
  description: '指标描述',
  value: '指标值',
  target: '指标值',
  basis: '指标值确定依据',
};

export function locationLabel(path: string, table: TargetTable | null): string {
  if (FIELD_LABELS[path]) return FIELD_LABELS[path];
  if (path.startsWith('group:')) return path.slice(6).replace('/', ' · ');
  if (path.startsWith('section:')) return path.slice(8);
  const schedule = /^schedule\.(\d+)(?:\.(month|percent))?$/.exec(path);
  if (schedule) return `资金支出计划第 ${Number(schedule[1]) + 1} 个时间点${schedule[2] === 'month' ? '的月份' : schedule[2] === 'percent' ? '的比例' : ''}`;
  const row = /^indicators\.(\d+)(?:\.(\w+))?/.exec(path);
  if (row) {
    const r = table?.indicators[Number(row[1])];
    const name = r ? (r.isPlaceholder ? `无${r.level2}` : r.name || r.level2) : '';
    return `指标第 ${Number(row[1]) + 1} 行${name ? `「${name}」` : ''}${row[2] ? ` ${ROW_FIELD_LABELS[row[2]] ?? ''}` : ''}`;
  }
  if (path.startsWith('row:')) {
    const r = table?.indicators.find((x) => x.key === path.slice(4));
    return r ? `指标「${r.isPlaceholder ? `无${r.level2}` : r.name}」（${r.level2}）` : '已删除的指标行';
  }
  return path;
}

/** What a reviewer can attach a comment to: the header fields and every indicator row. */
export function commentTargets(table: TargetTable): { value: string; label: string }[] {
  return [
    ...['name', 'budget.total', 'purpose', 'goal', 'schedule'].map((f) => ({ value: f, label: FIELD_LABELS[f]! })),
    ...table.indicators
      .filter((r) => r.key)
      .map((r) => ({ value: `row:${r.key}`, label: `${r.level2}：${r.isPlaceholder ? `无${r.level2}` : r.name}` })),
  ];
}

/**
 * Where a comment was written, as it read then (stored with the comment), and what that place is called
 * now when it was renamed since — so the record never says another row was commented on. Comments
 * written before labels were stored fall back to today's label.
 */
export function commentPlace(c: { target: string | null; targetLabel: string | null }, table: TargetTable | null): { label: string; now: string | null } | null {
  if (c.target === null) return null;
  const current = locationLabel(c.target, table);
  if (c.targetLabel === null) return { label: current, now: null };
  return { label: c.targetLabel, now: current === c.targetLabel ? null : current };
}

/** The place of a comment in one line: `指标「旧名」（数量指标）（该行现为 指标「新名」（数量指标））`. */
export function commentPlaceText(c: { target: string | null; targetLabel: string | null }, table: TargetTable | null): string | null {
  const p = commentPlace(c, table);
  return p ? `${p.label}${p.now ? `（该处现为 ${p.now}）` : ''}` : null;
}
