/**
 * The values the editor starts from: a blank table for the new-table page, and a stored table made
 * ready for editing. A number or cost row whose value was left unfinished is stored as an empty
 * 指标值; it comes back as an empty number to fill in, not as free text, and an unfilled budget
 * (stored as 0.00) as empty amounts.
 */
import { findCategory, type CategoryRole, type Framework } from '@/lib/domain/framework';
import type { TableInput } from '@/lib/domain/schemas';
import type { TargetTable } from '@/lib/domain/table';
import { isUnfilledBudget } from './budget-check';
import type { LearnedDefaults } from './learned-defaults';

type Row = TableInput['indicators'][number];
type Target = Row['target'];

export const DEFAULT_PLAN: { month: number; percent: number }[] = [
  { month: 3, percent: 25 },
  { month: 6, percent: 50 },
  { month: 10, percent: 75 },
  { month: 12, percent: 100 },
];

/**
 * The empty value a category's rows start with, the same for the blank table's rows and rows added
 * later: a count for 数量, an amount for 成本, a date for 时效, a ≥ percentage for 满意度, text otherwise.
 * The date starts without a month (left to the owner, like a number), with presets beside it.
 */
export function startingTarget(role: CategoryRole | null): Target {
  if (role === 'cost') return { kind: 'quantity', op: '<=', number: null, unit: '万元' };
  if (role === 'quantity') return { kind: 'quantity', op: '>=', number: null, unit: '个' };
  if (role === 'satisfaction') return { kind: 'quantity', op: '>=', number: null, unit: '%' };
  if (role === 'timeliness') return { kind: 'deadline', year: null, month: null, day: null, suffix: '前完成' };
  return { kind: 'text' };
}

/**
 * Every category of the framework starts with one empty row, to fill in or mark as not applicable; its
 * value starts as the library's clear favourite for the 二级 when there is one (lib/editor/learned-defaults.ts).
 */
export function blankTable(framework: Framework, newKey: () => string, learned?: LearnedDefaults): TableInput {
  return {
    code: '',
    name: '',
    budget: { total: '', fiscal: '', other: null },
    purpose: '',
    goal: '',
    schedule: DEFAULT_PLAN.map((c) => ({ ...c })),
    indicators: framework.sections.flatMap((s) =>
      s.categories.map((c): Row => ({
        key: newKey(),
        level1: s.name,
        level2: c.name,
        name: '',
        description: '',
        value: '',
        target: learned?.[c.name] ? structuredClone(learned[c.name]!) : startingTarget(c.role),
        basis: '',
        isPlaceholder: false,
      })),
    ),
  };
}

export function editorValues(table: TargetTable, framework: Framework): TableInput {
  return {
    ...table,
    // Unfilled amounts are stored as 0.00; they come back as empty fields to fill, like unfinished numbers.
    budget: isUnfilledBudget(table.budget) ? { total: '', fiscal: '', other: null } : table.budget,
    indicators: table.indicators.map((r): Row => {
      if (r.isPlaceholder || r.target.kind !== 'text' || r.value.trim() !== '') return r;
      const target = startingTarget(findCategory(framework, r.level2)?.category.role ?? null);
      return target.kind === 'text' ? r : { ...r, target };
    }),
  };
}
